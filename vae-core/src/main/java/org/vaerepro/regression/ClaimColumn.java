package org.vaerepro.regression;

import java.util.List;

/**
 * One architecture on one dataset, its experiments ordered by bottleneck size d (one row each): the unit the source states its
 * claim for ("a larger bottleneck gives higher PSNR and lower LPIPS") and the page shows as one table. Its
 * experiments' judged rows (same order), the claim's steps (each a Welch test across seeds, with its family-wise verdict over every
 * tested step of the suite) and, for sizes measured with a single seed, the trend of the measured values, a
 * description rather than a test.
 */
public record ClaimColumn(String architecture, String dataset, List<ExperimentRow> rows, List<BottleneckClaim.Step> steps, BottleneckTrend trend) {

    public ClaimColumn {
        rows = List.copyOf(rows);
        steps = List.copyOf(steps);
    }

    /** Whether any step was tested (both its sizes measured with at least two seeds). */
    public boolean tested() {
        return steps.stream().anyMatch(step -> step.test() != null);
    }

    /** Whether any step contradicts the claim: significant the other way. */
    public boolean contradicted() {
        return steps.stream().anyMatch(step -> step.verdict() == ClaimVerdict.CONTRADICTED);
    }

    ClaimColumn withSteps(List<BottleneckClaim.Step> adjusted) {
        return new ClaimColumn(architecture, dataset, rows, adjusted, trend);
    }
}
