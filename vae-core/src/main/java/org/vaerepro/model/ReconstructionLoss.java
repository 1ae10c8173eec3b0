package org.vaerepro.model;

import java.util.Arrays;
import java.util.Locale;

/** Per-image reconstruction term, summed over pixels and averaged over the batch. */
public enum ReconstructionLoss {
    /** Binary cross-entropy against the sigmoid output, computed from logits for stability. */
    BCE,
    /** Squared error of the sigmoid output. */
    MSE;

    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static ReconstructionLoss fromId(String id) {
        return Arrays.stream(values()).filter(l -> l.id().equalsIgnoreCase(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown loss '" + id + "', expected one of [bce, mse]"));
    }
}
