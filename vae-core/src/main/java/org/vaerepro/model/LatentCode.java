package org.vaerepro.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Encoder output for a batch: mean [N, d] and, for variational models, log-variance [N, d] (else null). */
public record LatentCode(INDArray mean, INDArray logVariance) {
    public boolean variational() {
        return logVariance != null;
    }
}
