package org.vaerepro.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every run of a suite with its {@link RunStatus}, read once from an output folder: what the page shows and what
 * the verdicts, the claim and the baseline are computed from (only {@link RunStatus.Current} results count).
 */
public record SuiteResults(Suite suite, Map<Run, RunStatus> statuses) {
    public SuiteResults {
        statuses = new LinkedHashMap<>(statuses);
    }

    /** The status of every run of every experiment of {@code suite}, in suite order. */
    public static SuiteResults read(Suite suite, OutputLayout layout) {
        Map<Run, RunStatus> statuses = new LinkedHashMap<>();
        for (Run run : Suite.runs(suite.experiments())) {
            statuses.put(run, layout.run(suite, run).status(run.spec()));
        }
        return new SuiteResults(suite, statuses);
    }

    public RunStatus status(Run run) {
        RunStatus status = statuses.get(run);
        if (status == null) {
            throw new IllegalArgumentException("suite " + suite.name() + " has no run " + run);
        }
        return status;
    }

    /** The experiment's runs, in declared seed order. */
    public List<Run> runs(ExperimentSpec experiment) {
        return statuses.keySet().stream().filter(run -> run.experiment().equals(experiment)).toList();
    }

    /** The current results of the experiment's runs, in declared seed order: what its summaries and verdicts use. */
    public List<ExperimentResult> current(ExperimentSpec experiment) {
        return runs(experiment).stream().map(statuses::get).filter(RunStatus.Current.class::isInstance)
                .map(status -> ((RunStatus.Current) status).result()).toList();
    }
}
