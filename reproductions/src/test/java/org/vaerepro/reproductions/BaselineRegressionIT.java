package org.vaerepro.reproductions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junitpioneer.jupiter.SetSystemProperty;
import org.vaerepro.experiment.ExperimentSpec;
import org.vaerepro.regression.Baseline;
import org.vaerepro.regression.BaselineCheck;

/**
 * Drift in either direction fails the build: every run the build trained (each experiment's first
 * {@code vae.firstSeeds} seeds), one test per experiment of each suite, against the suite's committed baseline, as
 * the session checks it ({@code regression.BaselineCheck}: a recorded seed within the numerical-noise floor, another
 * seed within the prediction interval over the recorded ones). A deliberate change rewrites the baseline with
 * {@code vae:baseline} (see README).
 */
class BaselineRegressionIT {

    @TestFactory
    Stream<DynamicNode> everyExperimentMatchesItsBaseline() {
        return MeasuredSuite.all().stream().map(measured -> {
            Baseline baseline = measured.baseline();
            List<BaselineCheck.Deviation> deviations = measured.session.baselineDeviations(measured.baselineFile());
            assertFalse(measured.session.runs().isEmpty(), "the build selected no runs of " + measured.session.suite().file());
            return DynamicContainer.dynamicContainer(measured.name(), Stream.concat(
                    Stream.of(DynamicTest.dynamicTest("the baseline covers exactly the suite", () -> covers(measured, baseline))),
                    measured.session.selection().stream().map(spec -> DynamicTest.dynamicTest(spec.id(), () -> {
                        List<String> drift = deviations.stream().filter(d -> d.run().experiment().id().equals(spec.id()))
                                .map(BaselineCheck.Deviation::toString).toList();
                        assertTrue(drift.isEmpty(), spec.id() + " drifted from " + measured.baselineFile() + " (recorded by '"
                                + baseline.command() + "' at commit " + baseline.provenance().source().gitCommit()
                                + "):\n  " + String.join("\n  ", drift));
                    }))));
        });
    }

    private static void covers(MeasuredSuite measured, Baseline baseline) {
        assertEquals(measured.name(), baseline.suite());
        Set<String> declared = measured.session.suite().experiments().stream().map(ExperimentSpec::id)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(declared, new TreeSet<>(baseline.experiments().keySet()),
                "experiments in " + measured.session.suite().file() + " vs " + measured.baselineFile());
        assertTrue(baseline.wallSeconds() > 0 && !baseline.command().isBlank()
                && !baseline.provenance().source().gitCommit().isBlank(), "a baseline records how it was made: " + baseline);
    }

    @Test
    @SetSystemProperty(key = "vae.baselineDir", value = "target/no-baselines-here")
    void aMissingBaselineIsAClearError() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> MeasuredSuite.all().get(0).baseline());
        assertTrue(error.getMessage().contains("no-baselines-here") && error.getMessage().contains("vae:baseline"),
                error.getMessage());
    }
}
