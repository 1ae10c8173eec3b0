package org.vaerepro.reproductions;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestReporter;
import org.vaerepro.regression.BottleneckClaim;
import org.vaerepro.regression.ExperimentRow;
import org.vaerepro.regression.SuiteJudgement;

/**
 * The source's conclusion, per architecture and dataset and per step in d, as the session judges it
 * ({@code regression.SuiteJudgement}: a one-sided Welch t-test across seeds per step, holds, contradicted or not
 * shown, with its family-wise verdict by Holm over every tested step of the suite, the same family the page shows).
 * One test per column the suite declares; every column needs at least two bottleneck sizes, each with every seed
 * measured. A contradicted step fails, so a result against the source stays a visible failure of
 * {@code -Preproduce}. Tagged like {@link ReportedTableIT}.
 */
@Tag("full-training")
class BottleneckClaimIT {
    @TestFactory
    Stream<DynamicNode> noStepContradictsTheClaim(TestReporter reporter) {
        return MeasuredSuite.all().stream().map(measured -> DynamicContainer.dynamicContainer(measured.name(),
                columns(measured.judgement(), reporter)));
    }

    private static Stream<DynamicTest> columns(SuiteJudgement judgement, TestReporter reporter) {
        assertFalse(judgement.columns().isEmpty(), "suite " + judgement.suite() + " declares no experiments");
        return judgement.columns().stream().map(column -> DynamicTest.dynamicTest(
                column.architecture() + " on " + column.dataset(), () -> {
                    String name = column.architecture() + " on " + column.dataset() + " (" + judgement.suite() + ")";
                    assertTrue(column.experiments().size() >= 2, name + " has " + column.experiments().size()
                            + " experiment(s); the claim needs at least two bottleneck sizes");
                    assertTrue(column.experiments().stream().map(spec -> spec.training().latentDim()).distinct().count()
                            == column.experiments().size(), name + " declares one bottleneck size twice");
                    assertTrue(column.rows().stream().allMatch(ExperimentRow::complete), name + ": every seed of "
                            + "every size needs a current result: " + column.rows().stream().map(ExperimentRow::describe)
                                    .toList());
                    String finding = name + ": " + String.join("; ", column.steps().stream()
                            .map(BottleneckClaim.Step::describe).toList());
                    reporter.publishEntry("finding", finding);
                    System.out.println("finding: " + finding);
                    assertFalse(column.contradicted(), finding);
                }));
    }
}
