package org.vaerepro.reproductions;

/** The rows of the seed's tables as "dataset/d", shared by the gate's Cartesian tests. */
final class TableRows {
    static final String MNIST_2 = "mnist/2";
    static final String MNIST_10 = "mnist/10";
    static final String CIFAR_64 = "cifar10/64";
    static final String CIFAR_128 = "cifar10/128";
    static final String CIFAR_256 = "cifar10/256";

    private TableRows() {
    }
}
