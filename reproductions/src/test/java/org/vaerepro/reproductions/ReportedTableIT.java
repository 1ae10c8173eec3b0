package org.vaerepro.reproductions;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestReporter;
import org.vaerepro.experiment.ExperimentMetrics;
import org.vaerepro.experiment.ExperimentResult;
import org.vaerepro.experiment.ExperimentSpec;
import org.vaerepro.regression.CellVerdict;
import org.vaerepro.regression.PublishedTableRule;
import org.vaerepro.regression.PublishedVerdict;

/**
 * The published table, cell by cell: the 95% confidence interval of the mean over the row's seeds against
 * the reported value and the suite's margin ({@code regression.PublishedVerdict}: beats, matches, misses,
 * undecided). One test per experiment that declares reported values, so a suite that reproduces part of the
 * table (the CIFAR-10 rows under another architecture option) is checked on its part. Every cell's verdict
 * and interval is published; only "misses" fails. Tagged "full-training": only full-length runs
 * ({@code -Preproduce}) are held to a publication.
 */
@Tag("full-training")
class ReportedTableIT {
    private static MeasuredSuite measured;

    @BeforeAll
    static void load() {
        measured = MeasuredSuite.fromSystemProperties();
    }

    @TestFactory
    Stream<DynamicTest> noCellMissesThePublishedTable(TestReporter reporter) {
        List<ExperimentSpec> published = measured.suite.experiments().stream().filter(s -> s.reported() != null).toList();
        assertFalse(published.isEmpty(), "suite " + measured.suite.name() + " (" + measured.suite.file()
                + ") declares no reported values, so there is no published table to check it against");
        return published.stream().map(spec -> DynamicTest.dynamicTest(spec.id(), () -> {
            List<ExperimentResult> results = measured.results(spec);
            List<CellVerdict> cells = List.of(
                    PublishedTableRule.psnr(MeasuredSuite.summary(results, ExperimentMetrics::psnr), spec.reported(),
                            measured.suite.margins()),
                    PublishedTableRule.lpips(MeasuredSuite.summary(results, ExperimentMetrics::lpips), spec.reported(),
                            measured.suite.margins()));
            long atLimit = MeasuredSuite.atEpochLimit(results);
            String line = spec.id() + ": " + String.join("; ", cells.stream().map(CellVerdict::describe).toList())
                    + (atLimit > 0 ? " (" + atLimit + " of " + spec.seeds().size() + " runs at the epoch limit, not converged)" : "");
            reporter.publishEntry("verdict", line);
            System.out.println("verdict: " + line);
            assertTrue(cells.stream().noneMatch(c -> c.verdict() == PublishedVerdict.MISSES), line);
        }));
    }
}
