package org.vaerepro.reproductions;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestReporter;
import org.vaerepro.experiment.ExperimentResult;
import org.vaerepro.experiment.ExperimentSpec;
import org.vaerepro.regression.BottleneckClaim;
import org.vaerepro.regression.ClaimVerdict;

/**
 * The source's conclusion, per architecture and dataset and per step in d: a larger bottleneck gives higher
 * PSNR and lower LPIPS, each step decided by a one-sided Welch t-test across seeds (holds, contradicted, not
 * shown). One test per (architecture, dataset) column the suite declares; every column needs at least two
 * bottleneck sizes. Every step's statistics are published; a contradicted step fails, so a result against the
 * source stays a visible failure of {@code -Preproduce}. Tagged like {@link ReportedTableIT}.
 */
@Tag("full-training")
class BottleneckClaimIT {
    private static MeasuredSuite measured;

    @BeforeAll
    static void load() {
        measured = MeasuredSuite.fromSystemProperties();
    }

    @TestFactory
    Stream<DynamicTest> noStepContradictsTheClaim(TestReporter reporter) {
        Map<String, List<ExperimentSpec>> columns = measured.suite.experiments().stream()
                .collect(Collectors.groupingBy(s -> s.architecture().id() + " on " + s.dataset().id(), TreeMap::new,
                        Collectors.toList()));
        assertFalse(columns.isEmpty(), "suite " + measured.suite.name() + " declares no experiments");
        return columns.keySet().stream().map(column -> DynamicTest.dynamicTest(column, () -> {
            List<ExperimentSpec> sizes = columns.get(column).stream()
                    .sorted(Comparator.comparingInt(ExperimentSpec::latentDim)).toList();
            assertTrue(sizes.size() >= 2, "suite " + measured.suite.name() + " has " + sizes.size() + " experiment(s) "
                    + column + "; the claim needs at least two bottleneck sizes");
            assertTrue(sizes.stream().map(ExperimentSpec::latentDim).distinct().count() == sizes.size(), "suite "
                    + measured.suite.name() + " declares one bottleneck size twice in " + column + ": "
                    + sizes.stream().map(ExperimentSpec::id).toList());
            List<BottleneckClaim.Step> steps = BottleneckClaim.steps(sizes.stream().map(spec -> {
                List<ExperimentResult> runs = measured.results(spec);
                return new BottleneckClaim.Size(spec.latentDim(),
                        runs.stream().mapToDouble(r -> r.metrics().psnr()).toArray(),
                        runs.stream().mapToDouble(r -> r.metrics().lpips()).toArray());
            }).toList());
            String finding = column + " (" + measured.suite.name() + "): "
                    + String.join("; ", steps.stream().map(BottleneckClaim.Step::describe).toList());
            reporter.publishEntry("finding", finding);
            System.out.println("finding: " + finding);
            assertTrue(steps.stream().noneMatch(s -> s.verdict() == ClaimVerdict.CONTRADICTED), finding);
        }));
    }
}
