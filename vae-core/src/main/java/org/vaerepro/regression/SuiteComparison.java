package org.vaerepro.regression;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vaerepro.statistics.SampleSummary;
import org.vaerepro.statistics.WelchTest;

/**
 * A suite's published-table cells beside those of the suite it is compared with (its {@code comparedWith}),
 * experiment by experiment (the same id in both): the two verdicts, and the difference of the means (this
 * suite minus the other) with its Welch 95% interval and two-sided p. So a reader sees whether a verdict
 * depends on what differs between the suites, and whether the numbers themselves moved beyond seed noise.
 */
public record SuiteComparison(String otherSuite, String otherFile, List<Row> rows) {

    /** One experiment measured in both suites; {@code psnr} and {@code lpips} are this suite minus the other. */
    public record Row(ExperimentRow here, ExperimentRow there, Difference psnr, Difference lpips) {
        /** Whether both metrics got the same verdict in both suites. */
        public boolean sameVerdicts() {
            return here.psnrVerdict().verdict() == there.psnrVerdict().verdict()
                    && here.lpipsVerdict().verdict() == there.lpipsVerdict().verdict();
        }
    }

    /** The difference of two cells' means; {@code test} is null when either has fewer than two seeds. */
    public record Difference(TableMetric metric, double meanDifference, WelchTest test) {
        static Difference of(CellVerdict here, CellVerdict there) {
            SampleSummary a = there.measured();
            SampleSummary b = here.measured();
            WelchTest test = a.hasInterval() && b.hasInterval() ? WelchTest.of(a, b) : null;
            return new Difference(here.metric(), b.mean() - a.mean(), test);
        }

        /** "+0.512 ± 0.301 (Welch 95%, df 3.6), p 0.012", or the difference alone without a test. */
        public String describe() {
            String decimals = metric.format().replace("%", "%+");
            String plain = metric.format();
            if (test == null) {
                return String.format(Locale.ROOT, decimals + " (fewer than two seeds on a side, no test)", meanDifference);
            }
            return String.format(Locale.ROOT, decimals + " ± " + plain + " (Welch 95%%, df %.1f), p %.3g", meanDifference,
                    test.halfWidth(SampleSummary.CONFIDENCE_95), test.degreesOfFreedom(), test.twoSidedP());
        }
    }

    /** The published rows measured in both judgements ({@code there}: the suite named in {@code otherFile}). */
    public static SuiteComparison of(SuiteJudgement here, SuiteJudgement there, String otherFile) {
        List<Row> rows = new ArrayList<>();
        for (ExperimentRow row : here.published()) {
            ExperimentRow match = there.row(row.id());
            if (match != null && match.published() && row.measured() && match.measured()) {
                rows.add(new Row(row, match, Difference.of(row.psnrVerdict(), match.psnrVerdict()),
                        Difference.of(row.lpipsVerdict(), match.lpipsVerdict())));
            }
        }
        return new SuiteComparison(there.suite(), otherFile, List.copyOf(rows));
    }
}
