package org.vaerepro.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.vaerepro.data.ImageDataset;
import org.vaerepro.io.AtomicFiles;
import org.vaerepro.model.AutoencoderModel;
import org.vaerepro.model.ModelConfig;
import org.vaerepro.model.ModelDigest;
import org.vaerepro.model.ModelFile;
import org.vaerepro.model.ModelFileException;
import org.vaerepro.provenance.DataProvenance;
import org.vaerepro.provenance.Provenance;
import org.vaerepro.provenance.TrainingProvenance;
import org.vaerepro.train.ConsoleProgress;
import org.vaerepro.train.Trainer;
import org.vaerepro.train.TrainerConfig;
import org.vaerepro.train.Checkpoint;
import org.vaerepro.train.StepCurve;
import org.vaerepro.train.TrainingResult;

/**
 * Trains one run (an experiment with one seed) into its {@link RunFolder}: resumes from a checkpoint of the same
 * training fields (or continues one whose only change is its stopping rule, {@link RunFolder#prepareForTraining}),
 * then writes model.zip and training.json (with the model's size and SHA-256). A run whose model.zip is damaged
 * ({@link RunStatus.ModelDamaged}) gets it back from its checkpoint when that holds its parameters, or is trained
 * again from the start, with a line saying which.
 */
public final class ExperimentTrainer {
    private final ExperimentDatasets datasets;
    private final OutputLayout layout;
    private final LazyLpips lpips;
    private final Consumer<String> log;
    private final int logEverySteps;

    public ExperimentTrainer(ExperimentDatasets datasets, OutputLayout layout, LazyLpips lpips, Consumer<String> log,
            int logEverySteps) {
        this.datasets = datasets;
        this.layout = layout;
        this.lpips = lpips;
        this.log = log;
        this.logEverySteps = logEverySteps;
    }

    public static ModelConfig modelConfig(ExperimentSpec spec) {
        TrainingFields t = spec.training();
        return new ModelConfig(t.architecture(), t.dataset().shape(), t.latentDim(), t.encoderChannels(),
                t.loss(), t.beta(), t.decoderDenseActivation(), t.klReduction(), t.reconstructionReduction());
    }

    public TrainingRecord train(Suite suite, Run run) {
        RunFolder folder = layout.run(suite, run);
        ExperimentSpec spec = run.spec();
        String prefix = "[" + run.id() + "]";
        if (folder.status(spec) instanceof RunStatus.ModelDamaged damaged) {
            Optional<TrainingRecord> rebuilt = rebuild(folder, spec, damaged, prefix);
            if (rebuilt.isPresent()) {
                return rebuilt.get();
            }
            folder.discardTraining();
        }
        RunFolder.Preparation preparation = folder.prepareForTraining(spec);
        if (preparation.continuing()) {
            log.accept(prefix + " " + preparation.changes().stream().map(SpecChange::toString)
                    .collect(java.util.stream.Collectors.joining(", ")) + ": continuing from the checkpoint");
        }
        ImageDataset train = datasets.trainSet(spec);
        AutoencoderModel model = AutoencoderModel.create(modelConfig(spec), spec.seed());
        if (Checkpoint.exists(folder.checkpointFile())) {
            log.accept(prefix + " resuming from " + folder.checkpointFile());
        }
        TrainingFields fields = spec.training();
        log.accept(prefix + " training " + fields.architecture().displayName() + " d=" + fields.latentDim() + " on "
                + train.name() + " (" + train.size() + " images, " + spec.stopping().epochs() + " epochs"
                + (fields.maxSteps() > 0 ? " or " + fields.maxSteps() + " steps, whichever comes first" : "") + ", batch "
                + fields.batchSize() + ")");
        TrainerConfig config = new TrainerConfig(spec.stopping().epochs(), fields.batchSize(), fields.learningRate(),
                spec.seed(), logEverySteps, spec.execution().checkpointEverySteps(), spec.stopping().earlyStopping(),
                fields.maxSteps());
        ImageDataset heldOut = datasets.validationSet(spec);
        StepCurve curve = fields.curveSteps().isEmpty() ? null
                : new StepCurve(fields.curveSteps(), new ProtocolCurve(datasets.curveSet(spec), lpips, spec.seed(),
                        fields.lpipsSmallImageRules()));
        TrainingResult result = new Trainer(config, List.of(new ConsoleProgress(prefix, log))).train(model, train,
                folder.checkpointFile(), heldOut == null ? null
                        : new HeldOutValidation(heldOut, lpips, spec.evaluation().lpipsSmallImages()), curve);
        Provenance provenance = Provenance.now(new DataProvenance(ExperimentDatasets.provenance(train), null),
                new TrainingProvenance(ExperimentSchema.write(spec, RunStatus.TRAINED_WITH), spec.seed(), result.epochs().size(),
                        result.steps(), result.seconds()));
        ModelFile.save(folder.modelFile(), model, provenance);
        TrainingRecord record = new TrainingRecord(result, provenance, ModelDigest.of(folder.modelFile()));
        AtomicFiles.writeJson(folder.trainingFile(), record);
        return record;
    }

    /**
     * Writes a damaged model file again from the checkpoint generation that holds the parameters it held
     * ({@link Checkpoint#keptParameters}) with the provenance training.json recorded, so it is the same bytes when
     * the checkpoint is whole; empty, with a line saying why, when no generation holds them (the run is then
     * trained again). metrics.json is deleted unless the file written is the one training.json records (the one it
     * was measured on): a model never changes under a metrics.json, as in training.
     */
    private Optional<TrainingRecord> rebuild(RunFolder folder, ExperimentSpec spec, RunStatus.ModelDamaged damaged,
            String prefix) {
        TrainingRecord record = TrainingRecord.read(folder.trainingFile()); // readable: damage is judged against it
        Checkpoint.KeptParameters kept;
        try {
            kept = Checkpoint.keptParameters(folder.checkpointFile(), modelConfig(spec), record.result().steps());
        } catch (ModelFileException e) {
            log.accept(prefix + " " + damaged.describe() + " and no whole checkpoint holds its parameters ("
                    + e.getMessage() + "); training it again");
            return Optional.empty();
        }
        AutoencoderModel model = AutoencoderModel.create(modelConfig(spec), spec.seed());
        ModelFile.assignParameters(kept.file(), model, kept.parameters());
        Path written = folder.file(RunFolder.MODEL + ".rebuilt");
        ModelFile.save(written, model, record.provenance());
        ModelDigest digest = ModelDigest.of(written);
        boolean identical = digest.equals(record.model());
        try {
            if (!identical) {
                Files.deleteIfExists(folder.metricsFile());
                record = record.withModel(digest);
                AtomicFiles.writeJson(folder.trainingFile(), record);
            }
            AtomicFiles.moveIntoPlace(written, folder.modelFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put the rebuilt " + written + " in place of " + folder.modelFile(), e);
        } finally {
            try {
                Files.deleteIfExists(written);
            } catch (IOException e) {
                log.accept(prefix + " cannot delete " + written + ": " + e.getMessage());
            }
        }
        log.accept(prefix + " " + damaged.describe() + "; rebuilt from checkpoint " + kept.file() + " (epoch "
                + kept.epoch() + ")" + (identical ? ", the same bytes as written and evaluated"
                        : ", not the bytes recorded, so it is evaluated again"));
        return Optional.of(record);
    }
}
