package org.vaerepro.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaerepro.BitIdentical.assertBitIdentical;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaerepro.SharedData;
import org.vaerepro.data.ImageBatch;
import org.vaerepro.data.ImageDataset;
import org.vaerepro.data.ImageShape;
import org.vaerepro.data.Split;
import org.vaerepro.data.StandardDataset;
import org.vaerepro.model.Architecture;
import org.vaerepro.model.AutoencoderModel;
import org.vaerepro.model.ModelConfig;
import org.vaerepro.model.ModelFile;
import org.vaerepro.model.ModelFileException;
import org.vaerepro.Fixtures;
import org.vaerepro.model.ArrayArchive;
import org.vaerepro.provenance.Provenance;

/** Determinism, exact resume after a mid-epoch kill, NaN handling and model files, on real MNIST. */
class TrainerTest {
    private static final ModelConfig VAE = ModelConfig.of(new Architecture.Vae(), new ImageShape(1, 28, 28), 4);
    private final ImageDataset mnist = SharedData.repository().load(StandardDataset.MNIST, Split.TRAIN).firstN(640);

    @TempDir
    Path dir;

    @Test
    void sameSeedGivesIdenticalParameters() {
        TrainerConfig config = new TrainerConfig(1, 64, 1e-3, 21, 0, 0);
        AutoencoderModel a = AutoencoderModel.create(VAE, 21);
        AutoencoderModel b = AutoencoderModel.create(VAE, 21);
        new Trainer(config, List.of()).train(a, mnist, null);
        new Trainer(config, List.of()).train(b, mnist, null);
        assertBitIdentical(a.parameters(), b.parameters(), "same seed");
        AutoencoderModel c = AutoencoderModel.create(VAE, 22);
        new Trainer(new TrainerConfig(1, 64, 1e-3, 22, 0, 0), List.of()).train(c, mnist, null);
        assertTrue(!a.parameters().equals(c.parameters()));
    }

    /** The split of every step the benchmarks set beside PyTorch's: one per step, in order, within the step's time. */
    @Test
    void everyStepReportsWhereItsTimeWent() {
        List<StepPhases> phases = new java.util.ArrayList<>();
        TrainingListener recorder = new TrainingListener() {
            @Override
            public void onStepTimed(StepPhases step) {
                phases.add(step);
            }
        };
        TrainingResult result = new Trainer(new TrainerConfig(2, 64, 1e-3, 23, 0, 0), List.of(recorder))
                .train(AutoencoderModel.create(VAE, 23), mnist, null);
        assertEquals(20, phases.size(), "2 epochs of 640 / 64 steps");
        long spent = 0;
        for (int i = 0; i < phases.size(); i++) {
            StepPhases step = phases.get(i);
            assertEquals(i, step.globalStep());
            assertEquals(i / 10, step.epoch());
            assertTrue(step.batchNanos() > 0 && step.passNanos() > 0 && step.updateNanos() > 0
                    && step.reclaimNanos() >= 0, step.toString());
            spent += step.batchNanos() + step.passNanos() + step.updateNanos() + step.reclaimNanos();
        }
        assertTrue(spent <= result.seconds() * 1e9, spent + " ns in the phases, " + result.seconds() + " s in the steps");
    }

    @Test
    void runKilledMidEpochResumesToTheSameResult() {
        TrainerConfig config = new TrainerConfig(2, 64, 1e-3, 5, 1, 3);
        AutoencoderModel straight = AutoencoderModel.create(VAE, 5);
        TrainingResult expected = new Trainer(config, List.of()).train(straight, mnist, dir.resolve("a.ckpt"));

        Path checkpoint = dir.resolve("b.ckpt");
        TrainingListener killer = killAt(1, 7);
        AutoencoderModel interrupted = AutoencoderModel.create(VAE, 5);
        assertThrows(IllegalStateException.class,
                () -> new Trainer(config, List.of(killer)).train(interrupted, mnist, checkpoint));
        assertTrue(Files.isRegularFile(checkpoint));

        // A fresh process would build a fresh model: use a different init seed to prove the checkpoint wins.
        AutoencoderModel resumedModel = AutoencoderModel.create(VAE, 999);
        TrainingResult resumed = new Trainer(config, List.of()).train(resumedModel, mnist, checkpoint);
        assertTrue(resumed.resumed());
        assertEquals(expected.steps(), resumed.steps());
        assertBitIdentical(straight.parameters(), resumedModel.parameters(), "parameters after resume");
        assertEquals(expected.last().loss(), resumed.last().loss(), 0.0);
        INDArray x = mnist.range(0, 16).images();
        assertBitIdentical(straight.reconstruct(x), resumedModel.reconstruct(x), "reconstructions after resume");
        // Both final checkpoints hold the parameters and Adam's moments (m, v) of the last step.
        ArrayArchive.Contents straightEnd = ArrayArchive.read(dir.resolve("a.ckpt"), Checkpoint.FORMAT);
        ArrayArchive.Contents resumedEnd = ArrayArchive.read(checkpoint, Checkpoint.FORMAT);
        assertTrue(straightEnd.arrays().keySet().stream().anyMatch(k -> k.startsWith("adam/")),
                straightEnd.arrays().keySet().toString());
        assertBitIdentical(straightEnd.arrays(), resumedEnd.arrays(), "final checkpoint (parameters and Adam moments)");
        assertEquals(straightEnd.manifest().at("/state/globalStep"), resumedEnd.manifest().at("/state/globalStep"));
        // The early-step trajectory survives the kill: the resumed run recorded the same losses, step by step.
        assertEquals(20, expected.firstSteps().size());
        assertEquals(expected.firstSteps(), resumed.firstSteps());
    }

    /** The first steps' losses are those each step reports, from step 1 (the initial model's) to the recorded count. */
    @Test
    void theFirstStepsLossesAreRecordedAsEachStepReportsThem() {
        List<StepReport> reports = new ArrayList<>();
        TrainingListener recorder = new TrainingListener() {
            @Override
            public void onStep(StepReport step) {
                reports.add(step);
            }
        };
        ImageDataset small = mnist.firstN(64 * 6);
        TrainingResult result = new Trainer(new TrainerConfig(20, 64, 1e-3, 9, 1, 0), List.of(recorder))
                .train(AutoencoderModel.create(VAE, 9), small, null);
        assertEquals(120, result.steps());
        assertEquals(Trainer.RECORDED_STEPS, result.firstSteps().size(), "only the first steps are kept");
        for (int i = 0; i < Trainer.RECORDED_STEPS; i++) {
            StepLoss recorded = result.firstSteps().get(i);
            StepReport reported = reports.get(i);
            assertEquals(i + 1, recorded.step());
            assertEquals(reported.globalStep(), recorded.step());
            assertEquals(reported.loss(), recorded.loss(), 0.0);
            assertEquals(reported.reconstruction(), recorded.reconstruction(), 0.0);
            assertEquals(reported.kl(), recorded.kl(), 0.0);
            assertTrue(recorded.kl() > 0, "a VAE's KL divergence: " + recorded);
        }
    }

    @Test
    void aTruncatedCheckpointIsReplacedByThePreviousGenerationAndTheRunEndsTheSame() throws Exception {
        assertResumesFromThePreviousGeneration("truncated", checkpoint -> {
            byte[] bytes = Files.readAllBytes(checkpoint);
            Files.write(checkpoint, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        }, "cannot be used (");
    }

    /** Issue #25 item 10: a run whose current generation is missing resumes from the previous one. */
    @Test
    void aMissingCheckpointResumesFromThePreviousGenerationAndTheRunEndsTheSame() throws Exception {
        // As a crash between the two renames of a rotation would leave it.
        assertResumesFromThePreviousGeneration("lost", Files::delete, "cannot be used (it is missing)");
    }

    /** Issue #25 item 10: a write that fails (a full disk) must not lose the generation in place. */
    @Test
    void aFailedCheckpointWriteLeavesTheCurrentGenerationInPlace() throws Exception {
        TrainerConfig config = new TrainerConfig(1, 64, 1e-3, 7, 0, 0);
        Path checkpoint = dir.resolve("full.ckpt");
        AutoencoderModel model = AutoencoderModel.create(VAE, 7);
        new Trainer(config, List.of()).train(model, mnist, checkpoint);
        byte[] written = Files.readAllBytes(checkpoint);

        // An array that cannot be written fails the archive part-way, as a full disk would.
        INDArray unwritable = Nd4j.zeros(2, 2);
        unwritable.close();
        AdamOptimizer optimizer = new AdamOptimizer(config.learningRate(), model.parameters());
        assertThrows(RuntimeException.class, () -> Checkpoint.save(checkpoint, model, config, optimizer,
                Map.of("unwritable", unwritable), TrainingState.start(false), null));
        assertTrue(Files.isRegularFile(checkpoint), "the current generation must survive a failed write");
        assertArrayEquals(written, Files.readAllBytes(checkpoint), "the current generation is still in place, unchanged");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(checkpoint), files.toList(),
                    "no previous generation was made from a write that failed, and nothing half-written is left");
        }
    }

    /** What damaging the current generation of a checkpoint mid-run must not change: the run's end, bit for bit. */
    private void assertResumesFromThePreviousGeneration(String name, Damage damage, String said) throws Exception {
        TrainerConfig config = new TrainerConfig(2, 64, 1e-3, 7, 0, 3);
        AutoencoderModel straight = AutoencoderModel.create(VAE, 7);
        new Trainer(config, List.of()).train(straight, mnist, null);

        Path checkpoint = dir.resolve(name + ".ckpt");
        assertThrows(IllegalStateException.class, () -> new Trainer(new TrainerConfig(2, 64, 1e-3, 7, 1, 3),
                List.of(killAt(1, 7))).train(AutoencoderModel.create(VAE, 7), mnist, checkpoint));
        Path previous = Checkpoint.previous(checkpoint);
        assertTrue(Files.isRegularFile(previous), "the previous generation is kept");
        damage.apply(checkpoint);

        List<String> lines = new ArrayList<>();
        AutoencoderModel resumed = AutoencoderModel.create(VAE, 999);
        TrainingResult result = new Trainer(config, List.of(new ConsoleProgress("[" + name + "]", lines::add)))
                .train(resumed, mnist, checkpoint);
        assertTrue(result.resumed(), "the previous generation is a resume point");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("[" + name + "] checkpoint " + checkpoint + " " + said)
                && l.endsWith("resuming from the previous generation " + previous)), lines.toString());
        assertBitIdentical(straight.parameters(), resumed.parameters(), "parameters after resuming from the previous generation");
    }

    private interface Damage {
        void apply(Path checkpoint) throws Exception;
    }

    @Test
    void aResumedRunRecordsTheSameValidationCurveAndValidationDoesNotChangeTraining() {
        INDArray heldOut = SharedData.repository().load(StandardDataset.MNIST, Split.TEST).range(0, 32).images();
        Validation validation = model -> {
            var losses = model.losses(heldOut, null);
            return new ValidationReport(32, losses.get(org.vaerepro.model.GraphNames.RECONSTRUCTION_LOSS), 0, 0, 0, 0, 0);
        };
        TrainerConfig config = new TrainerConfig(2, 64, 1e-3, 11, 1, 3);
        AutoencoderModel straight = AutoencoderModel.create(VAE, 11);
        TrainingResult expected = new Trainer(config, List.of()).train(straight, mnist, null, validation);
        AutoencoderModel unvalidated = AutoencoderModel.create(VAE, 11);
        new Trainer(config, List.of()).train(unvalidated, mnist, null);
        assertBitIdentical(straight.parameters(), unvalidated.parameters(), "training with and without validation");

        Path checkpoint = dir.resolve("val.ckpt");
        assertThrows(IllegalStateException.class, () -> new Trainer(config, List.of(killAt(1, 4)))
                .train(AutoencoderModel.create(VAE, 11), mnist, checkpoint, validation));
        TrainingResult resumed = new Trainer(config, List.of()).train(AutoencoderModel.create(VAE, 11), mnist,
                checkpoint, validation);
        assertEquals(expected.epochs().stream().map(EpochReport::validation).toList(),
                resumed.epochs().stream().map(EpochReport::validation).toList());
        assertTrue(expected.epochs().get(1).validation().loss() > 0);
    }

    /** Reconstruction loss on 32 held-out test images: a validation that depends only on the model. */
    private static Validation heldOut() {
        INDArray images = SharedData.repository().load(StandardDataset.MNIST, Split.TEST).range(0, 32).images();
        return model -> new ValidationReport(32, model.losses(images, null)
                .get(org.vaerepro.model.GraphNames.RECONSTRUCTION_LOSS), 0, 0, 0, 0, 0);
    }

    @Test
    void earlyStoppingKeepsTheBestEpochAndAResumedRunStopsAtTheSameEpochWithTheSameParameters() {
        // minDelta so large that no epoch after the first counts as an improvement: best epoch 1, stop after 1 + 2.
        TrainerConfig config = new TrainerConfig(6, 64, 1e-3, 13, 1, 3, new EarlyStopping(2, 1e9));
        AutoencoderModel stopped = AutoencoderModel.create(VAE, 13);
        TrainingResult result = new Trainer(config, List.of()).train(stopped, mnist, dir.resolve("es-a.ckpt"), heldOut());
        assertEquals(3, result.epochs().size(), "1 best epoch + patience 2");
        assertEquals(0, result.convergence().bestEpoch());
        assertEquals(3, result.convergence().epochsTrained());
        assertTrue(result.convergence().reason().startsWith("stopped early"), result.convergence().reason());
        // The model kept is the best (first) epoch's: the same as a one-epoch run, bit for bit.
        AutoencoderModel oneEpoch = AutoencoderModel.create(VAE, 13);
        new Trainer(new TrainerConfig(1, 64, 1e-3, 13, 0, 0), List.of()).train(oneEpoch, mnist, null);
        assertBitIdentical(oneEpoch.parameters(), stopped.parameters(), "best epoch's parameters");

        Path checkpoint = dir.resolve("es-b.ckpt");
        assertThrows(IllegalStateException.class, () -> new Trainer(config, List.of(killAt(2, 4)))
                .train(AutoencoderModel.create(VAE, 13), mnist, checkpoint, heldOut()));
        AutoencoderModel resumed = AutoencoderModel.create(VAE, 13);
        TrainingResult again = new Trainer(config, List.of()).train(resumed, mnist, checkpoint, heldOut());
        assertEquals(result.convergence(), again.convergence());
        assertEquals(result.epochs().stream().map(EpochReport::validation).toList(),
                again.epochs().stream().map(EpochReport::validation).toList());
        assertBitIdentical(stopped.parameters(), resumed.parameters(), "resumed early-stopped run");
        // Once stopped it stays stopped: training again from its checkpoint does nothing more.
        assertEquals(3, new Trainer(config, List.of()).train(AutoencoderModel.create(VAE, 13), mnist, checkpoint,
                heldOut()).epochs().size());
    }

    @Test
    void aRunThatReachedItsMaximumContinuesWhenTheMaximumIsRaised() {
        Path checkpoint = dir.resolve("es-max.ckpt");
        EarlyStopping patient = new EarlyStopping(5, 0);
        TrainingResult first = new Trainer(new TrainerConfig(1, 64, 1e-3, 14, 0, 0, patient), List.of())
                .train(AutoencoderModel.create(VAE, 14), mnist, checkpoint, heldOut());
        assertTrue(first.convergence().reason().startsWith("reached the maximum of 1 epochs"), first.convergence().reason());
        TrainingResult longer = new Trainer(new TrainerConfig(2, 64, 1e-3, 14, 0, 0, patient), List.of())
                .train(AutoencoderModel.create(VAE, 14), mnist, checkpoint, heldOut());
        assertEquals(2, longer.epochs().size());
        assertTrue(longer.convergence().reason().startsWith("reached the maximum of 2 epochs"), longer.convergence().reason());
    }

    @Test
    void raisingThePatienceContinuesAStoppedRunToTheResultOfTheMorePatientRule() {
        // Training is real; the validation losses are scripted so that each rule's decision is known. Patience 2
        // stops after 4 epochs (best: epoch 2's 9.0); patience 3 lives to see 8.0 and 7.9 and stops after 9.
        double[] losses = {10, 9, 9.5, 9.6, 8, 7.9, 9, 9, 9, 9, 9, 9};
        EarlyStopping hasty = new EarlyStopping(2, 0);
        EarlyStopping patient = new EarlyStopping(3, 0);
        AutoencoderModel straight = AutoencoderModel.create(VAE, 15);
        TrainingResult expected = new Trainer(new TrainerConfig(12, 64, 1e-3, 15, 0, 0, patient), List.of())
                .train(straight, mnist, null, scripted(losses, 0));
        assertEquals(9, expected.epochs().size());
        assertEquals(5, expected.convergence().bestEpoch());

        Path checkpoint = dir.resolve("patience.ckpt");
        TrainingResult stopped = new Trainer(new TrainerConfig(12, 64, 1e-3, 15, 0, 0, hasty), List.of())
                .train(AutoencoderModel.create(VAE, 15), mnist, checkpoint, scripted(losses, 0));
        assertEquals(4, stopped.epochs().size());
        assertTrue(stopped.convergence().reason().startsWith("stopped early"), stopped.convergence().reason());
        assertTrue(Checkpoint.continuableUnder(checkpoint, 12, patient));
        AutoencoderModel continued = AutoencoderModel.create(VAE, 15);
        TrainingResult more = new Trainer(new TrainerConfig(12, 64, 1e-3, 15, 0, 0, patient), List.of())
                .train(continued, mnist, checkpoint, scripted(losses, 4));
        assertTrue(more.resumed());
        assertEquals(expected.convergence(), more.convergence());
        assertEquals(expected.epochs().stream().map(EpochReport::validation).toList(),
                more.epochs().stream().map(EpochReport::validation).toList());
        assertBitIdentical(straight.parameters(), continued.parameters(), "stopped run continued under more patience");

        // The checkpoint now holds 9 epochs. Rules that would have ended the run sooner, or kept another epoch,
        // cannot continue from it: the hasty rule (stops after 4), minDelta 0.5 (7.9 is no real gain on 8.0, so
        // its best is epoch 5's 8.0, whose parameters the checkpoint does not hold), a maximum of 8.
        assertTrue(Checkpoint.continuableUnder(checkpoint, 12, new EarlyStopping(5, 0)));
        assertTrue(!Checkpoint.continuableUnder(checkpoint, 12, hasty));
        assertTrue(!Checkpoint.continuableUnder(checkpoint, 12, new EarlyStopping(10, 0.5)));
        assertTrue(!Checkpoint.continuableUnder(checkpoint, 8, patient));
        assertTrue(!Checkpoint.continuableUnder(checkpoint, 12, null), "early stopping turned off");
        ModelFileException refused = assertThrows(ModelFileException.class, () -> new Trainer(
                new TrainerConfig(12, 64, 1e-3, 15, 0, 0, hasty), List.of())
                .train(AutoencoderModel.create(VAE, 15), mnist, checkpoint, scripted(losses, 9)));
        assertTrue(refused.getMessage().contains("holds 9 epochs trained under at most 12 epochs, stopping after 3 "
                + "epochs without improvement by more than 0.0; a run under at most 12 epochs, stopping after 2 epochs"),
                refused.getMessage());
    }

    /** Validation losses taken from {@code losses}, the first call returning {@code losses[from]}. */
    private static Validation scripted(double[] losses, int from) {
        int[] next = {from};
        return model -> new ValidationReport(32, losses[next[0]++], 0, 0, 0, 0, 0);
    }

    @Test
    void earlyStoppingWithoutValidationImagesIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Trainer(
                new TrainerConfig(2, 64, 1e-3, 1, 0, 0, new EarlyStopping(1, 0)), List.of())
                .train(AutoencoderModel.create(VAE, 1), mnist, null));
        assertTrue(e.getMessage().contains("no validation images"), e.getMessage());
    }

    @Test
    void raisingTheEpochCountContinuesToTheResultOfTheLongerRun() {
        AutoencoderModel longRun = AutoencoderModel.create(VAE, 6);
        new Trainer(new TrainerConfig(2, 64, 1e-3, 6, 0, 0), List.of()).train(longRun, mnist, null);

        Path checkpoint = dir.resolve("extend.ckpt");
        new Trainer(new TrainerConfig(1, 64, 1e-3, 6, 0, 0), List.of()).train(AutoencoderModel.create(VAE, 6), mnist,
                checkpoint);
        AutoencoderModel extended = AutoencoderModel.create(VAE, 6);
        TrainingResult result = new Trainer(new TrainerConfig(2, 64, 1e-3, 6, 0, 0), List.of()).train(extended, mnist,
                checkpoint);
        assertTrue(result.resumed());
        assertEquals(2, result.epochs().size());
        assertBitIdentical(longRun.parameters(), extended.parameters(), "continued run");
    }

    @Test
    void nonFiniteLossStopsWithTheStepAndKeepsTheCheckpoint() {
        Path checkpoint = dir.resolve("nan.ckpt");
        ImageDataset poisoned = new PoisonedDataset(mnist, 12);
        TrainerConfig config = new TrainerConfig(2, 64, 1e-3, 3, 0, 0);
        NonFiniteLossException e = assertThrows(NonFiniteLossException.class,
                () -> new Trainer(config, List.of()).train(AutoencoderModel.create(VAE, 3), poisoned, checkpoint));
        assertTrue(e.getMessage().contains("epoch 2 step 3"), e.getMessage());
        assertEquals(12, e.globalStep());
        assertTrue(Files.isRegularFile(checkpoint), "epoch-1 checkpoint must survive");
        TrainingResult resumedOnCleanData = new Trainer(config, List.of()).train(AutoencoderModel.create(VAE, 3),
                mnist, checkpoint);
        assertTrue(resumedOnCleanData.resumed());
    }

    @Test
    void progressLinesAndEpochReportsReachListeners() {
        List<String> lines = new ArrayList<>();
        new Trainer(new TrainerConfig(1, 64, 1e-3, 1, 5, 0), List.of(new ConsoleProgress("[vae]", lines::add)))
                .train(AutoencoderModel.create(VAE, 1), mnist, null);
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches("\\[vae] epoch 1 step 5/10  loss [0-9.]+  recon [0-9.]+  kl [0-9.]+  \\d+ img/s  eta \\dm\\d\\ds"),
                lines.get(0));
        assertTrue(lines.get(2).startsWith("[vae] epoch 1 done"), lines.get(2));
    }

    @Test
    void modelFileRoundTripsAndRejectsWrongOrTruncatedFiles() throws Exception {
        AutoencoderModel model = AutoencoderModel.create(VAE, 8);
        Path checkpoint = dir.resolve("m.ckpt");
        new Trainer(new TrainerConfig(1, 64, 1e-3, 8, 0, 0), List.of()).train(model, mnist, checkpoint);
        Path file = dir.resolve("model.zip");
        Provenance provenance = Fixtures.provenance(mnist.checksum(), null, 8, 1.5);
        ModelFile.save(file, model, provenance);
        ModelFile.Loaded loaded = ModelFile.load(file);
        assertEquals(provenance, loaded.provenance());
        assertEquals(VAE, loaded.model().config());
        INDArray x = mnist.range(0, 8).images();
        assertBitIdentical(model.reconstruct(x), loaded.model().reconstruct(x), "reloaded model");
        // The checkpoint carries the run's provenance: the data it trains on and how far it got.
        var manifest = ArrayArchive.read(checkpoint, Checkpoint.FORMAT).manifest();
        assertEquals(mnist.checksum(), manifest.at("/provenance/data/train/sha256").asText());
        assertEquals(1, manifest.at("/provenance/training/epochs").asInt());

        ModelFileException wrongKind = assertThrows(ModelFileException.class, () -> ModelFile.load(checkpoint));
        assertTrue(wrongKind.getMessage().contains("is a 'vae-repro-checkpoint' file, expected 'vae-repro-model'"),
                wrongKind.getMessage());
        byte[] bytes = Files.readAllBytes(file);
        Path truncated = dir.resolve("truncated.zip");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        ModelFileException cut = assertThrows(ModelFileException.class, () -> ModelFile.load(truncated));
        assertTrue(cut.getMessage().startsWith(truncated.toString()), cut.getMessage());
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello");
        assertThrows(ModelFileException.class, () -> ModelFile.load(text));
    }

    /** A listener that stops the run like a kill at (0-based) epoch and step, after that step's progress line. */
    static TrainingListener killAt(int epoch, int stepInEpoch) {
        return new TrainingListener() {
            @Override
            public void onStep(StepReport step) {
                if (step.epoch() == epoch && step.stepInEpoch() == stepInEpoch) {
                    throw new IllegalStateException("simulated kill");
                }
            }
        };
    }

    /** MNIST with a NaN pixel in every batch from call {@code firstBadCall} on. */
    private static final class PoisonedDataset implements ImageDataset {
        private final ImageDataset inner;
        private final int firstBadCall;
        private int calls;

        PoisonedDataset(ImageDataset inner, int firstBadCall) {
            this.inner = inner;
            this.firstBadCall = firstBadCall;
        }

        public String name() {
            return inner.name();
        }

        public ImageShape shape() {
            return inner.shape();
        }

        public int size() {
            return inner.size();
        }

        public int label(int index) {
            return inner.label(index);
        }

        public List<String> classNames() {
            return inner.classNames();
        }

        public String checksum() {
            return inner.checksum();
        }

        public ImageBatch batch(int[] indices) {
            ImageBatch batch = inner.batch(indices);
            if (calls++ >= firstBadCall) {
                batch.images().putScalar(0, Double.NaN);
            }
            return batch;
        }
    }
}
