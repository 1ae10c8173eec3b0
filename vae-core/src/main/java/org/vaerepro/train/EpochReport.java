package org.vaerepro.train;

/** Means over one epoch's steps (KL is the unweighted KL; 0 for the plain autoencoder). */
public record EpochReport(int epoch, double loss, double reconstruction, double kl, double seconds,
        double imagesPerSecond) {
}
