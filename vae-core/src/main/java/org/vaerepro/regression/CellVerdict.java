package org.vaerepro.regression;

import java.util.Locale;
import org.vaerepro.statistics.SampleSummary;

/** One cell of a published table (one metric of one row) against its measurement: the verdict and the numbers behind it. */
public record CellVerdict(String metric, double reported, SampleSummary measured, double margin,
        PublishedVerdict verdict) {

    /** "PSNR 19.170 reported, 20.412 ± 0.210 (3 seeds): beats". */
    public String describe() {
        String decimals = metric.equals("PSNR") ? "%.3f" : "%.4f";
        return String.format(Locale.ROOT, "%s %s reported, %s, margin %s: %s", metric,
                String.format(Locale.ROOT, decimals, reported), measured.describe(decimals), margin, verdict.word());
    }
}
