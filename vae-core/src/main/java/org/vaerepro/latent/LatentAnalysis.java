package org.vaerepro.latent;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What the encoder's posterior means say about the latent space: active units (Burda et al. 2016:
 * Var_x(E[z|x]) > 0.01), and per-dimension KL to the prior averaged over images (VAEs only).
 */
public record LatentAnalysis(int activeUnits, double[] meanVariance, double[] klPerDimension) {
    public static final double ACTIVE_THRESHOLD = 0.01;

    /** @param logVariances null for deterministic autoencoders */
    public static LatentAnalysis of(INDArray means, INDArray logVariances) {
        INDArray mu = means.castTo(DataType.DOUBLE);
        double[] variance = mu.var(false, 0).data().asDouble();
        int active = 0;
        for (double v : variance) {
            if (v > ACTIVE_THRESHOLD) {
                active++;
            }
        }
        double[] kl = null;
        if (logVariances != null) {
            INDArray lv = logVariances.castTo(DataType.DOUBLE);
            // KL per image and dimension: -0.5 (1 + logvar - mu^2 - exp(logvar)).
            INDArray perDim = lv.add(1).sub(mu.mul(mu)).sub(org.nd4j.linalg.ops.transforms.Transforms.exp(lv, true))
                    .mul(-0.5);
            kl = perDim.mean(0).data().asDouble();
        }
        return new LatentAnalysis(active, variance, kl);
    }
}
