package org.vaerepro.regression;

import org.vaerepro.experiment.ExperimentMetrics;
import org.vaerepro.experiment.ExperimentResult;
import org.vaerepro.experiment.ReportedValues;
import org.vaerepro.experiment.Run;
import org.vaerepro.experiment.RunStatus;
import org.vaerepro.train.Convergence;

/**
 * One run (an experiment at one seed) as judged: where it stands ({@link RunStatus#word}, and {@code reason} in full)
 * and, when it has a result, its headline metrics and their distance to the reported values (null without a result
 * or without reported values), the epochs it trained and, when early stopping kept the parameters of its best epoch,
 * that epoch ({@code bestEpoch}, counted from 1; null without early stopping). Only a {@code current} run counts in a
 * summary, a verdict or a gate check; the numbers of a result measured under another spec are shown, marked stale.
 */
public record RunJudgement(String id, String experiment, long seed, String status, String reason, boolean current,
        Double psnr, Double lpips, Double psnrDelta, Double lpipsDelta, Integer epochsTrained, Integer bestEpoch) {

    static RunJudgement of(Run run, RunStatus status) {
        ExperimentResult shown = status.lastResult();
        boolean current = status instanceof RunStatus.Current;
        if (shown == null) {
            return new RunJudgement(run.id(), run.experiment().id(), run.seed(), status.word(), status.describe(), current,
                    null, null, null, null, null, null);
        }
        ExperimentMetrics m = shown.metrics();
        ReportedValues reported = run.spec().reported();
        Convergence convergence = shown.convergence();
        return new RunJudgement(run.id(), run.experiment().id(), run.seed(), status.word(), status.describe(), current,
                m.psnr(), m.lpips(), reported == null ? null : m.psnr() - reported.psnr(),
                reported == null ? null : m.lpips() - reported.lpips(),
                convergence == null || convergence.epochsTrained() == null ? shown.training().size()
                        : convergence.epochsTrained(),
                convergence == null ? null : convergence.bestEpoch() + 1);
    }

    /** Whether a result is shown that the suite as declared now would not count. */
    public boolean stale() {
        return !current && psnr != null;
    }
}
