package org.vaerepro.model;

import static org.vaerepro.model.GraphNames.*;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.DeConv2DConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Builds the SameDiff graph of a {@link ModelConfig}. Parameters are initialised from a seeded Java
 * RNG with PyTorch's default bounds (uniform ±1/sqrt(fan_in)), so initialisation depends on the seed
 * alone and matches what the source's PyTorch models start from in distribution.
 */
final class GraphBuilder {
    private final ModelConfig config;
    private final DataType dataType;
    private final SplittableRandom random;
    private final SameDiff sd = SameDiff.create();
    private final List<SDVariable[]> decoderLayers = new ArrayList<>();
    private SDVariable decoderDenseW;
    private SDVariable decoderDenseB;

    GraphBuilder(ModelConfig config, DataType dataType, long seed) {
        this.config = config;
        this.dataType = dataType;
        this.random = new SplittableRandom(seed);
    }

    SameDiff build() {
        int c = config.input().channels();
        int side = config.input().height();
        int d = config.latentDim();
        List<Integer> ch = config.channels();

        SDVariable x = sd.placeHolder(INPUT, dataType, -1, c, side, side);
        SDVariable h = x;
        int in = c;
        for (int i = 0; i < 3; i++) {
            SDVariable w = param("encoder" + i + "_W", in * 9, 3, 3, in, ch.get(i));
            SDVariable b = param("encoder" + i + "_b", in * 9, ch.get(i));
            h = relu(sd.cnn().conv2d(h, w, b, Conv2DConfig.builder().kH(3).kW(3).sH(2).sW(2).pH(1).pW(1)
                    .dataFormat("NCHW").build()));
            in = ch.get(i);
        }
        int flat = config.flatFeatures();
        SDVariable features = h.reshape(-1, flat);

        SDVariable mean = dense(features, param("mean_W", flat, flat, d), param("mean_b", flat, d)).rename(MEAN);
        SDVariable z;
        if (config.architecture().variational()) {
            SDVariable logVar = dense(features, param("logVariance_W", flat, flat, d), param("logVariance_b", flat, d))
                    .rename(LOG_VARIANCE);
            SDVariable eps = sd.placeHolder(EPS, dataType, -1, d);
            z = mean.add(sd.math().exp(logVar.mul(0.5)).mul(eps));
            // KL(N(mu, sigma^2) || N(0, I)) per image, averaged over the batch.
            SDVariable klPerImage = logVar.add(1.0).sub(mean.mul(mean)).sub(sd.math().exp(logVar)).sum(1).mul(-0.5);
            SDVariable kl = klPerImage.mean().rename(KL);
            // The objective's term: beta * KL, or beta * KL / d when averaged over dimensions (one scalar factor,
            // so the default's graph is the one every baseline was trained with).
            kl.mul(WEIGHTED_KL, config.klReduction().weight(config.beta(), d));
        } else {
            z = mean;
        }

        decoderDenseW = param("decoderDense_W", d, d, flat);
        decoderDenseB = param("decoderDense_b", d, flat);
        int[] plan = {ch.get(2), ch.get(1), ch.get(0), c};
        boolean upsampling = config.architecture().upsamplingDecoder();
        // One constant for every derived kernel; only the upsampling decoder derives any.
        SDVariable phaseSums = upsampling ? sd.constant(Nd4j.create(PHASE_SUMS).castTo(dataType)) : null;
        for (int i = 0; i < 3; i++) {
            int k = upsampling ? 3 : kernel(i);
            int fanIn = upsampling ? plan[i] * 9 : plan[i + 1] * k * k;
            // conv2d weights are [kH, kW, in, out]; deconv2d weights are [kH, kW, out, in].
            SDVariable w = upsampling
                    ? param("decoder" + i + "_W", fanIn, 3, 3, plan[i], plan[i + 1])
                    : param("decoder" + i + "_W", fanIn, k, k, plan[i + 1], plan[i]);
            SDVariable b = param("decoder" + i + "_b", fanIn, plan[i + 1]);
            // Derived once here, so the training and decoding paths share one kernel computation.
            SDVariable opWeights = upsampling && decoderSizes()[i] % 2 == 0 ? upsampledKernel(w, phaseSums) : w;
            decoderLayers.add(new SDVariable[] {opWeights, b});
        }

        SDVariable logits = decoder(z);
        sd.nn().sigmoid(RECONSTRUCTION, logits);
        SDVariable perPixel;
        if (config.loss() == ReconstructionLoss.BCE) {
            // BCE(x, sigmoid(l)) = softplus(l) - x*l, exact and stable for any logit.
            perPixel = sd.nn().softplus(logits).sub(x.mul(logits));
        } else {
            SDVariable diff = sd.nn().sigmoid(logits).sub(x);
            perPixel = diff.mul(diff);
        }
        SDVariable reconstructionLoss = perPixel.sum(1, 2, 3).mean().rename(RECONSTRUCTION_LOSS);
        String reconstructionTerm = RECONSTRUCTION_LOSS;
        if (config.reconstructionReduction() != ReconstructionReduction.SUM) {
            // Only a non-default reduction adds an op, so the summed objective's graph stays the baselines' one.
            reconstructionLoss.mul(WEIGHTED_RECONSTRUCTION, config.reconstructionReduction().weight(config.input().pixels()));
            reconstructionTerm = WEIGHTED_RECONSTRUCTION;
        }

        SDVariable latent = sd.placeHolder(LATENT, dataType, -1, d);
        // The logits are named too: a likelihood of the decoder's output is stable only computed from them.
        sd.nn().sigmoid(DECODED, decoder(latent).rename(DECODED_LOGITS));

        if (config.architecture().variational()) {
            sd.setLossVariables(reconstructionTerm, WEIGHTED_KL);
        } else {
            sd.setLossVariables(reconstructionTerm);
        }
        return sd;
    }

    /** Transposed-convolution kernel per layer: 28 px needs 4→7 (k3) then 7→14→28 (k4); 32 px is k4 throughout. */
    private int kernel(int layer) {
        return config.input().height() == 28 && layer == 0 ? 3 : 4;
    }

    /** Side of each decoder layer's output: 4→7→14→28 for 28 px inputs, 4→8→16→32 for 32 px. */
    private int[] decoderSizes() {
        return config.input().height() == 28 ? new int[] {7, 14, 28} : new int[] {8, 16, 32};
    }

    /** Decoder logits from codes z, sharing one set of weights between the training and decoding paths. */
    private SDVariable decoder(SDVariable z) {
        int side = config.bottleneckSide();
        SDVariable dense = dense(z, decoderDenseW, decoderDenseB);
        SDVariable h = (config.decoderDenseActivation() == DecoderDenseActivation.RELU ? relu(dense) : dense)
                .reshape(-1, config.channels().get(2), side, side);

        int[] sizes = decoderSizes();
        for (int i = 0; i < 3; i++) {
            SDVariable w = decoderLayers.get(i)[0];
            SDVariable b = decoderLayers.get(i)[1];
            if (config.architecture().upsamplingDecoder() && sizes[i] % 2 == 1) {
                // Nearest-neighbour 4→7 picks rows floor(i*4/7) = 0,0,1,1,2,2,3: the same as 2x then crop.
                h = sd.cnn().upsampling2d(h, 2, 2, true);
                h = h.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(0, sizes[i]), SDIndex.interval(0, sizes[i]));
                h = sd.cnn().conv2d(h, w, b, Conv2DConfig.builder().kH(3).kW(3).sH(1).sW(1).pH(1).pW(1)
                        .dataFormat("NCHW").build());
            } else if (config.architecture().upsamplingDecoder()) {
                // Nearest 2x upsampling then a 3x3 conv (pad 1) is exactly a stride-2 transposed conv whose
                // 4x4 kernel sums the 3x3 taps that land on the same input pixel: 4 instead of 9
                // multiply-adds per output and no upsampled map, so about twice as fast. The parameters
                // stay the 3x3 conv weights; w here is the 4x4 kernel derived from them in build().
                h = sd.cnn().deconv2d(h, w, b, DeConv2DConfig.builder().kH(4).kW(4).sH(2).sW(2)
                        .pH(1).pW(1).dataFormat("NCHW").isSameMode(false).build());
            } else {
                int k = kernel(i);
                h = sd.cnn().deconv2d(h, w, b, DeConv2DConfig.builder().kH(k).kW(k).sH(2).sW(2).pH(1).pW(1)
                        .dataFormat("NCHW").isSameMode(false).build());
            }
            if (i < 2) {
                h = relu(h);
            }
        }
        return h;
    }

    /**
     * The transposed-conv kernel [4, 4, out, in] equal to nearest 2x upsampling followed by the 3x3 conv
     * {@code w} [3, 3, in, out]. Along each axis, output 2j sees input j-1 through tap 0 and input j through
     * taps 1 and 2; output 2j+1 sees input j through taps 0 and 1 and input j+1 through tap 2. With the
     * transposed conv's rule output = 2*input + k - 1, kernel row k sums the conv rows in {@link #PHASE_SUMS}[k]
     * ({@code sums}, as a graph constant).
     */
    private static SDVariable upsampledKernel(SDVariable w, SDVariable sums) {
        long in = w.getShape()[2];
        long out = w.getShape()[3];
        // Rows first: [4, 3*in*out], then columns, via a transpose of the two kernel axes in between.
        SDVariable rows = sums.mmul(w.reshape(3, 3 * in * out)).reshape(4, 3, in * out).permute(1, 0, 2);
        SDVariable both = sums.mmul(rows.reshape(3, 4 * in * out)).reshape(4, 4, in, out);
        // both is [column k, row k, in, out]; deconv2d wants [row k, column k, out, in].
        return both.permute(1, 0, 3, 2);
    }

    /** Which 3x3 taps (rows) each of the 4 transposed-conv taps adds up, per axis. */
    private static final double[][] PHASE_SUMS = {{0, 0, 1}, {0, 1, 1}, {1, 1, 0}, {1, 0, 0}};

    /**
     * ReLU as x * step(x): the same values and the same gradient (step(x) is 1 for x > 0, else 0, and has
     * zero gradient), but ND4J 1.0.0-M2.1's relu backward op (thresholdedrelu_bp) takes 5 ms on a
     * 128x32x14x14 map where multiply's backward takes 1.5 ms: about 10% of an MNIST training step.
     */
    private SDVariable relu(SDVariable x) {
        return x.mul(sd.math().step(x, 0.0));
    }

    /**
     * x·W + b as two ops. ND4J 1.0.0-M2.1's fused {@code xw_plus_b} returns wrong values from its second
     * call on with the oneDNN natives (first call right; avx2 natives always right), which corrupted
     * every evaluation after the first; EvaluationConsistencyTest guards against that class of bug.
     */
    private static SDVariable dense(SDVariable x, SDVariable w, SDVariable b) {
        return x.mmul(w).add(b);
    }

    private SDVariable param(String name, int fanIn, long... shape) {
        double bound = 1.0 / Math.sqrt(fanIn);
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        double[] values = new double[(int) n];
        for (int i = 0; i < values.length; i++) {
            values[i] = (random.nextDouble() * 2 - 1) * bound;
        }
        INDArray array = Nd4j.create(values, shape, DataType.DOUBLE).castTo(dataType);
        return sd.var(name, array);
    }
}
