package org.vaerepro.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaerepro.data.ImageShape;

/**
 * Analytic gradients of the full objective (reconstruction + beta·KL) against central finite
 * differences, in double precision, for every parameter tensor (a seeded sample of entries each).
 */
class GradientCheckTest {
    // The loss sums 784-3072 pixels per image (value 500-2500): with a 1e-6 step the numeric gradient
    // is quantised in steps of ulp(loss)/2e-6 (6e-8 to 2.3e-7), so differences under 16 quanta are
    // rounding noise. A larger step crosses ReLU kinks. The relative bound is DL4J's own for
    // convolutional nets; a wrong gradient is off by O(1), not 1e-3.
    private static final double STEP = 1e-6;
    private static final double MAX_RELATIVE_ERROR = 1e-3;
    private static final int NOISE_QUANTA = 16;

    @ParameterizedTest
    @ValueSource(strings = {"vae", "vae-upsample", "ae"})
    void gradientsMatchFiniteDifferences(String arch) {
        for (int side : new int[] {28, 32}) {
            int channels = side == 28 ? 1 : 3;
            check(new ModelConfig(Architecture.fromId(arch), new ImageShape(channels, side, side), 2, List.of(2, 3, 4),
                    ReconstructionLoss.BCE, 1.0, DecoderDenseActivation.RELU), 5);
        }
    }

    @org.junit.jupiter.api.Test
    void squaredErrorLossAndBetaAlsoCheck() {
        check(new ModelConfig(new Architecture.Vae(), new ImageShape(1, 28, 28), 3, List.of(2, 2, 3),
                ReconstructionLoss.MSE, 4.0, DecoderDenseActivation.RELU), 9);
    }

    @org.junit.jupiter.api.Test
    void noActivationAfterTheDecoderDenseLayerAlsoChecks() {
        for (String arch : new String[] {"vae", "ae"}) {
            check(new ModelConfig(Architecture.fromId(arch), new ImageShape(3, 32, 32), 2, List.of(2, 3, 4),
                    ReconstructionLoss.BCE, 1.0, DecoderDenseActivation.NONE), 7);
        }
    }

    @org.junit.jupiter.api.Test
    void theKlAveragedOverLatentDimensionsAlsoChecks() {
        for (String arch : new String[] {"vae", "vae-upsample"}) {
            check(new ModelConfig(Architecture.fromId(arch), new ImageShape(1, 28, 28), 3, List.of(2, 3, 4),
                    ReconstructionLoss.BCE, 2.0, DecoderDenseActivation.RELU, KlReduction.MEAN), 11);
        }
    }

    private static void check(ModelConfig config, long seed) {
        AutoencoderModel model = AutoencoderModel.create(config, seed, DataType.DOUBLE);
        model.prepareGradients();
        Nd4j.getRandom().setSeed(seed);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 2, config.input().channels(), config.input().height(),
                config.input().width());
        INDArray eps = Nd4j.randn(DataType.DOUBLE, 2, config.latentDim());
        Map<String, INDArray> feed = model.feed(x, eps);
        List<String> lossNames = config.architecture().variational()
                ? List.of(GraphNames.RECONSTRUCTION_LOSS, GraphNames.WEIGHTED_KL) : List.of(GraphNames.RECONSTRUCTION_LOSS);
        Map<String, INDArray> params = model.parameters();
        Map<String, INDArray> analytic = model.sameDiff().calculateGradients(feed, params.keySet());
        Random pick = new Random(seed);
        double minAbsoluteError = NOISE_QUANTA * Math.ulp(loss(model, feed, lossNames)) / (2 * STEP);
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, INDArray> param : params.entrySet()) {
            INDArray flat = param.getValue().reshape(param.getValue().length());
            INDArray grad = analytic.get(param.getKey()).dup().reshape(param.getValue().length());
            int samples = (int) Math.min(6, flat.length());
            for (int s = 0; s < samples; s++) {
                long i = pick.nextInt((int) flat.length());
                double original = flat.getDouble(i);
                flat.putScalar(i, original + STEP);
                double plus = loss(model, feed, lossNames);
                flat.putScalar(i, original - STEP);
                double minus = loss(model, feed, lossNames);
                flat.putScalar(i, original);
                double numeric = (plus - minus) / (2 * STEP);
                double exact = grad.getDouble(i);
                double absolute = Math.abs(numeric - exact);
                double relative = absolute / Math.max(Math.abs(numeric) + Math.abs(exact), 1e-12);
                if (absolute > minAbsoluteError && relative > MAX_RELATIVE_ERROR) {
                    failures.add(param.getKey() + "[" + i + "] analytic " + exact + " numeric " + numeric);
                }
                checked++;
            }
        }
        assertTrue(checked > 60, "too few entries checked: " + checked);
        assertTrue(failures.isEmpty(), config.architecture().id() + " " + config.input() + ": " + failures);
    }

    private static double loss(AutoencoderModel model, Map<String, INDArray> feed, List<String> lossNames) {
        Map<String, INDArray> out = model.sameDiff().output(feed, lossNames.toArray(String[]::new));
        return out.values().stream().mapToDouble(v -> v.getDouble(0)).sum();
    }
}
