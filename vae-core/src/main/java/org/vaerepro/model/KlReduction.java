package org.vaerepro.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.vaerepro.io.Identified;

/**
 * How the training objective reduces the per-dimension KL terms of an image: a detail the source does not
 * state. {@link #SUM} is the KL divergence itself (this project's choice, and every committed baseline's);
 * {@link #MEAN}, common in PyTorch VAE code ({@code torch.mean} over the latent dimensions), divides it by
 * the latent dimension d, so it trains as beta/d would. Either way the graph's {@code kl} output is the KL
 * divergence summed over dimensions; only the objective's term ({@code weightedKl}) changes.
 */
public enum KlReduction implements Identified {
    SUM,
    MEAN;

    @JsonCreator
    public static KlReduction fromId(String id) {
        return Identified.fromId(KlReduction.class, id, "KL reduction");
    }

    /** The factor of the KL divergence in the objective, for {@code beta} and {@code latentDim} dimensions. */
    public double weight(double beta, int latentDim) {
        return this == SUM ? beta : beta / latentDim;
    }
}
