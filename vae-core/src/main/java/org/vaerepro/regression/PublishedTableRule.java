package org.vaerepro.regression;

import org.vaerepro.experiment.PublishedMargins;
import org.vaerepro.experiment.ReportedValues;
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
        return new CellVerdict("PSNR", reported.psnr(), measured, margins.psnr(),
                verdict(measured, reported.psnr(), margins.psnr(), true));
    }

    /** The LPIPS cell: lower is better. */
    public static CellVerdict lpips(SampleSummary measured, ReportedValues reported, PublishedMargins margins) {
        return new CellVerdict("LPIPS", reported.lpips(), measured, margins.lpips(),
                verdict(measured, reported.lpips(), margins.lpips(), false));
    }

    static PublishedVerdict verdict(SampleSummary measured, double reported, double margin, boolean higherIsBetter) {
        if (!measured.hasInterval()) {
            return PublishedVerdict.UNDECIDED;
        }
        // In "better" units: positive is better than the reported value.
        double low = higherIsBetter ? measured.low() - reported : reported - measured.high();
        double high = higherIsBetter ? measured.high() - reported : reported - measured.low();
        if (low > 0) {
            return PublishedVerdict.BEATS;
        }
        if (high < -margin) {
            return PublishedVerdict.MISSES;
        }
        if (low >= -margin && high <= margin) {
            return PublishedVerdict.MATCHES;
        }
        return PublishedVerdict.UNDECIDED;
    }
}
