package org.vaerepro.regression;

import org.vaerepro.experiment.ReportedValues;

/**
 * The check against a publication's table, one-sided: PSNR no more than {@link Tolerances#PUBLISHED_PSNR_DB}
 * below the reported value and LPIPS no more than {@link Tolerances#PUBLISHED_LPIPS} above it. Used by
 * the results page and the reproduction tests alike.
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
}
