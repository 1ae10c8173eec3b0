package org.vaerepro.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.vaerepro.io.Identified;

/** Per-image reconstruction term, summed over pixels and averaged over the batch. */
public enum ReconstructionLoss implements Identified {
    /** Binary cross-entropy against the sigmoid output, computed from logits for stability. */
    BCE,
    /** Squared error of the sigmoid output. */
    MSE;

    @JsonCreator
    public static ReconstructionLoss fromId(String id) {
        return Identified.fromId(ReconstructionLoss.class, id, "loss");
    }
}
