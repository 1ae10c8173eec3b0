package org.vaerepro.experiment;

import java.util.Map;
import org.vaerepro.model.LikelihoodReport;

/**
 * Measured numbers of one experiment on its test images. The headline PSNR and LPIPS are under the protocol the
 * spec declares ({@link EvaluationFields}); {@code byProtocol} holds every protocol's value
 * ({@code org.vaerepro.metrics.ProtocolVariants} ids, e.g. {@code psnr/mean/per-image},
 * {@code lpips/sampled/raw/resize64}; empty in files from before it existed). PSNR (dB, data range 1): the headline,
 * and pooled over all pixels under the same decoding. SSIM: Wang et al. 2004, mean over images, of the posterior
 * mean's reconstructions. LPIPS: AlexNet v0.1, mean over images, small images handled per
 * {@code lpipsSmallImages}; for images under 32x32, {@code lpipsByPolicy} holds the value under the 32x32 rules.
 * Probes on latent means: 5-NN and multinomial logistic regression accuracy (fitted on train means), silhouette of
 * test means by class. Active units: Var_x(E[z|x]) > 0.01. {@code likelihood}: the test-set ELBO and
 * importance-sampled NLL, when the spec asks for them (else null).
 */
public record ExperimentMetrics(int testImages, double psnr, double psnrPooled, double ssim, double lpips,
        String lpipsSmallImages, Map<String, Double> lpipsByPolicy, double testReconstructionLoss, double testKl,
        int activeUnits, double knnAccuracy, double linearProbeAccuracy, double silhouette,
        double latentPlotExplainedVariance, Map<String, Double> byProtocol, LikelihoodReport likelihood) {

    public ExperimentMetrics {
        byProtocol = byProtocol == null ? Map.of() : new java.util.LinkedHashMap<>(byProtocol);
    }

    /**
     * Every number measured, by a stable name: the protocol grid by its ids ({@code psnr/mean/per-image}, ...), then
     * {@code ssim}, {@code testReconstructionLoss}, {@code testKl}, {@code activeUnits}, {@code knnAccuracy},
     * {@code linearProbeAccuracy}, {@code silhouette}, {@code latentPlotExplainedVariance} and, with likelihood
     * bounds, the means of {@code likelihood/nll}, {@code likelihood/elbo}, {@code likelihood/analyticElbo},
     * {@code likelihood/reconstruction} and {@code likelihood/kl}. The headline PSNR, pooled PSNR and LPIPS are grid
     * values under the spec's protocol, so they are not repeated.
     */
    public Map<String, Double> values() {
        Map<String, Double> values = new java.util.LinkedHashMap<>(byProtocol);
        values.put("ssim", ssim);
        values.put("testReconstructionLoss", testReconstructionLoss);
        values.put("testKl", testKl);
        values.put("activeUnits", (double) activeUnits);
        values.put("knnAccuracy", knnAccuracy);
        values.put("linearProbeAccuracy", linearProbeAccuracy);
        values.put("silhouette", silhouette);
        values.put("latentPlotExplainedVariance", latentPlotExplainedVariance);
        if (likelihood != null) {
            values.put("likelihood/nll", likelihood.nll().mean());
            values.put("likelihood/elbo", likelihood.elbo().mean());
            values.put("likelihood/analyticElbo", likelihood.analyticElbo().mean());
            values.put("likelihood/reconstruction", likelihood.reconstruction().mean());
            values.put("likelihood/kl", likelihood.kl().mean());
        }
        return values;
    }
}
