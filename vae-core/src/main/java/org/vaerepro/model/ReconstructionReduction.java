package org.vaerepro.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.vaerepro.io.Identified;

/**
 * How the training objective reduces an image's per-pixel reconstruction terms: a detail the source does not state.
 * {@link #SUM} adds them (the negative log-likelihood of the image; this project's choice and every committed
 * baseline's); {@link #MEAN} averages them, as PyTorch's {@code binary_cross_entropy} and {@code mse_loss} do by
 * default ({@code reduction='mean'}), which weighs the KL term C*H*W times more (784x on MNIST, 3072x on CIFAR-10).
 * Either way the graph's {@code reconstructionLoss} output is the per-image sum; only the objective's term
 * ({@code weightedReconstruction}) changes.
 */
public enum ReconstructionReduction implements Identified {
    SUM,
    MEAN;

    @JsonCreator
    public static ReconstructionReduction fromId(String id) {
        return Identified.fromId(ReconstructionReduction.class, id, "reconstruction reduction");
    }

    /** The factor of the per-image summed reconstruction term in the objective, for images of {@code pixels} values. */
    public double weight(long pixels) {
        return this == SUM ? 1.0 : 1.0 / pixels;
    }
}
