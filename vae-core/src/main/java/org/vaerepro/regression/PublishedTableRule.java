package org.vaerepro.regression;

import org.vaerepro.experiment.PublishedMargins;
import org.vaerepro.experiment.ReportedValues;
import org.vaerepro.io.Preconditions;
import org.vaerepro.statistics.SampleSummary;

/**
 * The verdict of one cell of a publication's table: the confidence interval of the mean over seeds against the
 * reported value and the suite's margin ({@link PublishedVerdict}). A single run has no interval, so it gets no
 * verdict of its own ({@link PublishedVerdict#UNDECIDED}); the page shows its distance to the reported value as a
 * number only. Called by {@link SuiteJudgement} alone.
 */
public final class PublishedTableRule {
    private PublishedTableRule() {
    }

    /** The PSNR cell: higher is better. */
    public static CellVerdict psnr(SampleSummary measured, ReportedValues reported, PublishedMargins margins) {
        return cell(TableMetric.PSNR, measured, reported.psnr(), margins.psnr());
    }

    /** The LPIPS cell: lower is better. */
    public static CellVerdict lpips(SampleSummary measured, ReportedValues reported, PublishedMargins margins) {
        return cell(TableMetric.LPIPS, measured, reported.lpips(), margins.lpips());
    }

    private static CellVerdict cell(TableMetric metric, SampleSummary measured, double reported, double margin) {
        return new CellVerdict(metric, reported, measured, margin, verdict(measured, reported, margin, metric));
    }

    /**
     * The partition ({@link PublishedVerdict}) of an interval of the measured mean: one seed has no interval, so no
     * verdict ({@link PublishedVerdict#UNDECIDED}).
     */
    static PublishedVerdict verdict(SampleSummary measured, double reported, double margin, TableMetric metric) {
        if (!measured.hasInterval()) {
            return PublishedVerdict.UNDECIDED;
        }
        return verdict(measured.low(), measured.high(), reported, margin, metric);
    }

    /**
     * The partition of the interval {@code [low, high]} against {@code reported} and {@code margin} (>= 0). The protocol
     * search asks it of a point, a mean over seeds at one step ({@code low == high}), where it reduces to "within the
     * margin": the same rule, asked of what a search has.
     */
    public static PublishedVerdict verdict(double low, double high, double reported, double margin,
            TableMetric metric) {
        if (Double.isNaN(low) || Double.isNaN(high)) {
            return PublishedVerdict.UNDECIDED; // a run whose metric is not a number: the row's page says so
        }
        boolean higherIsBetter = metric.higherIsBetter();
        Preconditions.check(low <= high, "interval [" + low + ", " + high + "] has its ends reversed");
        Preconditions.check(margin >= 0, "margin must be >= 0, got " + margin);
        // In "better" units: positive is better than the reported value.
        double worst = higherIsBetter ? low - reported : reported - high;
        double best = higherIsBetter ? high - reported : reported - low;
        if (worst > margin) {
            return PublishedVerdict.BEATS;
        }
        if (best < -margin) {
            return PublishedVerdict.MISSES;
        }
        if (worst >= -margin && best <= margin) {
            return PublishedVerdict.MATCHES;
        }
        return PublishedVerdict.UNDECIDED;
    }
}
