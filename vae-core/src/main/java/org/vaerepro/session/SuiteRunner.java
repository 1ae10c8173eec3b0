package org.vaerepro.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.vaerepro.experiment.ExperimentDatasets;
import org.vaerepro.experiment.ExperimentEvaluator;
import org.vaerepro.experiment.ExperimentSpec;
import org.vaerepro.experiment.ExperimentTrainer;
import org.vaerepro.experiment.LazyLpips;
import org.vaerepro.experiment.NotTrainedException;
import org.vaerepro.experiment.OutputLayout;
import org.vaerepro.experiment.PreflightException;
import org.vaerepro.experiment.Run;
import org.vaerepro.experiment.RunFolder;
import org.vaerepro.experiment.RunLock;
import org.vaerepro.experiment.RunLockedException;
import org.vaerepro.experiment.RunStatus;
import org.vaerepro.experiment.Suite;

/**
 * Runs a phase (train, evaluate, or both) over a suite's selected runs in this process, deciding from each run's
 * {@link RunStatus} what is left to do. A failing run is reported with its id and the others still run, unless
 * {@code failFast}.
 */
final class SuiteRunner {
    private final ExperimentDatasets datasets;
    private final LazyLpips lpips;
    private final OutputLayout layout;
    private final ExperimentTrainer trainer;
    private final ExperimentEvaluator evaluator;
    private final Consumer<String> log;
    private final boolean failFast;

    SuiteRunner(ExperimentDatasets datasets, LazyLpips lpips, OutputLayout layout, ExperimentTrainer trainer,
            ExperimentEvaluator evaluator, Consumer<String> log, boolean failFast) {
        this.datasets = datasets;
        this.lpips = lpips;
        this.layout = layout;
        this.trainer = trainer;
        this.evaluator = evaluator;
        this.log = log;
        this.failFast = failFast;
    }

    /**
     * Locates and validates every input the selection needs before any of it runs: the output folder, each dataset
     * split (structure, sizes, published checksums, subsets no larger than their split; the loads are kept for the
     * run) and, when evaluating or when a run measures validation images, the LPIPS weights. All problems are
     * collected, so one run of the check names every missing file.
     */
    void preflight(List<Run> runs, boolean evaluating) {
        List<ExperimentSpec> selection = runs.stream().map(Run::experiment).distinct().toList();
        List<String> problems = new ArrayList<>();
        layout.problem().ifPresent(problems::add);
        for (ExperimentSpec spec : selection) {
            // The repository reads each split once, so checking every experiment costs one slice each.
            try {
                datasets.trainSet(spec);
                datasets.validationSet(spec);
                datasets.testSet(spec);
            } catch (RuntimeException e) {
                if (!problems.contains(e.getMessage())) {
                    problems.add(e.getMessage());
                }
            }
        }
        boolean validating = selection.stream().anyMatch(spec -> spec.training().validation() > 0);
        if ((evaluating || validating) && !runs.isEmpty()) {
            try {
                lpips.get();
            } catch (RuntimeException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new PreflightException(problems);
        }
        log.accept("preflight: data" + (evaluating || validating ? " and LPIPS weights" : "") + " for " + runs.size()
                + " run(s) found and valid");
    }

    /**
     * Trains what its status says needs training; the rest is skipped with a line saying so. A run folder another
     * process is training ({@link RunLock}) is skipped with a line naming the holder, or, when the selection named
     * its experiments explicitly, is a failure naming the holder.
     */
    List<RunFailure> train(Suite suite, List<Run> runs, boolean namedExplicitly) {
        return each(runs, RunPhase.TRAIN, run -> {
            RunFolder folder = layout.run(suite, run);
            Optional<RunLock> lock = RunLock.tryAcquire(folder.directory());
            if (lock.isEmpty()) {
                String holder = RunLock.holder(folder.directory());
                if (namedExplicitly) {
                    throw new RunLockedException(run.id(), folder.directory(), holder);
                }
                log.accept("[" + run.id() + "] skipped: being trained by " + holder);
                return;
            }
            try (RunLock held = lock.get()) {
                RunStatus status = folder.status(run.spec());
                if (status.needsTraining()) {
                    trainer.train(suite, run);
                } else {
                    log.accept("[" + run.id() + "] " + skipped(status, "already trained with this spec, skipping"));
                }
            }
        });
    }

    /** The runs that are not current: the others are left out with the line train and evaluate log for them. */
    List<Run> needingWork(Suite suite, List<Run> runs) {
        List<Run> rest = new ArrayList<>();
        for (Run run : runs) {
            RunStatus status = layout.run(suite, run).status(run.spec());
            if (status instanceof RunStatus.Current) {
                log.accept("[" + run.id() + "] " + skipped(status, "already trained and evaluated with this spec, skipping"));
            } else {
                rest.add(run);
            }
        }
        return rest;
    }

    /**
     * Measures every run whose model is in its folder, even a current one (for when the metric code changed); a
     * current results snapshot (no model file) is left as it is, a damaged model file is first rebuilt from the
     * checkpoint or trained again ({@link ExperimentTrainer#train}), and a run without a current model fails. Like
     * training, evaluation holds the run's lock ({@link RunLock}), so a metrics.json is never written beside a model
     * another process is still writing: a run locked by another process fails, naming the holder.
     */
    List<RunFailure> evaluate(Suite suite, List<Run> runs) {
        return each(runs, RunPhase.EVALUATE, run -> {
            RunFolder folder = layout.run(suite, run);
            RunStatus status = folder.status(run.spec());
            if (status instanceof RunStatus.Current current && current.snapshot()) {
                log.accept("[" + run.id() + "] " + skipped(status, ""));
                return;
            }
            if (status.needsTraining() && !(status instanceof RunStatus.ModelDamaged)) {
                throw new NotTrainedException(run.id(), folder.modelFile());
            }
            Optional<RunLock> lock = RunLock.tryAcquire(folder.directory());
            if (lock.isEmpty()) {
                throw new RunLockedException(run.id(), folder.directory(), RunLock.holder(folder.directory()));
            }
            try (RunLock held = lock.get()) {
                RunStatus now = folder.status(run.spec()); // it may have changed while it was unlocked
                if (now instanceof RunStatus.ModelDamaged) {
                    trainer.train(suite, run); // rebuilds it from the checkpoint, or trains it again, saying which
                } else if (now.needsTraining()) {
                    throw new NotTrainedException(run.id(), folder.modelFile());
                }
                evaluator.evaluate(suite, run);
            }
        });
    }

    /**
     * Trains, then evaluates every run whose training succeeded (none after a failure when failing fast) and whose
     * status is not current: evaluating a current run again costs 20-60 s a run on 2 cores and gives the same
     * metrics. {@link #evaluate} alone always measures.
     */
    List<RunFailure> trainAndEvaluate(Suite suite, List<Run> runs, boolean namedExplicitly) {
        List<RunFailure> failures = new ArrayList<>(train(suite, runs, namedExplicitly));
        if (failures.isEmpty() || !failFast) {
            List<Run> failed = failures.stream().map(RunFailure::run).toList();
            List<Run> toEvaluate = new ArrayList<>();
            for (Run run : runs) {
                if (failed.contains(run)) {
                    continue;
                }
                RunStatus status = layout.run(suite, run).status(run.spec());
                if (status.needsEvaluation()) {
                    toEvaluate.add(run);
                } else {
                    log.accept("[" + run.id() + "] already evaluated with this spec, skipping evaluation");
                }
            }
            failures.addAll(evaluate(suite, toEvaluate));
        }
        return failures;
    }

    /** The line for a run left as it is: a results snapshot says so, anything else says {@code otherwise}. */
    private String skipped(RunStatus status, String otherwise) {
        return status instanceof RunStatus.Current current && current.snapshot()
                ? "trained and evaluated with this spec (a results snapshot without its model file), skipping"
                : otherwise;
    }

    private List<RunFailure> each(List<Run> runs, RunPhase phase, Step action) {
        List<RunFailure> failures = new ArrayList<>();
        int i = 0;
        for (Run run : runs) {
            i++;
            if (runs.size() > 1) { // a worker runs one at a time; its parent numbers the runs
                log.accept("== " + phase + " " + i + "/" + runs.size() + ": " + run.id());
            }
            try {
                action.run(run);
            } catch (Exception e) {
                log.accept("[" + run.id() + "] " + phase + " FAILED: " + e.getMessage());
                failures.add(new RunFailure(run, phase, e));
                if (failFast) {
                    break;
                }
            }
        }
        return failures;
    }

    private interface Step {
        void run(Run run) throws Exception;
    }
}
