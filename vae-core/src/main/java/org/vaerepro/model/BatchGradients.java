package org.vaerepro.model;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Loss terms of one training batch (per image, batch mean) and the gradient of their sum by parameter
 * name; {@code kl} and {@code weightedKl} are 0 for the autoencoder.
 */
public record BatchGradients(double reconstruction, double kl, double weightedKl, Map<String, INDArray> gradients) {
    /** The training objective: reconstruction + beta * KL. */
    public double loss() {
        return reconstruction + weightedKl;
    }
}
