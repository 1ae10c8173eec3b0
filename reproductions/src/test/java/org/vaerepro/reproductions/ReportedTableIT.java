package org.vaerepro.reproductions;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestReporter;
import org.vaerepro.regression.ExperimentRow;
import org.vaerepro.experiment.CellRequirement;
import org.vaerepro.regression.SuiteJudgement;

/**
 * The published table, cell by cell, as the session judges it ({@code regression.SuiteJudgement}: the 95%
 * confidence interval of the mean over the row's seeds against the reported value and the suite's margin; beats,
 * matches, misses, undecided). One test per experiment that declares reported values, so a suite that reproduces
 * part of the table is checked on its part. Every declared seed must have a current result (a verdict over fewer
 * would be another verdict than the page's); every cell's verdict and interval is published. A cell that misses
 * fails; in a suite declaring {@code "verdictRequired": "matches"} (a reproduction at the publication's protocol),
 * so does every cell that does not match.
 * Tagged "full-training": only full-length runs ({@code -Preproduce}) are held to a publication.
 */
@Tag("full-training")
class ReportedTableIT {
    @TestFactory
    Stream<DynamicNode> everyCellMeetsTheSuitesRequirement(TestReporter reporter) {
        return MeasuredSuite.all().stream().map(measured -> DynamicContainer.dynamicContainer(measured.name(),
                cells(measured, measured.judgement(), reporter)));
    }

    private static Stream<DynamicTest> cells(MeasuredSuite measured, SuiteJudgement judgement, TestReporter reporter) {
        List<ExperimentRow> published = judgement.published();
        assertFalse(published.isEmpty(), "suite " + judgement.suite() + " (" + measured.session.suite().file()
                + ") declares no reported values, so there is no published table to check it against");
        return published.stream().map(row -> DynamicTest.dynamicTest(row.id(), () -> {
            String line = row.describe();
            reporter.publishEntry("verdict", line);
            System.out.println("verdict: " + line);
            assertTrue(row.complete(), row.id() + ": " + row.seedsMeasured() + " of " + row.seeds() + " seeds have a "
                    + "current result; verdicts need every seed (-Dvae.firstSeeds=0, as -Preproduce sets)");
            assertTrue(row.failing(judgement.verdictRequired()).isEmpty(), "the suite requires every cell to be "
                    + (judgement.verdictRequired() == CellRequirement.MATCHES ? "a match" : "no miss") + ": " + line);
        }));
    }
}
