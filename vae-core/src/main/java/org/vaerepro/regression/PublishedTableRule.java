package org.vaerepro.regression;

import org.vaerepro.experiment.PublishedMargins;
import org.vaerepro.experiment.ReportedValues;
import org.vaerepro.statistics.SampleSummary;

/**
 * Measurements against a publication's table. {@link #verdict} is the statistical verdict of one cell
 * (the confidence interval of the mean over seeds against the reported value and the suite's margin, see
 * {@link PublishedVerdict}); {@link #passes} is the older one-sided point check (PSNR no more than
 * {@link Tolerances#PUBLISHED_PSNR_DB} below, LPIPS no more than {@link Tolerances#PUBLISHED_LPIPS} above),
 * which the per-run rows of the page still show. Used by the page and the reproduction tests alike.
 */
public final class PublishedTableRule {
    private PublishedTableRule() {
    }

    public static boolean passes(double psnr, double lpips, ReportedValues reported) {
        return psnr >= reported.psnr() - Tolerances.PUBLISHED_PSNR_DB
                && lpips <= reported.lpips() + Tolerances.PUBLISHED_LPIPS;
    }

    /** What {@link #passes} requires, for messages and the page. */
    public static String requirement() {
        return "PSNR >= reported - " + Tolerances.PUBLISHED_PSNR_DB + " dB and LPIPS <= reported + "
                + Tolerances.PUBLISHED_LPIPS;
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
