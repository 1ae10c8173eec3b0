package org.vaerepro.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vaerepro.experiment.OutputLayout;
import org.vaerepro.experiment.Suite;
import org.vaerepro.experiment.SuiteParser;
import org.vaerepro.regression.CellVerdict;
import org.vaerepro.statistics.SampleSummary;
import org.vaerepro.statistics.WelchTest;

/**
 * A suite's published-table cells beside those of the suite it is compared with ({@link Suite#comparedWith}),
 * experiment by experiment (the same id in both): the two verdicts, and the difference of the means (this
 * suite minus the other) with its Welch 95% interval and two-sided p. So a reader sees whether a verdict
 * depends on what differs between the suites, and whether the numbers themselves moved beyond seed noise.
 * Both suites' results are read from the same output root.
 */
public record SuiteComparison(String otherSuite, String otherFile, List<Row> rows) {

    /** One experiment measured in both suites; {@code psnr} and {@code lpips} are this suite minus the other. */
    public record Row(VerdictRow here, VerdictRow there, Difference psnr, Difference lpips) {
        /** Whether both metrics got the same verdict in both suites. */
        public boolean sameVerdicts() {
            return here.psnr().verdict() == there.psnr().verdict() && here.lpips().verdict() == there.lpips().verdict();
        }
    }

    /** The difference of two cells' means; {@code test} is null when either has fewer than two seeds. */
    public record Difference(String metric, double meanDifference, WelchTest test) {
        static Difference of(CellVerdict here, CellVerdict there) {
            SampleSummary a = there.measured();
            SampleSummary b = here.measured();
            WelchTest test = a.hasInterval() && b.hasInterval() ? WelchTest.of(a, b) : null;
            return new Difference(here.metric(), b.mean() - a.mean(), test);
        }

        /** "+0.512 ± 0.301 (Welch 95%, df 3.6), p 0.012", or the difference alone without a test. */
        public String describe() {
            String decimals = metric.equals("PSNR") ? "%+.3f" : "%+.4f";
            String plain = metric.equals("PSNR") ? "%.3f" : "%.4f";
            if (test == null) {
                return String.format(Locale.ROOT, decimals + " (fewer than two seeds on a side, no test)", meanDifference);
            }
            return String.format(Locale.ROOT, decimals + " ± " + plain + " (Welch 95%%, df %.1f), p %.3g", meanDifference,
                    test.halfWidth(SampleSummary.CONFIDENCE_95), test.degreesOfFreedom(), test.twoSidedP());
        }
    }

    /**
     * The comparison of {@code groups} (this suite's, from {@link ResultsPage#groups}) with the suite this one
     * is compared with, or null when it names none.
     */
    public static SuiteComparison of(Suite suite, List<ResultGroup> groups, OutputLayout layout) {
        if (suite.comparedWith() == null) {
            return null;
        }
        Suite other = new SuiteParser().parse(suite.comparedWith());
        Map<String, VerdictRow> there = new LinkedHashMap<>();
        ResultsPage.groups(other, layout).forEach(group -> group.verdicts().forEach(row -> there.put(row.id(), row)));
        List<Row> rows = new ArrayList<>();
        for (ResultGroup group : groups) {
            for (VerdictRow here : group.verdicts()) {
                VerdictRow match = there.get(here.id());
                if (match != null && here.measured() && match.measured()) {
                    rows.add(new Row(here, match, Difference.of(here.psnr(), match.psnr()),
                            Difference.of(here.lpips(), match.lpips())));
                }
            }
        }
        return new SuiteComparison(other.name(), suite.comparedWith().getFileName().toString(), List.copyOf(rows));
    }
}
