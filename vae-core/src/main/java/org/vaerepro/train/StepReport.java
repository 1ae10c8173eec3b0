package org.vaerepro.train;

/** One optimisation step: batch losses, throughput and remaining-time estimate. */
public record StepReport(int epoch, int stepInEpoch, int stepsPerEpoch, long globalStep, double loss,
        double reconstruction, double kl, double imagesPerSecond, double etaSeconds) {
}
