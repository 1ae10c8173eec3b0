package org.vaerepro.experiment;

import java.util.List;
import java.util.function.Consumer;
import org.vaerepro.data.ImageDataset;
import org.vaerepro.io.AtomicFiles;
import org.vaerepro.model.AutoencoderModel;
import org.vaerepro.model.ModelConfig;
import org.vaerepro.model.ModelFile;
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
 * then writes model.zip and training.json.
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
        return new ModelConfig(t.architecture(), t.dataset().shape(), t.latentDim(), ModelConfig.DEFAULT_CHANNELS,
                t.loss(), t.beta(), t.decoderDenseActivation(), t.klReduction());
    }

    public TrainingRecord train(Suite suite, Run run) {
        RunFolder folder = layout.run(suite, run);
        ExperimentSpec spec = run.spec();
        String prefix = "[" + run.id() + "]";
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
                : new StepCurve(fields.curveSteps(), new ProtocolCurve(datasets.curveSet(spec), lpips, spec.seed()));
        TrainingResult result = new Trainer(config, List.of(new ConsoleProgress(prefix, log))).train(model, train,
                folder.checkpointFile(), heldOut == null ? null
                        : new HeldOutValidation(heldOut, lpips, spec.evaluation().lpipsSmallImages()), curve);
        Provenance provenance = Provenance.now(new DataProvenance(ExperimentDatasets.provenance(train), null),
                new TrainingProvenance(ExperimentSchema.write(spec, RunStatus.TRAINED_WITH), spec.seed(), result.epochs().size(),
                        result.steps(), result.seconds()));
        ModelFile.save(folder.modelFile(), model, provenance);
        TrainingRecord record = new TrainingRecord(result, provenance);
        AtomicFiles.writeJson(folder.trainingFile(), record);
        return record;
    }
}
