package org.vaerepro.model;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Loss terms of one training batch (per image, batch mean) and the gradient of the objective by parameter name:
 * {@code reconstruction} summed over an image's pixels and the objective's term ({@code weightedReconstruction}, the
 * same unless the reduction averages over pixels); {@code kl} and {@code weightedKl} are 0 for the autoencoder.
 */
public record BatchGradients(double reconstruction, double weightedReconstruction, double kl, double weightedKl,
        Map<String, INDArray> gradients) {
    /** The training objective: the reconstruction term + beta * KL, each reduced as the model's config says. */
    public double loss() {
        return weightedReconstruction + weightedKl;
    }
}
