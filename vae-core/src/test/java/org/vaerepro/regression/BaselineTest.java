package org.vaerepro.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaerepro.experiment.ExperimentMetrics;
import org.vaerepro.experiment.ExperimentResult;
import org.vaerepro.experiment.ExperimentRunner;
import org.vaerepro.experiment.ExperimentSpec;
import org.vaerepro.experiment.Provenance;
import org.vaerepro.experiment.Suite;
import org.vaerepro.experiment.SuiteParser;
import org.vaerepro.train.EpochReport;

/** Recording, reading and checking baselines, on hand-written results (no training). */
class BaselineTest {
    @TempDir
    Path dir;

    private static final String TRAIN_SHA = "1".repeat(64);
    private static final String TEST_SHA = "2".repeat(64);

    private static ExperimentResult result(ExperimentSpec spec, double psnr, double lpips, String trainSha) {
        return new ExperimentResult("s", spec, new ExperimentMetrics(1000, psnr, psnr, 0.5, lpips, "resize", Map.of(), 1,
                1, 2, 0.5, 0.5, 0.1, 1), List.of(new EpochReport(0, 1, 1, 0, 10, 100)), Map.of(),
                new Provenance("mnist/train", trainSha, "mnist/test", TEST_SHA, "abc", Map.of(), "m", 2, 1, "t", 40, 5));
    }

    private Suite suite() throws Exception {
        Path file = dir.resolve("s.json");
        Files.writeString(file, """
                {"suite": "s", "defaults": {"dataset": "mnist", "architecture": "vae", "epochs": 1, "seed": 1},
                 "experiments": [{"id": "a", "latentDim": 2}, {"id": "b", "latentDim": 10}]}
                """);
        return new SuiteParser().parse(file);
    }

    @Test
    void driftInEitherDirectionBeyondTheToleranceIsReported() throws Exception {
        ExperimentSpec spec = suite().experiments().get(0);
        BaselineEntry entry = new BaselineEntry(15.0, 0.20, 0.5, "resize", 1000, TRAIN_SHA, TEST_SHA);
        assertEquals(List.of(), BaselineCheck.deviations(entry, result(spec, 15.29, 0.209, TRAIN_SHA)));
        assertEquals(List.of(), BaselineCheck.deviations(entry, result(spec, 14.71, 0.191, TRAIN_SHA)));
        List<String> better = BaselineCheck.deviations(entry, result(spec, 15.4, 0.18, TRAIN_SHA));
        assertEquals(2, better.size(), better.toString());
        assertTrue(better.get(0).contains("+0.4000"), better.get(0));
        List<String> worse = BaselineCheck.deviations(entry, result(spec, 14.0, 0.25, TRAIN_SHA));
        assertEquals(2, worse.size(), worse.toString());
        assertEquals(1, BaselineCheck.deviations(entry, result(spec, Double.NaN, 0.2, TRAIN_SHA)).size());
        List<String> otherData = BaselineCheck.deviations(entry, result(spec, 15.0, 0.2, "3".repeat(64)));
        assertTrue(otherData.get(0).startsWith("measured on different data"), otherData.toString());
    }

    @Test
    void recordsEveryExperimentWithProvenanceAndRoundTrips() throws Exception {
        Suite suite = suite();
        Path out = dir.resolve("out");
        for (ExperimentSpec spec : suite.experiments()) {
            Path file = out.resolve("s").resolve(spec.id()).resolve(ExperimentRunner.METRICS_FILE);
            Files.createDirectories(file.getParent());
            ExperimentRunner.json().writeValue(file.toFile(), result(spec, 14 + spec.latentDim(), 0.2, TRAIN_SHA));
        }
        Baseline baseline = BaselineFile.record(suite, out, "mvn x");
        assertEquals(90.0, baseline.wallSeconds(), 1e-9);
        assertEquals("abc", baseline.gitCommit());
        Path file = dir.resolve("baselines/s.json");
        BaselineFile.write(file, baseline);
        Baseline read = BaselineFile.read(file);
        assertEquals(baseline, read);
        assertEquals(24.0, read.experiments().get("b").psnr(), 0);
    }

    @Test
    void refusesToRecordIncompleteOrStaleResults() throws Exception {
        Suite suite = suite();
        Path out = dir.resolve("out");
        ExperimentSpec a = suite.experiments().get(0);
        Path file = out.resolve("s/a").resolve(ExperimentRunner.METRICS_FILE);
        Files.createDirectories(file.getParent());
        ExperimentSpec older = new ExperimentSpec("a", a.dataset(), 0, 0, a.architecture(), 2, a.loss(), a.beta(), 9,
                a.batchSize(), a.learningRate(), a.seed(), a.lpipsSmallImages(), null);
        ExperimentRunner.json().writeValue(file.toFile(), result(older, 14, 0.2, TRAIN_SHA));
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> BaselineFile.record(suite, out, "mvn x"));
        assertTrue(error.getMessage().contains("a (") && error.getMessage().contains("different spec")
                && error.getMessage().contains("b (no "), error.getMessage());
    }

    @Test
    void unreadableBaselinesNameTheFile() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"suite\": \"s\", \"surprise\": 1}");
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> BaselineFile.read(bad));
        assertTrue(error.getMessage().contains(bad.toString()), error.getMessage());
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> BaselineFile.read(dir.resolve("none.json")));
        assertTrue(missing.getMessage().contains("none.json") && missing.getMessage().contains("vae:baseline"));
    }
}
