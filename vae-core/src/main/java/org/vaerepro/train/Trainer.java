package org.vaerepro.train;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaerepro.data.ImageBatch;
import org.vaerepro.data.ImageDataset;
import org.vaerepro.data.ShuffledBatches;
import org.vaerepro.model.AutoencoderModel;
import org.vaerepro.model.BatchGradients;
import org.vaerepro.io.Json;
import org.vaerepro.model.GaussianNoise;
import org.vaerepro.model.ModelConfig;
import org.vaerepro.provenance.DataProvenance;
import org.vaerepro.provenance.DatasetProvenance;
import org.vaerepro.provenance.Provenance;
import org.vaerepro.provenance.TrainingProvenance;

/**
 * Mini-batch Adam on the model's loss, with checkpoints and exact resume. Each step's batch depends on
 * (seed, epoch) and its noise on (seed, global step), so an interrupted run that resumes from a
 * checkpoint computes exactly what an uninterrupted one does.
 */
public final class Trainer {
    /**
     * How many of a run's first steps have their losses recorded ({@link TrainingResult#firstSteps}): the early-step
     * trajectory the baseline gate holds a run to. An epoch of the ci suite's 10,000 MNIST images is 79 steps and
     * one of its 5,000 CIFAR-10 images 40, so the first epoch boundary of each of its runs is among a hundred.
     */
    public static final int RECORDED_STEPS = 100;

    private final TrainerConfig config;
    private final List<TrainingListener> listeners;

    public Trainer(TrainerConfig config, List<TrainingListener> listeners) {
        this.config = config;
        this.listeners = List.copyOf(listeners);
    }

    /**
     * Trains {@code model} on {@code data}. With a checkpoint file, an existing checkpoint is resumed
     * from and a new one is written every epoch (and every {@code checkpointEverySteps} steps).
     */
    public TrainingResult train(AutoencoderModel model, ImageDataset data, Path checkpoint) {
        return train(model, data, checkpoint, null);
    }

    /**
     * As {@link #train(AutoencoderModel, ImageDataset, Path)}, measuring {@code validation} (may be null)
     * after every epoch. Validation only reads the model, so the training arithmetic is the same with or
     * without it; its reports are part of the checkpointed history, so a resumed run records the same curve.
     */
    public TrainingResult train(AutoencoderModel model, ImageDataset data, Path checkpoint, Validation validation) {
        return train(model, data, checkpoint, validation, null);
    }

    /**
     * As {@link #train(AutoencoderModel, ImageDataset, Path, Validation)}, also measuring {@code curve} (may be
     * null) at its declared global steps, right after the optimizer step that completes each. Like validation,
     * the measurement only reads the model, so training computes the same with or without it; its points are
     * part of the checkpointed state, so a resumed run records the same curve. A checkpoint that passed a
     * declared step without measuring it (trained without this curve) cannot give the curve and is refused.
     */
    public TrainingResult train(AutoencoderModel model, ImageDataset data, Path checkpoint, Validation validation,
            StepCurve curve) {
        if (!data.shape().equals(model.config().input())) {
            throw new IllegalArgumentException("dataset " + data.name() + " has images of " + data.shape()
                    + " but the model expects " + model.config().input());
        }
        EarlyStopping stopping = config.earlyStopping();
        if (stopping != null && validation == null) {
            throw new IllegalArgumentException("early stopping watches the validation loss, but no validation images "
                    + "are measured; hold some out or turn early stopping off");
        }
        model.prepareGradients();
        Map<String, INDArray> params = model.parameters();
        AdamOptimizer optimizer = new AdamOptimizer(config.learningRate(), params);
        boolean resumed = checkpoint != null && Checkpoint.exists(checkpoint);
        Map<String, INDArray> best = new java.util.LinkedHashMap<>();
        TrainingState state = resumed ? Checkpoint.restore(checkpoint, model, config, optimizer, best,
                (damaged, used, problem) -> listeners.forEach(l -> l.onCheckpointRecovered(damaged, used, problem)))
                : TrainingState.start(stopping != null);
        // The stopping rule or the maximum may differ from the checkpoint's (only in ways that keep it valid,
        // which restore checks): where the run stands is this rule replayed over the recorded losses.
        Convergence convergence = stopping == null ? null : Convergence.replay(state.history(), stopping, config.epochs());
        List<StepPoint> stepPoints = new ArrayList<>(state.stepPoints());
        List<StepLoss> firstSteps = new ArrayList<>(state.firstSteps());
        if (curve != null) {
            java.util.Set<Long> measured = new java.util.HashSet<>();
            stepPoints.forEach(point -> measured.add(point.step()));
            List<Long> missing = curve.steps().stream().filter(s -> s <= state.globalStep() && !measured.contains(s))
                    .toList();
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("checkpoint " + checkpoint + " is at step " + state.globalStep()
                        + " but holds no measurement of the step curve at steps " + missing + " (trained without "
                        + "this curve); delete the checkpoint to start over");
            }
        }

        boolean variational = model.config().architecture().variational();
        int latentDim = model.config().latentDim();

        List<EpochReport> history = new ArrayList<>(state.history());
        long globalStep = state.globalStep();
        NativeMemoryReclaimer reclaimer = new NativeMemoryReclaimer();
        reclaimer.beforeTraining();
        Provenance origin = checkpoint == null ? null : Provenance.now(new DataProvenance(
                new DatasetProvenance(data.name(), data.size(), data.checksum()), null), null);
        double seconds = state.seconds();
        for (int epoch = state.epoch(); epoch < config.epochs() && (convergence == null || !convergence.ended())
                && !config.budgetSpent(globalStep); epoch++) {
            ShuffledBatches batches = new ShuffledBatches(data.size(), config.batchSize(), config.seed(), epoch);
            boolean continuing = epoch == state.epoch();
            int firstStep = continuing ? state.stepInEpoch() : 0;
            double lossSum = continuing ? state.epochLossSum() : 0;
            double reconSum = continuing ? state.epochReconstructionSum() : 0;
            double klSum = continuing ? state.epochKlSum() : 0;
            int steps = continuing ? state.epochSteps() : 0;
            double epochSeconds = 0;
            long epochImages = 0;
            for (int step = firstStep; step < batches.count() && !config.budgetSpent(globalStep); step++) {
                long started = System.nanoTime();
                ImageBatch batch = data.batch(batches.indices(step));
                INDArray eps = variational ? GaussianNoise.sample(config.seed(), globalStep + 1, batch.size(),
                        latentDim, model.dataType()) : null;
                long assembled = System.nanoTime();
                BatchGradients result = model.gradients(batch.images(), eps);
                double recon = result.reconstruction();
                double kl = result.kl();
                double loss = result.loss();
                if (!Double.isFinite(loss)) {
                    throw new NonFiniteLossException(epoch, step, globalStep, recon, kl);
                }
                if (globalStep < RECORDED_STEPS && firstSteps.size() == globalStep) {
                    // Only from step 1 on: a run resumed from a checkpoint without them records none.
                    firstSteps.add(new StepLoss(globalStep + 1, loss, recon, kl));
                }
                long passed = System.nanoTime();
                optimizer.step(params, result.gradients(), globalStep, epoch);
                long updated = System.nanoTime();
                reclaimer.afterStep(batch.size());
                StepPhases phases = new StepPhases(epoch, globalStep, assembled - started, passed - assembled,
                        updated - passed, System.nanoTime() - updated);
                listeners.forEach(l -> l.onStepTimed(phases));
                globalStep++;
                lossSum += loss;
                reconSum += recon;
                klSum += kl;
                steps++;
                double took = (System.nanoTime() - started) / 1e9;
                epochSeconds += took;
                seconds += took;
                epochImages += batch.size();
                if (curve != null && curve.declares(globalStep)) {
                    // After the step's timing: measuring is not training time.
                    stepPoints.add(new StepPoint(globalStep, epoch, curve.measurement().measure(model)));
                }
                if (config.logEverySteps() > 0 && (step + 1) % config.logEverySteps() == 0) {
                    double rate = epochImages / epochSeconds;
                    long remainingImages = (long) (batches.count() - step - 1) * config.batchSize()
                            + (long) (config.epochs() - epoch - 1) * data.size();
                    StepReport report = new StepReport(epoch, step, batches.count(), globalStep, loss, recon, kl, rate,
                            remainingImages / rate);
                    listeners.forEach(l -> l.onStep(report));
                }
                boolean epochDone = step + 1 == batches.count();
                if (checkpoint != null && !epochDone && config.checkpointEverySteps() > 0
                        && (step + 1) % config.checkpointEverySteps() == 0) {
                    TrainingState mid = new TrainingState(epoch, step + 1, globalStep, history, lossSum, reconSum,
                            klSum, steps, seconds, convergence, stepPoints, firstSteps);
                    Checkpoint.save(checkpoint, model, config, optimizer, best, mid,
                            provenance(origin, model.config(), mid));
                }
            }
            // A step budget may end the epoch early; its report is then over the steps taken, and the checkpoint
            // below records the run as past this epoch, so a resume under the same budget trains no more.
            EpochReport report = new EpochReport(epoch, lossSum / steps, reconSum / steps, klSum / steps, epochSeconds,
                    epochImages / Math.max(epochSeconds, 1e-9), validation == null ? null : validation.measure(model));
            history.add(report);
            if (stopping != null) {
                convergence = convergence.after(epoch, report.validation().loss(), stopping, config.epochs());
                if (convergence.improvedAt(epoch)) {
                    params.forEach((name, value) -> best.put(name, value.dup()));
                }
            }
            if (checkpoint != null) {
                TrainingState next = new TrainingState(epoch + 1, 0, globalStep, history, 0, 0, 0, 0, seconds,
                        convergence, stepPoints, firstSteps);
                Checkpoint.save(checkpoint, model, config, optimizer, best, next,
                        provenance(origin, model.config(), next));
            }
            listeners.forEach(l -> l.onEpochEnd(report));
        }
        if (stopping != null && !best.isEmpty()) {
            // The run keeps its best epoch's parameters; the checkpoint keeps the last ones, so it stays resumable.
            best.forEach((name, value) -> params.get(name).assign(value));
        }
        return new TrainingResult(history, globalStep, seconds, resumed, convergence, stepPoints, firstSteps);
    }

    /** The run's provenance at a checkpoint: what it trains (model and optimiser settings) and how far it got. */
    private Provenance provenance(Provenance origin, ModelConfig model, TrainingState state) {
        ObjectNode spec = Json.mapper().createObjectNode();
        spec.set("model", Json.mapper().valueToTree(model));
        spec.set("trainer", Json.mapper().valueToTree(config));
        return new Provenance(origin.data(), new TrainingProvenance(spec, config.seed(), state.epoch(),
                state.globalStep(), state.seconds()), origin.environment(), origin.source(), Instant.now().toString());
    }
}
