package org.vaerepro.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.vaerepro.io.AtomicFiles;
import org.vaerepro.io.FileFormat;
import org.vaerepro.model.ModelDigest;
import org.vaerepro.train.Checkpoint;

/**
 * One run's folder: {@value #TRAINING_SPEC} (the spec the model in it was trained with), {@value #CHECKPOINT},
 * {@value #MODEL}, {@value #TRAINING}, {@value #METRICS} and the pictures. Whether what is in it is current is
 * {@link #status}'s answer ({@link RunStatus}); {@link #prepareForTraining} clears what a new training invalidates. A model file that differs from the
 * size and SHA-256 training.json records of it is damaged ({@link RunStatus.ModelDamaged}).
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
     * under a spec changed only in {@code changes}, all of them fields of the stopping rule.
     */
    public record Preparation(List<SpecChange> changes) {
        public Preparation {
            changes = List.copyOf(changes);
        }

        public boolean continuing() {
            return !changes.isEmpty();
        }
    }

    /**
     * The run spec the model was trained with, as written to {@value #TRAINING_SPEC}. Only its training, stopping and
     * seed fields are compared; files of version 2 written before the spec had parts hold the evaluation and judgement
     * fields as null, which read as their defaults.
     */
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

    /** Where the run of {@code spec} (one seed) stands: {@link RunStatus#of}. */
    public RunStatus status(ExperimentSpec spec) {
        return RunStatus.of(this, spec);
    }

    /**
     * Makes the folder ready to train {@code spec}. A model trained with other training fields or another seed
     * invalidates everything trained before, except the checkpoint when only the stopping rule changed (the maximum,
     * the patience, minDelta) and the run can go on from it under the new one ({@link Checkpoint#continuableUnder}):
     * shuffling, noise and Adam depend on (seed, epoch, step) alone, so continuing equals training under the new rule
     * from scratch. So raising the maximum continues a run that reached it, and raising the patience continues one
     * that stopped early.
     */
    public Preparation prepareForTraining(ExperimentSpec spec) {
        ExperimentSpec recorded = recordedSpec();
        if (recorded != null && RunStatus.trainedAs(recorded, spec)) {
            return new Preparation(List.of());
        }
        List<SpecChange> changes = recorded == null ? List.of()
                : ExperimentSchema.changes(recorded, spec, RunStatus.TRAINED_WITH);
        boolean onlyStopping = !changes.isEmpty()
                && ExperimentSchema.changes(recorded, spec, SpecPart.STOPPING).size() == changes.size();
        boolean continuing = onlyStopping && Checkpoint.exists(checkpointFile())
                && Checkpoint.continuableUnder(checkpointFile(), spec.stopping().epochs(),
                        spec.stopping().earlyStopping());
        delete(continuing ? List.of(modelFile(), trainingFile(), metricsFile()) : trainedFiles());
        AtomicFiles.writeJson(trainingSpecFile(), new RecordedSpec(TRAINING_SPEC_FORMAT, spec));
        return new Preparation(continuing ? changes : List.of());
    }

    /**
     * Deletes everything training wrote (checkpoint generations, model, training.json, metrics.json), keeping the
     * recorded spec: a run whose model is damaged and whose checkpoint cannot rebuild it trains again from the start.
     */
    public void discardTraining() {
        delete(trainedFiles());
    }

    private List<Path> trainedFiles() {
        return concat(Checkpoint.generations(checkpointFile()), List.of(modelFile(), trainingFile(), metricsFile()));
    }

    private void delete(List<Path> files) {
        try {
            Files.createDirectories(directory);
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + directory, e);
        }
    }

    /**
     * What is wrong with the model file by what training.json records of it ({@link ModelDigest#damage}); empty
     * when it is whole, or when there is no readable training.json to check it against.
     */
    Optional<String> modelDamage() {
        TrainingRecord record;
        try {
            record = TrainingRecord.read(trainingFile());
        } catch (RuntimeException e) {
            return Optional.empty(); // no record of the model to check it against
        }
        return ModelDigest.damage(modelFile(), record.model());
    }

    private static List<Path> concat(List<Path> first, List<Path> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }

    /** The spec recorded in the folder; null when absent, unreadable or of another format (start over). */
    ExperimentSpec recordedSpec() {
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
