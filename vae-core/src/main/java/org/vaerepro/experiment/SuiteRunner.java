package org.vaerepro.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs a phase (train, evaluate, or both) over a suite's selected runs. A failing run is reported with
 * its id and the others still run, unless {@code failFast}.
 */
public final class SuiteRunner {
    /** One run that failed (its id: the experiment's, or {@code <id>/seed-<n>}), and why. */
    public record Failure(String run, String phase, Exception error) {
    }

    private static final String ARCHIVED = "trained and evaluated with this spec (a results snapshot without its model file), skipping";
    private static final String EVALUATED = "already evaluated with this spec, skipping evaluation";

    private final ExperimentDatasets datasets;
    private final LazyLpips lpips;
    private final OutputLayout layout;
    private final ExperimentTrainer trainer;
    private final ExperimentEvaluator evaluator;
    private final Consumer<String> log;
    private final boolean failFast;

    public SuiteRunner(ExperimentDatasets datasets, LazyLpips lpips, OutputLayout layout, ExperimentTrainer trainer,
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
     * Locates and validates every input the selection needs before any of it runs: each dataset split
     * (structure, sizes, published checksums; the loads are kept for the run) and, when evaluating or when a
     * run measures validation images, the LPIPS weights. All problems are collected, so one run of the check names every missing file.
     */
    public void preflight(List<Run> runs, boolean evaluating) {
        List<ExperimentSpec> selection = runs.stream().map(Run::experiment).distinct().toList();
        List<String> problems = new ArrayList<>();
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
        boolean validating = selection.stream().anyMatch(spec -> spec.validation() > 0);
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
     * Trains what is not yet trained with its current spec; the rest is skipped with a line saying so. A run
     * folder another process is training ({@link RunLock}) is skipped with a line naming the holder, or,
     * when the selection named its experiments explicitly, is a failure naming the holder.
     */
    public List<Failure> train(Suite suite, List<Run> runs, boolean namedExplicitly) {
        return each(runs, "train", run -> {
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
                if (trainer.isTrained(suite, run)) {
                    log.accept("[" + run.id() + "] already trained with this spec, skipping");
                } else if (folder.isArchived(run.spec())) {
                    log.accept("[" + run.id() + "] " + ARCHIVED);
                } else {
                    trainer.train(suite, run);
                }
            }
        });
    }

    /**
     * The runs that need training or evaluation: results snapshots ({@link RunFolder#isArchived}) are left
     * out with the line train and evaluate log for them, so a caller can skip them before handing runs on.
     */
    public List<Run> needingWork(Suite suite, List<Run> runs) {
        List<Run> rest = new ArrayList<>();
        for (Run run : runs) {
            if (layout.run(suite, run).isArchived(run.spec())) {
                log.accept("[" + run.id() + "] " + ARCHIVED);
            } else {
                rest.add(run);
            }
        }
        return rest;
    }

    public List<Failure> evaluate(Suite suite, List<Run> runs) {
        return each(runs, "evaluate", run -> {
            if (layout.run(suite, run).isArchived(run.spec())) {
                log.accept("[" + run.id() + "] " + ARCHIVED);
            } else {
                evaluator.evaluate(suite, run);
            }
        });
    }

    /**
     * Trains, then evaluates every run whose training succeeded (none after a failure when failing fast),
     * except a run whose model was already there and already evaluated with this spec
     * ({@link RunFolder#isEvaluated}): evaluating it again costs 20-60 s a run on 2 cores and gave bit-identical
     * metrics on every finished run of the seed-tables suites it was repeated on. {@link #evaluate} alone
     * always measures, for when the metric code changed.
     */
    public List<Failure> trainAndEvaluate(Suite suite, List<Run> runs, boolean namedExplicitly) {
        List<Failure> failures = new ArrayList<>(train(suite, runs, namedExplicitly));
        if (failures.isEmpty() || !failFast) {
            List<String> failed = failures.stream().map(Failure::run).toList();
            List<Run> toEvaluate = new ArrayList<>();
            for (Run run : runs) {
                if (failed.contains(run.id())) {
                    continue;
                }
                if (isCurrent(suite, run)) { // training that ran deleted the metrics, so this is a skipped run
                    log.accept("[" + run.id() + "] " + EVALUATED);
                } else {
                    toEvaluate.add(run);
                }
            }
            failures.addAll(evaluate(suite, toEvaluate));
        }
        return failures;
    }

    /** Trained with its spec, model file present, and evaluated with its spec: nothing left to do. */
    public boolean isCurrent(Suite suite, Run run) {
        RunFolder folder = layout.run(suite, run);
        return folder.isTrained(run.spec()) && folder.isEvaluated(run.spec());
    }

    private List<Failure> each(List<Run> runs, String phase, Phase action) {
        List<Failure> failures = new ArrayList<>();
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
                failures.add(new Failure(run.id(), phase, e));
                if (failFast) {
                    break;
                }
            }
        }
        return failures;
    }

    private interface Phase {
        void run(Run run) throws Exception;
    }
}
