package org.vaerepro.regression;

import org.vaerepro.experiment.ExperimentMetrics;
import org.vaerepro.experiment.ExperimentResult;
import org.vaerepro.experiment.ReportedValues;
import org.vaerepro.experiment.Run;
import org.vaerepro.experiment.RunStatus;

/**
 * One run (an experiment at one seed) as judged: where it stands ({@link RunStatus#word}, and {@code reason} in full)
 * and, when it has a result, its headline metrics and their distance to the reported values (null without a result
 * or without reported values). Only a {@code current} run counts in a summary, a verdict or a gate check; the
 * numbers of a result measured under another spec are shown, marked stale.
 */
public record RunJudgement(String id, String experiment, long seed, String status, String reason, boolean current,
        Double psnr, Double lpips, Double psnrDelta, Double lpipsDelta) {

    static RunJudgement of(Run run, RunStatus status) {
        ExperimentResult shown = status.lastResult();
        boolean current = status instanceof RunStatus.Current;
        if (shown == null) {
            return new RunJudgement(run.id(), run.experiment().id(), run.seed(), status.word(), status.describe(), current,
                    null, null, null, null);
        }
        ExperimentMetrics m = shown.metrics();
        ReportedValues reported = run.spec().reported();
        return new RunJudgement(run.id(), run.experiment().id(), run.seed(), status.word(), status.describe(), current,
                m.psnr(), m.lpips(), reported == null ? null : m.psnr() - reported.psnr(),
                reported == null ? null : m.lpips() - reported.lpips());
    }

    /** Whether a result is shown that the suite as declared now would not count. */
    public boolean stale() {
        return !current && psnr != null;
    }
}
