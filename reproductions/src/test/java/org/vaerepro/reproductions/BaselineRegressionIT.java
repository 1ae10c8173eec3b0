package org.vaerepro.reproductions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junitpioneer.jupiter.SetSystemProperty;
import org.vaerepro.experiment.ExperimentSpec;
import org.vaerepro.regression.Baseline;
import org.vaerepro.regression.BaselineCheck;

/**
 * Drift in either direction fails the build: every experiment of the suite (its first seed, the run the build
 * trains), one test each, against the suite's committed baseline. Where the baseline measured the spread over several
 * seeds the window is the 95% prediction interval for one new run, at least the cross-machine noise floor;
 * otherwise the fixed window ({@code regression.Tolerances}). A deliberate change rewrites the baseline
 * with {@code vae:baseline} (see README).
 */
class BaselineRegressionIT {
    private static MeasuredSuite measured;
    private static Baseline baseline;

    @BeforeAll
    static void load() {
        measured = MeasuredSuite.fromSystemProperties();
        baseline = measured.baseline();
    }

    @TestFactory
    Stream<DynamicTest> everyExperimentMatchesItsBaseline() {
        return measured.suite.experiments().stream().map(spec -> DynamicTest.dynamicTest(spec.id(), () -> {
            List<String> deviations = BaselineCheck.deviations(baseline, spec.id(), measured.result(spec));
            assertTrue(deviations.isEmpty(), spec.id() + " drifted from " + measured.baselineFile() + " (recorded by '"
                    + baseline.command() + "' at commit " + baseline.provenance().source().gitCommit() + "):\n  "
                    + String.join("\n  ", deviations));
        }));
    }

    @Test
    void baselineCoversExactlyTheSuite() {
        assertEquals(measured.suite.name(), baseline.suite());
        Set<String> declared = measured.suite.experiments().stream().map(ExperimentSpec::id)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(declared, new TreeSet<>(baseline.experiments().keySet()),
                "experiments in " + measured.suite.file() + " vs " + measured.baselineFile());
        assertTrue(baseline.wallSeconds() > 0 && !baseline.command().isBlank()
                && !baseline.provenance().source().gitCommit().isBlank(),
                "a baseline records how it was made: " + baseline);
    }

    @Test
    @SetSystemProperty(key = "vae.baselineDir", value = "target/no-baselines-here")
    void aMissingBaselineIsAClearError() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> MeasuredSuite.fromSystemProperties().baseline());
        assertTrue(error.getMessage().contains("no-baselines-here") && error.getMessage().contains("vae:baseline"),
                error.getMessage());
    }
}
