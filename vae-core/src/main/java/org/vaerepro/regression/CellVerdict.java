package org.vaerepro.regression;

import java.util.Locale;
import org.vaerepro.statistics.SampleSummary;

/** One cell of a published table (one metric of one row) against its measurement: the verdict and the numbers behind it. */
public record CellVerdict(TableMetric metric, double reported, SampleSummary measured, double margin,
        PublishedVerdict verdict) {

    /** "PSNR 19.170 reported, 20.412 ± 0.210 (3 seeds): beats". */
    public String describe() {
        return String.format(Locale.ROOT, "%s %s reported, %s, margin %s: %s", metric, metric.print(reported),
                measured.describe(metric.format()), margin, verdict.word());
    }
}
