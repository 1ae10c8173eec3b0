package org.vaerepro.experiment;

import java.util.Map;

/**
 * Measured numbers of one experiment on its test images. PSNR (dB, data range 1): mean of per-image
 * values and pooled over all pixels. SSIM: Wang et al. 2004, mean over images. LPIPS: AlexNet v0.1,
 * mean over images, small images handled per {@code lpipsSmallImages}; for images under 32x32,
 * {@code lpipsByPolicy} holds the value under every size rule. Probes on latent means: 5-NN and
 * multinomial logistic regression accuracy (fitted on train means), silhouette of test means by class.
 * Active units: Var_x(E[z|x]) > 0.01.
 */
public record ExperimentMetrics(int testImages, double psnr, double psnrPooled, double ssim, double lpips,
        String lpipsSmallImages, Map<String, Double> lpipsByPolicy, double testReconstructionLoss, double testKl,
        int activeUnits, double knnAccuracy, double linearProbeAccuracy, double silhouette,
        double latentPlotExplainedVariance) {
}
