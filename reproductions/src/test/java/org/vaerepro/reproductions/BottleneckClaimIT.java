package org.vaerepro.reproductions;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestReporter;
import org.junitpioneer.jupiter.cartesian.CartesianTest;
import org.junitpioneer.jupiter.cartesian.CartesianTest.Values;
import org.vaerepro.experiment.ExperimentSpec;
import org.vaerepro.regression.BottleneckTrend;

/**
 * The source's conclusion, per architecture and dataset: a larger bottleneck gives PSNR that does not
 * decrease and LPIPS that does not increase. The measured trend is published as a finding either way;
 * the test fails when the claim does not hold. Tagged like {@link ReportedTableIT}: the claim is about
 * trained models, so only full-length runs ({@code -Preproduce}) are held to it.
 */
@Tag("full-training")
class BottleneckClaimIT {
    private static MeasuredSuite measured;

    @BeforeAll
    static void load() {
        measured = MeasuredSuite.fromSystemProperties();
    }

    @CartesianTest(name = "{0} on {1}")
    void imageQualityImprovesWithBottleneckSize(@Values(strings = {"vae", "vae-upsample", "ae"}) String architecture,
            @Values(strings = {"mnist", "cifar10"}) String dataset, TestReporter reporter) {
        List<ExperimentSpec> column = measured.column(architecture, dataset);
        assertTrue(column.size() >= 2, "suite " + measured.suite.name() + " has " + column.size() + " " + architecture
                + " experiment(s) on " + dataset + "; the claim needs at least two bottleneck sizes");
        List<double[]> points = column.stream().map(spec -> {
            var m = measured.result(spec).metrics();
            return new double[] {spec.latentDim(), m.psnr(), m.lpips()};
        }).toList();
        BottleneckTrend trend = BottleneckTrend.of(points);
        String finding = architecture + " on " + dataset + " (" + measured.suite.name() + "): " + trend.description()
                + (trend.holds() ? " — claim holds" : " — claim does not hold");
        reporter.publishEntry("finding", finding);
        System.out.println("finding: " + finding);
        assertTrue(trend.holds(), finding);
    }
}
