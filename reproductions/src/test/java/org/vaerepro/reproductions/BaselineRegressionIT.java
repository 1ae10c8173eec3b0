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
 * {@code vae.firstSeeds} seeds), one test per experiment of each suite, and each reference model of the suite's
 * committed baseline, one test each, as the session checks them ({@code regression.BaselineCheck}: the early-step
 * trajectory, the end-of-training values, the reference models' numbers; each deviation names its check). A
 * deliberate change rewrites the baseline with {@code vae:baseline} (see docs/gate.md).
 */
class BaselineRegressionIT {

    @TestFactory
    Stream<DynamicNode> everyExperimentMatchesItsBaseline() {
        return MeasuredSuite.all().stream().map(measured -> {
            Baseline baseline = measured.baseline();
            List<BaselineCheck.Deviation> deviations = measured.session.checkBaseline(measured.baselineFile()).deviations();
            assertFalse(measured.session.runs().isEmpty(), "the build selected no runs of " + measured.session.suite().file());
            Stream<DynamicTest> experiments = measured.session.selection().stream().map(spec ->
                    DynamicTest.dynamicTest(spec.id(), () -> holds(measured, baseline, spec.id(), deviations.stream()
                            .filter(d -> d.run() != null && d.run().experiment().id().equals(spec.id())).toList())));
            Stream<DynamicTest> references = baseline.referenceModels().keySet().stream().map(name ->
                    DynamicTest.dynamicTest(BaselineCheck.referenceSubject(name), () -> holds(measured, baseline,
                            BaselineCheck.referenceSubject(name), deviations.stream()
                                    .filter(d -> d.subject().equals(BaselineCheck.referenceSubject(name))).toList())));
            return DynamicContainer.dynamicContainer(measured.name(), Stream.of(
                    Stream.of(DynamicTest.dynamicTest("the baseline covers exactly the suite", () -> covers(measured, baseline))),
                    experiments, references).flatMap(s -> s));
        });
    }

    private static void holds(MeasuredSuite measured, Baseline baseline, String subject,
            List<BaselineCheck.Deviation> drift) {
        assertTrue(drift.isEmpty(), subject + " drifted from " + measured.baselineFile() + " (recorded by '"
                + baseline.command() + "' at commit " + baseline.provenance().source().gitCommit() + "):\n  "
                + String.join("\n  ", drift.stream().map(BaselineCheck.Deviation::toString).toList()));
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
