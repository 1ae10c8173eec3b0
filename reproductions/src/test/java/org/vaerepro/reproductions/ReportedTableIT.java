package org.vaerepro.reproductions;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestReporter;
import org.junitpioneer.jupiter.cartesian.CartesianTest;
import org.junitpioneer.jupiter.cartesian.CartesianTest.Values;
import org.vaerepro.experiment.ExperimentMetrics;
import org.vaerepro.experiment.ExperimentSpec;
import org.vaerepro.regression.CellVerdict;
import org.vaerepro.regression.PublishedTableRule;
import org.vaerepro.regression.PublishedVerdict;

/**
 * The published table, cell by cell: the 95% confidence interval of the mean over the row's seeds against
 * the reported value and the suite's margin ({@code regression.PublishedVerdict}: beats, matches, misses,
 * undecided). Every cell's verdict and interval is published; only "misses" fails. Tagged
 * "full-training": only full-length runs ({@code -Preproduce}) are held to a publication.
 */
@Tag("full-training")
class ReportedTableIT {
    private static MeasuredSuite measured;

    @BeforeAll
    static void load() {
        measured = MeasuredSuite.fromSystemProperties();
    }

    @CartesianTest(name = "{0} {1}")
    void noCellMissesThePublishedTable(@Values(strings = {"vae", "vae-upsample"}) String architecture,
            @Values(strings = {TableRows.MNIST_2, TableRows.MNIST_10, TableRows.CIFAR_64, TableRows.CIFAR_128,
                    TableRows.CIFAR_256}) String row, TestReporter reporter) {
        ExperimentSpec spec = measured.spec(architecture, row);
        assertNotNull(spec.reported(), spec.id() + " declares no reported values in " + measured.suite.file());
        List<CellVerdict> cells = List.of(
                PublishedTableRule.psnr(measured.summary(spec, ExperimentMetrics::psnr), spec.reported(),
                        measured.suite.margins()),
                PublishedTableRule.lpips(measured.summary(spec, ExperimentMetrics::lpips), spec.reported(),
                        measured.suite.margins()));
        String line = spec.id() + ": " + String.join("; ", cells.stream().map(CellVerdict::describe).toList());
        reporter.publishEntry("verdict", line);
        System.out.println("verdict: " + line);
        assertTrue(cells.stream().noneMatch(c -> c.verdict() == PublishedVerdict.MISSES), line);
    }
}
