package org.vaerepro.train;

/**
 * One epoch: means over its training steps (KL is the unweighted KL; 0 for the plain autoencoder), its time,
 * and, when the run holds out validation images, the {@link ValidationReport} measured after it (else null).
 */
public record EpochReport(int epoch, double loss, double reconstruction, double kl, double seconds,
        double imagesPerSecond, ValidationReport validation) {
}
