package org.vaerepro.report;

import java.util.List;
import org.vaerepro.regression.BottleneckClaim;
import org.vaerepro.regression.BottleneckTrend;

/**
 * One table of the page: an architecture on a dataset, rows ordered by bottleneck size, with the
 * source's claim "a larger bottleneck gives better PSNR and LPIPS" checked on the experiments measured with their current spec
 * (the mean over seeds for multi-seed ones). {@code rows} has one row per run; {@code summaries} one per
 * multi-seed experiment; {@code curves} the learning-curve pictures of each measured experiment;
 * {@code verdicts} the published-table verdicts of its experiments with reported values; {@code claim} the
 * Welch-tested steps of the bottleneck claim.
 */
public record ResultGroup(String architecture, String dataset, List<ResultRow> rows, List<ResultSummary> summaries,
        List<LearningCurves> curves, List<VerdictRow> verdicts, List<BottleneckClaim.Step> claim, BottleneckTrend trend) {

    /** This group with {@code claim} in place of its steps (the same steps, adjusted across the suite). */
    public ResultGroup withClaim(List<BottleneckClaim.Step> claim) {
        return new ResultGroup(architecture, dataset, rows, summaries, curves, verdicts, claim, trend);
    }

    /** Whether any step of the claim was tested (every size measured with at least two seeds). */
    public boolean claimTested() {
        return claim.stream().anyMatch(step -> step.test() != null);
    }
}
