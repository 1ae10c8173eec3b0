package org.vaerepro.reproductions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.vaerepro.data.StandardDataset;
import java.util.function.ToDoubleFunction;
import org.vaerepro.experiment.ExperimentMetrics;
import org.vaerepro.experiment.ExperimentResult;
import org.vaerepro.experiment.OutputLayout;
import org.vaerepro.experiment.Run;
import org.vaerepro.experiment.ExperimentSpec;
import org.vaerepro.experiment.Suite;
import org.vaerepro.experiment.SuiteParser;
import org.vaerepro.model.Architecture;
import org.vaerepro.regression.Baseline;
import org.vaerepro.regression.BaselineFile;
import org.vaerepro.regression.MissingBaselineException;
import org.vaerepro.statistics.SampleSummary;

/**
 * The suite this build ran (system properties set by the POM: {@code vae.suite},
 * {@code vae.outputDirectory}, {@code vae.baselineDir}) and its measured results. Experiments are
 * found by what they are (architecture, dataset, d), not by id, so the tests read any suite.
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

    /** "mnist/10" → (MNIST, 10). */
    static StandardDataset dataset(String row) {
        return StandardDataset.fromId(row.substring(0, row.indexOf('/')));
    }

    static int latentDim(String row) {
        return Integer.parseInt(row.substring(row.indexOf('/') + 1));
    }

    ExperimentSpec spec(String architecture, String row) {
        Architecture arch = Architecture.fromId(architecture);
        List<ExperimentSpec> matches = suite.experiments().stream()
                .filter(s -> s.architecture().equals(arch) && s.dataset() == dataset(row) && s.latentDim() == latentDim(row))
                .toList();
        if (matches.size() != 1) {
            fail("suite " + suite.name() + " (" + suite.file() + ") should declare exactly one " + architecture + " on "
                    + row + ", found " + matches.stream().map(ExperimentSpec::id).toList());
        }
        return matches.get(0);
    }

    /** The experiments of one architecture on one dataset, in increasing d. */
    List<ExperimentSpec> column(String architecture, String dataset) {
        Architecture arch = Architecture.fromId(architecture);
        return suite.experiments().stream()
                .filter(s -> s.architecture().equals(arch) && s.dataset() == StandardDataset.fromId(dataset))
                .sorted(Comparator.comparingInt(ExperimentSpec::latentDim)).toList();
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

    /** One metric over the seeds of an experiment. */
    SampleSummary summary(ExperimentSpec spec, ToDoubleFunction<ExperimentMetrics> metric) {
        return SampleSummary.of(results(spec).stream().mapToDouble(r -> metric.applyAsDouble(r.metrics())).toArray(),
                SampleSummary.CONFIDENCE_95);
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
