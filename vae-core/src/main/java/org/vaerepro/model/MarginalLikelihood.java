package org.vaerepro.model;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaerepro.io.Preconditions;

/**
 * Test-set ELBO and importance-sampled negative log-likelihood of a VAE (the IWAE bound of Burda et al. 2016, as
 * pythae's {@code get_nll} computes it). For each image x, K samples z_k ~ q(z|x) = N(mu, exp(logvar)) give
 * log w_k = log p(x|z_k) + log p(z_k) - log q(z_k|x) with p(z) = N(0, I); then NLL ≈ -(logsumexp_k log w_k - log K),
 * ELBO = mean_k log w_k, and the analytic-KL ELBO = log p(x|z_1) - KL(q(z|x) || p(z)) in closed form, as the
 * training loss computes it (the KL summed over latent dimensions whatever the model's {@link KlReduction}: these
 * are bounds on the model's likelihood, not its training objective). Results per image; {@link #report()} gives
 * means and standard errors ({@link LikelihoodReport}).
 *
 * <p>log p(x|z) follows the model's {@link ReconstructionLoss}, whose training term is -log p(x|z) up to a constant:
 * <ul>
 * <li>{@code bce}: Bernoulli, log p(x|z) = sum_p [x_p·l_p - softplus(l_p)] over the decoder's logits l (stable for
 * any logit; no constant). This is a normalised probability only for binary pixels. MNIST's grey levels and
 * CIFAR-10's colours in [0,1] are not binary, so on them the value is the log of a pseudo-likelihood: the ELBO
 * bounds, and the NLL estimates, an unnormalised quantity; comparable between models measured the same way (and
 * with numbers from code that does the same, as pythae's does), not a density of the images.</li>
 * <li>{@code mse}: Gaussian with the variance the summed squared-error loss implies. sum_p (x_p - x̂_p)² is
 * -log N(x; x̂, σ²I) up to a constant exactly when 1/(2σ²) = 1, so σ² = 1/2 and log p(x|z) = -sum_p (x_p - x̂_p)²
 * - (D/2)·ln π, with x̂ = sigmoid(l) and D = C·H·W (the constant: 448.7 nats for 28x28x1, 1758.3 for 32x32x3). A
 * density on R^D, so not comparable with likelihoods of 8-bit images without a dequantisation correction.</li>
 * </ul>
 * The noise is {@link EvaluationNoise#IMPORTANCE_SAMPLES} of {@code noiseSeed}, per image index in the order
 * images are added, so results do not depend on the batching and no training stream is touched; K samples of a
 * batch are decoded {@code decodeRows} codes at a time. Only for variational models: the autoencoder has no
 * q(z|x). Not thread-safe (as the model).
 */
public final class MarginalLikelihood {
    /** log p(x|z): what the model's reconstruction loss is the negative of. */
    public enum Likelihood {
        /** Bernoulli per pixel, from the decoder's logits (loss {@code bce}). */
        BERNOULLI("bernoulli"),
        /** Gaussian per pixel with variance 1/2 around the decoder's sigmoid output (loss {@code mse}). */
        GAUSSIAN("gaussian-variance-0.5");

        private final String id;

        Likelihood(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Likelihood of(ReconstructionLoss loss) {
            return loss == ReconstructionLoss.BCE ? BERNOULLI : GAUSSIAN;
        }
    }

    public static final int DEFAULT_DECODE_ROWS = 1000;

    private final AutoencoderModel model;
    private final int samples;
    private final long noiseSeed;
    private final int decodeRows;
    private final Likelihood likelihood;
    private final int dimensions;
    private final int latentDim;
    private final List<double[]> perImage = new ArrayList<>();

    /** K = {@code samples} importance samples per image from the noise of {@code noiseSeed}. */
    public MarginalLikelihood(AutoencoderModel model, int samples, long noiseSeed) {
        this(model, samples, noiseSeed, DEFAULT_DECODE_ROWS);
    }

    public MarginalLikelihood(AutoencoderModel model, int samples, long noiseSeed, int decodeRows) {
        Preconditions.notNull(model, "model");
        Preconditions.check(model.config().architecture().variational(), "the ELBO and the importance-sampled NLL "
                + "need a variational model: the autoencoder ('" + model.config().architecture().id() + "') has no "
                + "posterior q(z|x) to sample from");
        this.model = model;
        this.samples = Preconditions.positive(samples, "samples");
        this.noiseSeed = noiseSeed;
        this.decodeRows = Preconditions.positive(decodeRows, "decodeRows");
        this.likelihood = Likelihood.of(model.config().loss());
        this.dimensions = model.config().input().pixels();
        this.latentDim = model.config().latentDim();
    }

    /** Adds the next batch of test images in [0,1], [N, C, H, W] of the model's input shape. */
    public void add(INDArray images) {
        INDArray x = model.feed(images, null).get(GraphNames.INPUT);
        int n = (int) x.size(0);
        int d = latentDim;
        LatentCode code = model.encode(x);
        double[] mu = doubles(code.mean());
        double[] logVar = doubles(code.logVariance());
        double[] pixels = doubles(x);
        long first = perImage.size();

        // The K codes of each image, image by image, as fed to the decoder (float), with log p(z) - log q(z|x).
        int rows = n * samples;
        float[] z = new float[rows * d];
        double[] logPriorOverPosterior = new double[rows];
        double[] kl = new double[n];
        for (int i = 0; i < n; i++) {
            double[] eps = GaussianNoise.values(noiseSeed, EvaluationNoise.IMPORTANCE_SAMPLES.stream(first + i),
                    samples * d);
            for (int j = 0; j < d; j++) {
                double m = mu[i * d + j];
                double lv = logVar[i * d + j];
                kl[i] += -0.5 * (1 + lv - m * m - Math.exp(lv));
            }
            for (int k = 0; k < samples; k++) {
                int row = i * samples + k;
                double sum = 0;
                for (int j = 0; j < d; j++) {
                    double m = mu[i * d + j];
                    double lv = logVar[i * d + j];
                    double sigma = Math.exp(0.5 * lv);
                    float value = (float) (m + sigma * eps[k * d + j]);
                    z[row * d + j] = value;
                    double standardised = (value - m) / sigma;
                    // log N(z; 0, 1) - log N(z; mu, sigma^2): the 2π terms cancel.
                    sum += -0.5 * value * value + 0.5 * lv + 0.5 * standardised * standardised;
                }
                logPriorOverPosterior[row] = sum;
            }
        }
        double[] logLikelihood = decodeLogLikelihoods(z, rows, pixels);
        double logSamples = Math.log(samples);
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            double mean = 0;
            double[] logW = new double[samples];
            for (int k = 0; k < samples; k++) {
                int row = i * samples + k;
                logW[k] = logLikelihood[row] + logPriorOverPosterior[row];
                max = Math.max(max, logW[k]);
                mean += logW[k] / samples;
            }
            double sumExp = 0;
            for (int k = 0; k < samples; k++) {
                sumExp += Math.exp(logW[k] - max);
            }
            double nll = -(max + Math.log(sumExp) - logSamples);
            double reconstruction = logLikelihood[i * samples];
            perImage.add(new double[] {nll, mean, reconstruction - kl[i], reconstruction, kl[i]});
        }
    }

    /** log p(x|z) of every row of codes {@code z}, row r belonging to image r / samples. */
    private double[] decodeLogLikelihoods(float[] z, int rows, double[] pixels) {
        double[] result = new double[rows];
        double constant = likelihood == Likelihood.GAUSSIAN ? -0.5 * dimensions * Math.log(Math.PI) : 0;
        for (int from = 0; from < rows; from += decodeRows) {
            int count = Math.min(decodeRows, rows - from);
            float[] chunk = java.util.Arrays.copyOfRange(z, from * latentDim, (from + count) * latentDim);
            INDArray codes = Nd4j.create(chunk, new long[] {count, latentDim}, 'c').castTo(model.dataType());
            double[] logits = doubles(model.decodeLogits(codes));
            for (int r = 0; r < count; r++) {
                int image = (from + r) / samples;
                double sum = 0;
                for (int p = 0; p < dimensions; p++) {
                    double l = logits[r * dimensions + p];
                    double x = pixels[image * dimensions + p];
                    if (likelihood == Likelihood.BERNOULLI) {
                        // x·l - softplus(l), softplus(l) = max(l, 0) + log(1 + exp(-|l|)).
                        sum += x * l - (Math.max(l, 0) + Math.log1p(Math.exp(-Math.abs(l))));
                    } else {
                        double difference = x - 1 / (1 + Math.exp(-l));
                        sum -= difference * difference;
                    }
                }
                result[from + r] = sum + constant;
            }
        }
        return result;
    }

    private static double[] doubles(INDArray array) {
        return array.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    /** Images added so far. */
    public int images() {
        return perImage.size();
    }

    /** -log p(x) estimated from the K samples, per image in nats, in the order added. */
    public double[] nll() {
        return column(0);
    }

    /** mean_k log w_k per image, in nats. */
    public double[] elbo() {
        return column(1);
    }

    /** log p(x|z_1) - KL(q(z|x) || p(z)) per image, in nats. */
    public double[] analyticElbo() {
        return column(2);
    }

    /** log p(x|z_1) per image, at the first sample: the analytic ELBO's reconstruction term, in nats. */
    public double[] reconstruction() {
        return column(3);
    }

    /** KL(q(z|x) || p(z)) per image in closed form, summed over latent dimensions, in nats. */
    public double[] kl() {
        return column(4);
    }

    private double[] column(int index) {
        return perImage.stream().mapToDouble(values -> values[index]).toArray();
    }

    /** Means and standard errors over the images added (at least 2). */
    public LikelihoodReport report() {
        Preconditions.check(perImage.size() >= 2, "a standard error needs at least 2 images, got " + perImage.size());
        LikelihoodReport.Estimate nll = LikelihoodReport.Estimate.of(nll());
        LikelihoodReport.Estimate elbo = LikelihoodReport.Estimate.of(elbo());
        LikelihoodReport.Estimate analytic = LikelihoodReport.Estimate.of(analyticElbo());
        double bits = dimensions * Math.log(2);
        return new LikelihoodReport(likelihood.id(), perImage.size(), samples, dimensions, noiseSeed, nll, elbo,
                elbo.negated(), analytic, LikelihoodReport.Estimate.of(reconstruction()), LikelihoodReport.Estimate.of(kl()),
                nll.mean() / bits, -elbo.mean() / bits, -analytic.mean() / bits,
                java.util.Arrays.stream(nll()).boxed().toList());
    }
}
