package org.vaerepro.reproductions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.vaerepro.experiment.ExperimentMetrics;
import org.vaerepro.experiment.ExperimentResult;
import org.vaerepro.experiment.OutputLayout;
import org.vaerepro.experiment.Run;
import org.vaerepro.experiment.ExperimentSpec;
import org.vaerepro.experiment.Suite;
import org.vaerepro.experiment.SuiteParser;
import org.vaerepro.regression.Baseline;
import org.vaerepro.regression.BaselineFile;
import org.vaerepro.regression.MissingBaselineException;
import org.vaerepro.statistics.SampleSummary;

/**
 * The suite this build ran (system properties set by the POM: {@code vae.suite},
 * {@code vae.outputDirectory}, {@code vae.baselineDir}) and its measured results. The tests iterate the
 * suite's own experiments, so they read any suite, including one that reproduces part of the table.
 */
final class MeasuredSuite {
    final Suite suite;
    final Path outputRoot;

    private MeasuredSuite(Suite suite, Path outputRoot) {
        this.suite = suite;
        this.outputRoot = outputRoot;
    }

    static MeasuredSuite fromSystemProperties() {
        return new MeasuredSuite(new SuiteParser().parse(Path.of(required("vae.suite"))),
                Path.of(required("vae.outputDirectory")));
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set; run through Maven "
                    + "(mvn verify in reproductions), which sets it");
        }
        return value;
    }

    /** The measured result of the experiment's first seed (the run the gate trains). */
    ExperimentResult result(ExperimentSpec spec) {
        return read(new Run(spec, spec.seed()));
    }

    /** Every declared seed's measured result, in declared order (the verdicts need all of them). */
    List<ExperimentResult> results(ExperimentSpec spec) {
        return spec.seeds().stream().map(seed -> read(new Run(spec, seed))).toList();
    }

    /** A run's result, which must exist and have been made with the spec as declared now. */
    private ExperimentResult read(Run run) {
        Path file = new OutputLayout(outputRoot).run(suite, run).metricsFile();
        assertTrue(Files.isRegularFile(file), "run " + run.id() + " has no " + file + "; the build's vae:reproduce "
                + "step should have made it (see its log; verdicts need every seed: -Dvae.firstSeeds=0, as -Preproduce sets)");
        ExperimentResult result = ExperimentResult.read(file);
        assertEquals(run.spec(), result.spec(), file + " was measured with a different spec than " + suite.file()
                + " declares");
        return result;
    }

    /** One metric over an experiment's seeds ({@link #results}). */
    static SampleSummary summary(List<ExperimentResult> results, ToDoubleFunction<ExperimentMetrics> metric) {
        return SampleSummary.of(results.stream().mapToDouble(r -> metric.applyAsDouble(r.metrics())).toArray(),
                SampleSummary.CONFIDENCE_95);
    }

    /**
     * How many of an experiment's runs ended at the maximum number of epochs while early stopping still
     * waited: what they measured is the epoch budget, not a converged model.
     */
    static long atEpochLimit(List<ExperimentResult> results) {
        return results.stream().filter(ExperimentResult::endedAtEpochLimit).count();
    }

    Path baselineFile() {
        return Path.of(required("vae.baselineDir")).resolve(suite.name() + ".json");
    }

    /** The committed baseline; a missing one says which goal records it. */
    Baseline baseline() {
        try {
            return BaselineFile.read(baselineFile());
        } catch (MissingBaselineException e) {
            throw new IllegalStateException(e.getMessage() + ": mvn -B -pl reproductions vae:baseline -Dvae.suite="
                    + suite.file(), e);
        }
    }
}
