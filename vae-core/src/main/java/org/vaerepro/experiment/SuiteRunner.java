package org.vaerepro.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a phase (train, evaluate) over a suite's selected experiments. A failing experiment is
 * reported with its id and the others still run, unless {@code failFast}.
 */
public final class SuiteRunner {
    /** One experiment that failed, and why. */
    public record Failure(String experiment, String phase, Exception error) {
    }

    private final ExperimentRunner runner;
    private final Consumer<String> log;
    private final boolean failFast;

    public SuiteRunner(ExperimentRunner runner, Consumer<String> log, boolean failFast) {
        this.runner = runner;
        this.log = log;
        this.failFast = failFast;
    }

    public List<Failure> train(Suite suite, List<ExperimentSpec> selection) {
        return each(selection, "train", spec -> {
            if (runner.isTrained(suite, spec)) {
                log.accept("[" + spec.id() + "] already trained with this spec, skipping");
            } else {
                runner.train(suite, spec);
            }
        });
    }

    public List<Failure> evaluate(Suite suite, List<ExperimentSpec> selection) {
        return each(selection, "evaluate", spec -> runner.evaluate(suite, spec));
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
