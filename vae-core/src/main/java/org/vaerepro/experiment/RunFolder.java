package org.vaerepro.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.vaerepro.io.AtomicFiles;
import org.vaerepro.io.FileFormat;
import org.vaerepro.train.Checkpoint;

/**
 * One experiment's folder and the rules that decide what in it is still valid. Files:
 * {@value #TRAINING_SPEC} (the training fields the model was trained with), {@value #CHECKPOINT},
 * {@value #MODEL}, {@value #TRAINING}, {@value #METRICS} and the pictures.
 */
public record RunFolder(Path directory) {
    public static final String TRAINING_SPEC = "training-spec.json";
    public static final String CHECKPOINT = "checkpoint.ckpt";
    public static final String MODEL = "model.zip";
    public static final String TRAINING = "training.json";
    public static final String METRICS = "metrics.json";
    static final FileFormat TRAINING_SPEC_FORMAT = new FileFormat("vae-repro-training-spec", 2);

    /**
     * What training found in the folder: a fresh start (no changes listed), or a checkpoint to continue from
     * under a spec changed only in {@code changes}, all of them fields that decide when a run ends.
     */
    public record Preparation(List<SpecChange> changes) {
        public Preparation {
            changes = List.copyOf(changes);
        }

        public boolean continuing() {
            return !changes.isEmpty();
        }
    }

    /** The training fields that decide when a run ends, never what it computes up to then. */
    private static final Set<String> STOPPING_FIELDS = Set.of("epochs", "patience", "minDelta");

    /** The recorded training spec and its format, as written to {@value #TRAINING_SPEC}. */
    record RecordedSpec(FileFormat format, ExperimentSpec spec) {
    }

    public Path trainingSpecFile() {
        return directory.resolve(TRAINING_SPEC);
    }

    public Path checkpointFile() {
        return directory.resolve(CHECKPOINT);
    }

    public Path modelFile() {
        return directory.resolve(MODEL);
    }

    public Path trainingFile() {
        return directory.resolve(TRAINING);
    }

    public Path metricsFile() {
        return directory.resolve(METRICS);
    }

    public Path file(String name) {
        return directory.resolve(name);
    }

    /** Trained already with this spec's training fields (model file present, recorded training spec unchanged). */
    public boolean isTrained(ExperimentSpec spec) {
        return Files.isRegularFile(modelFile()) && spec.forTraining().equals(recordedSpec());
    }

    /**
     * Trained and evaluated with this spec, but without its model file: a results snapshot (metrics,
     * curves, pictures) kept where models and checkpoints are not, such as a committed results folder. Such
     * a run needs neither training nor evaluation; changing its spec, or deleting metrics.json, retrains it.
     */
    public boolean isArchived(ExperimentSpec spec) {
        return !Files.isRegularFile(modelFile()) && Files.isRegularFile(trainingFile())
                && spec.forTraining().equals(recordedSpec()) && isEvaluated(spec);
    }

    /**
     * metrics.json was measured with this spec: its training fields and the fields that change what evaluation
     * measures (the test subset, the LPIPS size rule; the reported values do not). Training deletes metrics.json
     * before it changes the model ({@link #prepareForTraining}), so with {@link #isTrained} this means the
     * metrics are those of the model in the folder.
     */
    public boolean isEvaluated(ExperimentSpec spec) {
        if (!Files.isRegularFile(metricsFile())) {
            return false;
        }
        try {
            ExperimentSpec evaluated = ExperimentResult.read(metricsFile()).spec();
            return evaluated.forTraining().equals(spec.forTraining()) && evaluated.testSubset() == spec.testSubset()
                    && Objects.equals(evaluated.lpipsSmallImages(), spec.lpipsSmallImages());
        } catch (RuntimeException e) {
            return false; // unreadable metrics: measure again
        }
    }

    /**
     * Makes the folder ready to train {@code spec}. A changed training spec invalidates everything trained
     * before (evaluation-only fields do not count), except the checkpoint when only the fields that decide when
     * the run ends changed (the maximum, the patience, minDelta) and the run can go on from it under the new ones
     * ({@link Checkpoint#continuableUnder}): shuffling, noise and Adam depend on (seed, epoch, step) alone, so
     * continuing equals training under the new fields from scratch. So raising the maximum continues a run that
     * reached it, and raising the patience continues one that stopped early.
     */
    public Preparation prepareForTraining(ExperimentSpec spec) {
        ExperimentSpec wanted = spec.forTraining();
        ExperimentSpec recorded = recordedSpec();
        if (wanted.equals(recorded)) {
            return new Preparation(List.of());
        }
        List<SpecChange> changes = recorded == null ? List.of() : wanted.changesFrom(recorded);
        boolean continuing = !changes.isEmpty() && Files.isRegularFile(checkpointFile())
                && changes.stream().allMatch(change -> STOPPING_FIELDS.contains(change.field()))
                && Checkpoint.continuableUnder(checkpointFile(), wanted.epochs(), wanted.earlyStopping());
        List<Path> stale = continuing ? List.of(modelFile(), trainingFile(), metricsFile())
                : List.of(checkpointFile(), Checkpoint.previous(checkpointFile()), modelFile(), trainingFile(),
                        metricsFile());
        try {
            Files.createDirectories(directory);
            for (Path file : stale) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + directory, e);
        }
        AtomicFiles.writeJson(trainingSpecFile(), new RecordedSpec(TRAINING_SPEC_FORMAT, wanted));
        return new Preparation(continuing ? changes : List.of());
    }

    /** The training spec recorded in the folder; null when absent, unreadable or of another format (start over). */
    private ExperimentSpec recordedSpec() {
        Path file = trainingSpecFile();
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return TRAINING_SPEC_FORMAT.readJson(file, RecordedSpec.class).spec();
        } catch (RuntimeException e) {
            return null; // unreadable, unversioned or another version: retraining is the safe choice
        }
    }
}
