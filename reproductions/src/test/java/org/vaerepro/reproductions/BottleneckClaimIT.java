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
 * bottleneck sizes. Every step's statistics are published, with its family-wise verdict (Holm over every tested
 * step of the suite); a contradicted step fails, so a result against the source stays a visible failure of
 * {@code -Preproduce}. Tagged like {@link ReportedTableIT}.
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
        List<String> names = List.copyOf(columns.keySet());
        // Every column's steps first: they are one family for the Holm adjustment (BottleneckClaim.acrossFamily).
        List<List<BottleneckClaim.Step>> claims = BottleneckClaim.acrossFamily(names.stream()
                .map(column -> steps(columns.get(column))).toList());
        return names.stream().map(column -> DynamicTest.dynamicTest(column, () -> {
            List<ExperimentSpec> sizes = columns.get(column);
            assertTrue(sizes.size() >= 2, "suite " + measured.suite.name() + " has " + sizes.size() + " experiment(s) "
                    + column + "; the claim needs at least two bottleneck sizes");
            assertTrue(sizes.stream().map(ExperimentSpec::latentDim).distinct().count() == sizes.size(), "suite "
                    + measured.suite.name() + " declares one bottleneck size twice in " + column + ": "
                    + sizes.stream().map(ExperimentSpec::id).toList());
            List<BottleneckClaim.Step> steps = claims.get(names.indexOf(column));
            String finding = column + " (" + measured.suite.name() + "): "
                    + String.join("; ", steps.stream().map(BottleneckClaim.Step::describe).toList());
            reporter.publishEntry("finding", finding);
            System.out.println("finding: " + finding);
            assertTrue(steps.stream().noneMatch(s -> s.verdict() == ClaimVerdict.CONTRADICTED), finding);
        }));
    }

    /** The column's steps in d, from each size's measured seeds. */
    private static List<BottleneckClaim.Step> steps(List<ExperimentSpec> column) {
        return BottleneckClaim.steps(column.stream().sorted(Comparator.comparingInt(ExperimentSpec::latentDim)).map(spec -> {
            List<ExperimentResult> runs = measured.results(spec);
            return new BottleneckClaim.Size(spec.latentDim(),
                    runs.stream().mapToDouble(r -> r.metrics().psnr()).toArray(),
                    runs.stream().mapToDouble(r -> r.metrics().lpips()).toArray());
        }).toList());
    }
}
