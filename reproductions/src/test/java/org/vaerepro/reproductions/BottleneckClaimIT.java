package org.vaerepro.reproductions;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestReporter;
import org.junitpioneer.jupiter.cartesian.CartesianTest;
import org.junitpioneer.jupiter.cartesian.CartesianTest.Values;
import org.vaerepro.experiment.ExperimentResult;
import org.vaerepro.experiment.ExperimentSpec;
import org.vaerepro.regression.BottleneckClaim;
import org.vaerepro.regression.ClaimVerdict;

/**
 * The source's conclusion, per architecture and dataset and per step in d: a larger bottleneck gives higher
 * PSNR and lower LPIPS, each step decided by a one-sided Welch t-test across seeds (holds, contradicted, not
 * shown). Every step's statistics are published; a contradicted step fails, so a result against the source
 * stays a visible failure of {@code -Preproduce}. Tagged like {@link ReportedTableIT}.
 */
@Tag("full-training")
class BottleneckClaimIT {
    private static MeasuredSuite measured;

    @BeforeAll
    static void load() {
        measured = MeasuredSuite.fromSystemProperties();
    }

    @CartesianTest(name = "{0} on {1}")
    void noStepContradictsTheClaim(@Values(strings = {"vae", "vae-upsample", "ae"}) String architecture,
            @Values(strings = {"mnist", "cifar10"}) String dataset, TestReporter reporter) {
        List<ExperimentSpec> column = measured.column(architecture, dataset);
        assertTrue(column.size() >= 2, "suite " + measured.suite.name() + " has " + column.size() + " " + architecture
                + " experiment(s) on " + dataset + "; the claim needs at least two bottleneck sizes");
        List<BottleneckClaim.Size> sizes = column.stream().map(spec -> {
            List<ExperimentResult> runs = measured.results(spec);
            return new BottleneckClaim.Size(spec.latentDim(), runs.stream().mapToDouble(r -> r.metrics().psnr()).toArray(),
                    runs.stream().mapToDouble(r -> r.metrics().lpips()).toArray());
        }).toList();
        List<BottleneckClaim.Step> steps = BottleneckClaim.steps(sizes);
        String finding = architecture + " on " + dataset + " (" + measured.suite.name() + "): "
                + String.join("; ", steps.stream().map(BottleneckClaim.Step::describe).toList());
        reporter.publishEntry("finding", finding);
        System.out.println("finding: " + finding);
        assertTrue(steps.stream().noneMatch(s -> s.verdict() == ClaimVerdict.CONTRADICTED), finding);
    }
}
