package org.vaerepro.experiment;

/**
 * Measured numbers of one experiment on its test images. PSNR (dB, data range 1): mean of per-image
 * values and pooled over all pixels. SSIM: Wang et al. 2004, mean over images. LPIPS: AlexNet v0.1,
 * mean over images, small images handled per {@code lpipsSmallImages}. kNN: 5-NN accuracy of
 * latent means. Active units: Var_x(E[z|x]) > 0.01.
 */
public record ExperimentMetrics(int testImages, double psnr, double psnrPooled, double ssim, double lpips,
        String lpipsSmallImages, double testReconstructionLoss, double testKl, int activeUnits, double knnAccuracy,
        double latentPlotExplainedVariance) {
}
