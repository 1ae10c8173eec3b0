package org.vaerepro.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaerepro.BitIdentical.assertBitIdentical;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaerepro.SharedData;
import org.vaerepro.data.ImageDataset;
import org.vaerepro.data.Split;
import org.vaerepro.data.StandardDataset;
import org.vaerepro.metrics.Lpips;
import org.vaerepro.metrics.ProtocolVariants;
import org.vaerepro.model.Architecture;
import org.vaerepro.model.AutoencoderModel;
import org.vaerepro.model.GraphNames;
import org.vaerepro.model.ModelConfig;

/**
 * Step curves on real MNIST: points at exactly the declared steps, measured after the step that completes them,
 * training bit-identical with and without the curve, and a run resumed in the middle recording the same curve
 * and ending with the same parameters.
 */
class StepCurveTest {
    private static final ModelConfig VAE = ModelConfig.of(new Architecture.Vae(), StandardDataset.MNIST.shape(), 4);
    /** 640 images in batches of 64: 10 steps an epoch, 20 in two. */
    private static ImageDataset mnist;
    private static INDArray testImages;
    private static Lpips lpips;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        mnist = SharedData.repository().load(StandardDataset.MNIST, Split.TRAIN).firstN(640);
        testImages = SharedData.repository().load(StandardDataset.MNIST, Split.TEST).range(0, 16).images();
        lpips = Lpips.load(SharedData.lpipsWeights());
    }

    /** The real thing: every protocol variant (sampled decoding included) and the loss on 16 test images. */
    private static Map<String, Double> measure(AutoencoderModel model) {
        ProtocolVariants variants = new ProtocolVariants(model, lpips, 99);
        variants.add(testImages);
        Map<String, Double> values = new LinkedHashMap<>(model.losses(testImages, null));
        values.putAll(variants.values());
        return values;
    }

    private static StepCurve curve() {
        return new StepCurve(List.of(1L, 3L, 10L, 15L, 20L, 25L), StepCurveTest::measure);
    }

    @Test
    void pointsAtTheDeclaredStepsAndTrainingBitIdenticalWithAndWithoutThem() {
        TrainerConfig config = new TrainerConfig(2, 64, 1e-3, 9, 0, 0);
        AutoencoderModel measured = AutoencoderModel.create(VAE, 9);
        TrainingResult result = new Trainer(config, List.of()).train(measured, mnist, null, null, curve());
        AutoencoderModel plain = AutoencoderModel.create(VAE, 9);
        TrainingResult unmeasured = new Trainer(config, List.of()).train(plain, mnist, null);
        assertBitIdentical(plain.parameters(), measured.parameters(), "training with and without the step curve");
        assertEquals(unmeasured.last().loss(), result.last().loss(), 0.0);
        assertEquals(List.of(), unmeasured.stepPoints());

        // Step 25 lies past the 20 steps trained.
        assertEquals(List.of(1L, 3L, 10L, 15L, 20L), result.stepPoints().stream().map(StepPoint::step).toList());
        assertEquals(List.of(0, 0, 0, 1, 1), result.stepPoints().stream().map(StepPoint::epoch).toList());
        // Step 10 completes the first epoch: its point is the model after that step, as a one-epoch run ends.
        AutoencoderModel oneEpoch = AutoencoderModel.create(VAE, 9);
        new Trainer(new TrainerConfig(1, 64, 1e-3, 9, 0, 0), List.of()).train(oneEpoch, mnist, null);
        assertEquals(measure(oneEpoch), result.stepPoints().get(2).values());
        assertEquals(measure(measured), result.stepPoints().get(4).values(), "step 20 is the end of training");
        // The curve moves: the loss falls from step 1 to step 20.
        double first = result.stepPoints().get(0).values().get(GraphNames.RECONSTRUCTION_LOSS);
        double last = result.stepPoints().get(4).values().get(GraphNames.RECONSTRUCTION_LOSS);
        assertTrue(last < first - 10, first + " -> " + last);
    }

    @Test
    void aRunResumedInTheMiddleRecordsTheSameCurveAndEndsWithTheSameParameters() {
        TrainerConfig config = new TrainerConfig(2, 64, 1e-3, 12, 1, 3);
        AutoencoderModel straight = AutoencoderModel.create(VAE, 12);
        TrainingResult expected = new Trainer(config, List.of()).train(straight, mnist, dir.resolve("a.ckpt"), null,
                curve());

        // Killed after global step 15 (epoch 2, step 5), whose point is lost with it; the last checkpoint is at 13.
        Path checkpoint = dir.resolve("b.ckpt");
        assertThrows(IllegalStateException.class, () -> new Trainer(config, List.of(TrainerTest.killAt(1, 4)))
                .train(AutoencoderModel.create(VAE, 12), mnist, checkpoint, null, curve()));
        assertTrue(Files.isRegularFile(checkpoint));
        AutoencoderModel resumedModel = AutoencoderModel.create(VAE, 999);
        TrainingResult resumed = new Trainer(config, List.of()).train(resumedModel, mnist, checkpoint, null, curve());
        assertTrue(resumed.resumed());
        assertEquals(expected.stepPoints(), resumed.stepPoints());
        assertEquals(5, resumed.stepPoints().size());
        assertBitIdentical(straight.parameters(), resumedModel.parameters(), "parameters after resume");
    }

    @Test
    void aCheckpointThatPassedADeclaredStepUnmeasuredIsRefused() {
        Path checkpoint = dir.resolve("c.ckpt");
        new Trainer(new TrainerConfig(1, 64, 1e-3, 4, 0, 0), List.of()).train(AutoencoderModel.create(VAE, 4), mnist,
                checkpoint);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Trainer(
                new TrainerConfig(2, 64, 1e-3, 4, 0, 0), List.of()).train(AutoencoderModel.create(VAE, 4), mnist,
                checkpoint, null, new StepCurve(List.of(3L, 15L), StepCurveTest::measure)));
        assertTrue(e.getMessage().contains("is at step 10 but holds no measurement of the step curve at steps [3]"),
                e.getMessage());
        // A curve whose steps all lie ahead continues the same checkpoint.
        TrainingResult later = new Trainer(new TrainerConfig(2, 64, 1e-3, 4, 0, 0), List.of()).train(
                AutoencoderModel.create(VAE, 4), mnist, checkpoint, null, new StepCurve(List.of(15L), StepCurveTest::measure));
        assertEquals(List.of(15L), later.stepPoints().stream().map(StepPoint::step).toList());
    }

    @Test
    void stepsMustBePositiveAndIncreasing() {
        assertThrows(IllegalArgumentException.class, () -> new StepCurve(List.of(0L, 5L), m -> Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new StepCurve(List.of(5L, 5L), m -> Map.of()));
        assertTrue(new StepCurve(List.of(25L, 50L, 100L), m -> Map.of()).declares(50));
    }
}
