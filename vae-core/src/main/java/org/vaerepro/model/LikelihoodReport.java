package org.vaerepro.model;

import java.util.List;

/**
 * Test-set likelihood bounds of a VAE ({@link MarginalLikelihood}), in nats per image unless named otherwise, each
 * a mean over images with its standard error (sample standard deviation over images / sqrt(images)):
 * <ul>
 * <li>{@code nll}: -log p(x) estimated with {@code samples} importance samples from q(z|x) (the IWAE bound,
 * Burda et al. 2016): an upper bound on the true NLL in expectation, tightening as {@code samples} grows;</li>
 * <li>{@code elbo} and {@code negativeElbo}: the mean over the samples of log w_k = log p(x|z_k) + log p(z_k) -
 * log q(z_k|x), the ELBO with the KL estimated from the samples;</li>
 * <li>{@code analyticElbo}: log p(x|z) at one sampled z minus the closed-form KL, as the training loss computes it
 * ({@code reconstruction} and {@code kl} are its two terms);</li>
 * <li>bits per dimension: a value in nats divided by ({@code dimensions} · ln 2), {@code dimensions} = C·H·W,
 * for images in [0,1] with no dequantisation or 8-bit correction.</li>
 * </ul>
 * {@code likelihood} names log p(x|z) ({@link MarginalLikelihood.Likelihood}: "bernoulli" or
 * "gaussian-variance-0.5"); {@code noiseSeed} keys the importance samples ({@link EvaluationNoise}).
 * {@code nllPerImage} keeps each image's NLL, in the order evaluated, so that two models evaluated on the same images
 * can be compared image by image; null in files written before it was kept.
 */
public record LikelihoodReport(String likelihood, int images, int samples, int dimensions, long noiseSeed,
        Estimate nll, Estimate elbo, Estimate negativeElbo, Estimate analyticElbo, Estimate reconstruction, Estimate kl,
        double nllBitsPerDimension, double negativeElboBitsPerDimension, double negativeAnalyticElboBitsPerDimension,
        List<Double> nllPerImage) {

    public LikelihoodReport {
        nllPerImage = nllPerImage == null ? null : List.copyOf(nllPerImage);
    }

    /** A mean over images and its standard error. */
    public record Estimate(double mean, double standardError) {
        static Estimate of(double[] values) {
            double sum = 0;
            for (double v : values) {
                sum += v;
            }
            double mean = sum / values.length;
            double squares = 0;
            for (double v : values) {
                squares += (v - mean) * (v - mean);
            }
            return new Estimate(mean, Math.sqrt(squares / (values.length - 1) / values.length));
        }

        Estimate negated() {
            return new Estimate(-mean, standardError);
        }
    }
}
