package org.vaerepro;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaerepro.experiment.ExperimentMetrics;
import org.vaerepro.experiment.ExperimentResult;
import org.vaerepro.experiment.ExperimentSpec;
import org.vaerepro.experiment.OutputLayout;
import org.vaerepro.experiment.Run;
import org.vaerepro.experiment.Suite;
import org.vaerepro.experiment.SuiteParser;
import org.vaerepro.io.AtomicFiles;
import org.vaerepro.train.Convergence;
import org.vaerepro.train.EpochReport;
import org.vaerepro.train.ValidationReport;
import org.vaerepro.io.Json;
import org.vaerepro.provenance.DataProvenance;
import org.vaerepro.provenance.DatasetProvenance;
import org.vaerepro.provenance.EnvironmentProvenance;
import org.vaerepro.provenance.Provenance;
import org.vaerepro.provenance.SourceProvenance;
import org.vaerepro.provenance.TrainingProvenance;

/** Hand-made provenance and specs for tests that write results without training. */
public final class Fixtures {
    private Fixtures() {
    }

    public static final EnvironmentProvenance ENVIRONMENT = new EnvironmentProvenance("1.0.0-M2.1", "CPU", "host CPU",
            2, "17.0.15", "test JVM", "Linux test", "test machine", 2);
    public static final SourceProvenance SOURCE = new SourceProvenance("0.1.0-SNAPSHOT", "abc123", false,
            "2026-01-01T00:00:00Z");

    /** The suite {@code json} declares, written to {@code file} (its folders made) and parsed. */
    public static Suite suite(Path file, String json) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the suite file " + file, e);
        }
        return new SuiteParser().parse(file);
    }

    /** {@code spec} as a suite declaring it with other {@code fields} (a JSON object) would give it. */
    public static ExperimentSpec declaredOtherwise(ExperimentSpec spec, String fields) {
        try {
            ObjectNode json = (ObjectNode) Json.mapper().valueToTree(spec);
            json.setAll((ObjectNode) Json.mapper().readTree(fields));
            return Json.mapper().treeToValue(json, ExperimentSpec.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON object of spec fields: " + fields, e);
        }
    }

    /**
     * A result of {@code spec} measured as {@code psnr} and {@code lpips} (the other metrics fixed), written to its run
     * folder in {@code layout}, as the runner would after training and evaluating it.
     */
    public static void writeResult(OutputLayout layout, Suite suite, ExperimentSpec spec, double psnr, double lpips,
            Convergence convergence) {
        AtomicFiles.writeJson(layout.run(suite, spec).metricsFile(), result(suite, spec, psnr, lpips, convergence));
    }

    /** {@link #writeResult} of one seed's run of a multi-seed experiment, into that run's folder. */
    public static void writeResult(OutputLayout layout, Suite suite, Run run, double psnr, double lpips,
            Convergence convergence) {
        AtomicFiles.writeJson(layout.run(suite, run).metricsFile(), result(suite, run.spec(), psnr, lpips, convergence));
    }

    /**
     * {@link #writeResult} of one seed's run whose training measured {@code validation} after each of its epochs (the
     * curve a stopping-rule study fits, or a learning curve compared with a peer's).
     */
    public static void writeResult(OutputLayout layout, Suite suite, Run run, double psnr, double lpips,
            Convergence convergence, List<ValidationReport> validation) {
        ExperimentResult result = result(suite, run.spec(), psnr, lpips, convergence);
        List<EpochReport> epochs = new ArrayList<>();
        for (int epoch = 0; epoch < validation.size(); epoch++) {
            epochs.add(new EpochReport(epoch, 1, 1, 0, 1, 100, validation.get(epoch)));
        }
        AtomicFiles.writeJson(layout.run(suite, run).metricsFile(), new ExperimentResult(result.suite(), result.spec(),
                result.metrics(), epochs, result.images(), result.evaluationSeconds(), result.provenance(),
                result.convergence()));
    }

    /** A validation measurement with the given loss, PSNR and LPIPS (the other fields fixed). */
    public static ValidationReport validation(double loss, double psnr, double lpips) {
        return new ValidationReport(100, loss, loss - 1, 1, psnr, lpips, 50);
    }

    /** The result {@link #writeResult} writes. */
    public static ExperimentResult result(Suite suite, ExperimentSpec spec, double psnr, double lpips,
            Convergence convergence) {
        ExperimentMetrics metrics = new ExperimentMetrics(100, psnr, psnr - 0.1, 0.5, lpips, "resize",
                byRule(lpips), 100, 5, spec.training().latentDim(), 0.9, 0.8, 0.2, 0.7, Map.of(), null);
        Provenance provenance = provenance("a".repeat(64), "b".repeat(64), spec.seed(), 12.5);
        return new ExperimentResult(suite.name(), spec, metrics,
                List.of(new EpochReport(0, 1, 1, 0, 1, 100, null)), Map.of(), 3.0, provenance, convergence);
    }

    /** In rule order, as the runner writes it (Map.of iterates in a per-JVM random order). */
    private static Map<String, Double> byRule(double lpips) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("resize", lpips);
        values.put("pad", lpips + 0.05);
        return values;
    }

    /** Provenance of an evaluation on MNIST with the given checksums, trained for {@code trainSeconds}. */
    public static Provenance provenance(String trainSha, String testSha, long seed, double trainSeconds) {
        return new Provenance(new DataProvenance(new DatasetProvenance("mnist/train", 60_000, trainSha),
                new DatasetProvenance("mnist/test", 10_000, testSha)), new TrainingProvenance(null, seed, 1, 469,
                trainSeconds), ENVIRONMENT, SOURCE, "2026-01-01T00:00:00Z");
    }
}
