package org.vaerepro.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a phase (train, evaluate, or both) over a suite's selected experiments. A failing experiment is
 * reported with its id and the others still run, unless {@code failFast}.
 */
public final class SuiteRunner {
    /** One experiment that failed, and why. */
    public record Failure(String experiment, String phase, Exception error) {
    }

    private final ExperimentTrainer trainer;
    private final ExperimentEvaluator evaluator;
    private final Consumer<String> log;
    private final boolean failFast;

    public SuiteRunner(ExperimentTrainer trainer, ExperimentEvaluator evaluator, Consumer<String> log, boolean failFast) {
        this.trainer = trainer;
        this.evaluator = evaluator;
        this.log = log;
        this.failFast = failFast;
    }

    /** Trains what is not yet trained with its current spec; the rest is skipped with a line saying so. */
    public List<Failure> train(Suite suite, List<ExperimentSpec> selection) {
        return each(selection, "train", spec -> {
            if (trainer.isTrained(suite, spec)) {
                log.accept("[" + spec.id() + "] already trained with this spec, skipping");
            } else {
                trainer.train(suite, spec);
            }
        });
    }

    public List<Failure> evaluate(Suite suite, List<ExperimentSpec> selection) {
        return each(selection, "evaluate", spec -> evaluator.evaluate(suite, spec));
    }

    /** Trains, then evaluates every experiment whose training succeeded (none after a failure when failing fast). */
    public List<Failure> trainAndEvaluate(Suite suite, List<ExperimentSpec> selection) {
        List<Failure> failures = new ArrayList<>(train(suite, selection));
        if (failures.isEmpty() || !failFast) {
            List<String> failed = failures.stream().map(Failure::experiment).toList();
            failures.addAll(evaluate(suite, selection.stream().filter(s -> !failed.contains(s.id())).toList()));
        }
        return failures;
    }

    private List<Failure> each(List<ExperimentSpec> selection, String phase, Phase action) {
        List<Failure> failures = new ArrayList<>();
        int i = 0;
        for (ExperimentSpec spec : selection) {
            log.accept("== " + phase + " " + (++i) + "/" + selection.size() + ": " + spec.id());
            try {
                action.run(spec);
            } catch (Exception e) {
                log.accept("[" + spec.id() + "] " + phase + " FAILED: " + e.getMessage());
                failures.add(new Failure(spec.id(), phase, e));
                if (failFast) {
                    break;
                }
            }
        }
        return failures;
    }

    private interface Phase {
        void run(ExperimentSpec spec) throws Exception;
    }
}
