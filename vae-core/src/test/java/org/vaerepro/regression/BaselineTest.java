package org.vaerepro.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaerepro.experiment.ExperimentMetrics;
import org.vaerepro.experiment.ExperimentResult;
import org.vaerepro.experiment.ExperimentSchema;
import org.vaerepro.experiment.OutputLayout;
import org.vaerepro.experiment.ExperimentSpec;
import org.vaerepro.experiment.Run;
import org.vaerepro.experiment.SuiteResults;
import org.vaerepro.Fixtures;
import org.vaerepro.io.AtomicFiles;
import org.vaerepro.io.Json;
import org.vaerepro.experiment.Suite;
import org.vaerepro.experiment.SuiteParser;
import org.vaerepro.train.EpochReport;

/** Recording, reading and checking baselines, on hand-written results (no training). */
class BaselineTest {
    @TempDir
    Path dir;

    private static final String TRAIN_SHA = "1".repeat(64);
    private static final String TEST_SHA = "2".repeat(64);

    /** The thread count of the baselines here: the fixture results' own, so a recorded seed is held to its floor. */
    private static final int RECORDED_THREADS = Fixtures.ENVIRONMENT.threads();

    private static ExperimentResult result(ExperimentSpec spec, double psnr, double lpips, String trainSha) {
        return new ExperimentResult("s", spec, new ExperimentMetrics(1000, psnr, psnr, 0.5, lpips, "resize", Map.of(), 1,
                1, 2, 0.5, 0.5, 0.1, 1, Map.of(), null), List.of(new EpochReport(0, 1, 1, 0, 10, 100, null)), Map.of(), 5,
                Fixtures.provenance(trainSha, TEST_SHA, 1, 40), null);
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
        // A version 1 entry (one value, no seeds): the fixed window.
        BaselineEntry entry = new BaselineEntry(15.0, 0.20, 0.5, "resize", 1000, TRAIN_SHA, TEST_SHA, null, null, null, null);
        assertEquals(List.of(), BaselineCheck.deviations(entry, RECORDED_THREADS, result(spec, 15.29, 0.209, TRAIN_SHA)));
        assertEquals(List.of(), BaselineCheck.deviations(entry, RECORDED_THREADS, result(spec, 14.71, 0.191, TRAIN_SHA)));
        List<String> better = BaselineCheck.deviations(entry, RECORDED_THREADS, result(spec, 15.4, 0.18, TRAIN_SHA));
        assertEquals(2, better.size(), better.toString());
        assertTrue(better.get(0).contains("+0.4000"), better.get(0));
        List<String> worse = BaselineCheck.deviations(entry, RECORDED_THREADS, result(spec, 14.0, 0.25, TRAIN_SHA));
        assertEquals(2, worse.size(), worse.toString());
        assertEquals(1, BaselineCheck.deviations(entry, RECORDED_THREADS, result(spec, Double.NaN, 0.2, TRAIN_SHA)).size());
        List<String> otherData = BaselineCheck.deviations(entry, RECORDED_THREADS, result(spec, 15.0, 0.2, "3".repeat(64)));
        assertTrue(otherData.get(0).startsWith("measured on different data"), otherData.toString());
    }

    @Test
    void withAMeasuredSpreadTheWindowIsThePredictionIntervalForOneNewRun() throws Exception {
        ExperimentSpec spec = suite().experiments().get(0);
        // Seeds 2-6 recorded; the result is of seed 1, a new seed for this baseline.
        Map<Long, SeedValues> seeds = new java.util.TreeMap<>();
        for (long s = 2; s <= 6; s++) {
            seeds.put(s, new SeedValues(15.0, 0.2, 0.5));
        }
        // s = 0.2 dB over 5 seeds: t(0.975, 4) = 2.7764451051977934 (SciPy) x 0.2 x sqrt(1.2) = 0.6083 dB.
        BaselineEntry spread = new BaselineEntry(15.0, 0.20, 0.5, "resize", 1000, TRAIN_SHA, TEST_SHA, 0.2, 0.001, seeds, null);
        BaselineCheck.Window psnr = BaselineCheck.psnrPredictionWindow(spread);
        assertEquals(2.7764451051977934 * 0.2 * Math.sqrt(1.2), psnr.halfWidth(), 1e-9);
        assertTrue(psnr.derivation().contains("95% prediction interval for one new run over 5 seeds"), psnr.derivation());
        // LPIPS spread 0.001 gives 0.0030, under the numerical-noise floor: the floor applies.
        assertEquals(Tolerances.GATE_LPIPS_FLOOR, BaselineCheck.lpipsPredictionWindow(spread).halfWidth(), 0);
        assertEquals(List.of(), BaselineCheck.deviations(spread, RECORDED_THREADS, result(spec, 15.6, 0.207, TRAIN_SHA)));
        List<String> out = BaselineCheck.deviations(spread, RECORDED_THREADS, result(spec, 15.7, 0.21, TRAIN_SHA));
        assertEquals(2, out.size(), out.toString());
        assertTrue(out.get(0).contains("+0.7000") && out.get(0).contains("prediction interval"), out.get(0));
        assertTrue(out.get(1).contains("floor"), out.get(1));
    }

    @Test
    void aRecordedSeedIsHeldToItsOwnValueWithinTheNumericalNoiseFloor() throws Exception {
        ExperimentSpec spec = suite().experiments().get(0); // seed 1
        Map<Long, SeedValues> seeds = Map.of(1L, new SeedValues(14.0, 0.25, 0.5), 2L, new SeedValues(16.0, 0.15, 0.5));
        BaselineEntry entry = new BaselineEntry(15.0, 0.20, 0.5, "resize", 1000, TRAIN_SHA, TEST_SHA, 1.414, 0.07, seeds, null);
        // Seed 1 is compared with seed 1's value, not with the mean: 14.2 passes, 14.3 does not (floor 0.25 dB).
        assertEquals(List.of(), BaselineCheck.deviations(entry, RECORDED_THREADS, result(spec, 14.2, 0.255, TRAIN_SHA)));
        List<String> drift = BaselineCheck.deviations(entry, RECORDED_THREADS, result(spec, 14.3, 0.25, TRAIN_SHA));
        assertEquals(1, drift.size(), drift.toString());
        assertTrue(drift.get(0).contains("differs from baseline 14.0000 dB by +0.3000")
                && drift.get(0).contains("seed 1 as recorded"), drift.get(0));
        // The mean (15.0) would have been within the prediction interval: that window is for new seeds only.
        assertTrue(BaselineCheck.psnrPredictionWindow(entry).halfWidth() > 1.0);
        // Seed 1 recorded with another thread count is other arithmetic: held as a new run, and the window says why.
        assertEquals(List.of(), BaselineCheck.deviations(entry, 1, result(spec, 14.3, 0.25, TRAIN_SHA)));
        BaselineCheck.Windows other = BaselineCheck.windows(entry, 1, 1, RECORDED_THREADS);
        assertEquals(15.0, other.psnrCentre(), 0);
        assertEquals(BaselineCheck.psnrPredictionWindow(entry).halfWidth(), other.psnr().halfWidth(), 0);
        assertTrue(other.psnr().derivation().startsWith("seed 1 was recorded with 1 native threads and this run used 2"),
                other.psnr().derivation());
        // An unknown count (0: baselines before it was recorded) keeps the floor.
        assertEquals(Tolerances.GATE_PSNR_FLOOR_DB, BaselineCheck.windows(entry, 1, 0, RECORDED_THREADS).psnr().halfWidth(), 0);
    }

    @Test
    void aMultiSeedSuiteIsRecordedWithItsSpread() throws Exception {
        Path file = dir.resolve("m.json");
        Files.writeString(file, """
                {"suite": "m", "defaults": {"dataset": "mnist", "architecture": "vae", "epochs": 1, "seed": 1, "seeds": 3},
                 "experiments": [{"id": "a", "latentDim": 2}]}
                """);
        Suite suite = new SuiteParser().parse(file);
        Path out = dir.resolve("out");
        double[] psnr = {14.0, 14.3, 14.9};
        for (org.vaerepro.experiment.Run run : Suite.runs(suite.experiments())) {
            AtomicFiles.writeJson(new OutputLayout(out).run(suite, run).metricsFile(),
                    result(run.spec(), psnr[(int) run.seed() - 1], 0.2, TRAIN_SHA));
        }
        BaselineEntry a = BaselineFile.record(SuiteResults.read(suite, new OutputLayout(out)), "x").experiments().get("a");
        assertEquals(3, a.seedCount());
        assertEquals(14.4, a.psnr(), 1e-12);
        assertEquals(Math.sqrt((0.16 + 0.01 + 0.25) / 2), a.psnrStandardDeviation(), 1e-12);
        assertEquals(14.3, a.seeds().get(2L).psnr(), 0);
        assertTrue(a.hasSpread());
        // Written and read back unchanged.
        Path baselineFile = dir.resolve("m-baseline.json");
        BaselineFile.write(baselineFile, BaselineFile.record(SuiteResults.read(suite, new OutputLayout(out)), "x"));
        assertEquals(a, BaselineFile.read(baselineFile).experiments().get("a"));
    }

    /** The suite's runs measured at 15 dB / 0.2 in {@code out}, as training and evaluating would leave them. */
    private OutputLayout measured(Suite suite) {
        OutputLayout layout = new OutputLayout(dir.resolve("out"));
        for (ExperimentSpec spec : suite.experiments()) {
            AtomicFiles.writeJson(layout.run(suite, spec).metricsFile(), result(spec, 15.0, 0.2, TRAIN_SHA));
        }
        return layout;
    }

    /** Experiment "a" of a one-experiment suite with these defaults. */
    private ExperimentSpec experimentA(String defaults) throws Exception {
        return new SuiteParser().parse(Files.writeString(dir.resolve("a.json"), """
                {"suite": "s", "defaults": {%s},
                 "experiments": [{"id": "a", "latentDim": 2}]}
                """.formatted(defaults))).experiments().get(0);
    }

    @Test
    void aBaselineRecordsHowItsRunsWereTrainedAndNamesWhatChanged() throws Exception {
        Suite suite = suite();
        BaselineEntry entry = BaselineFile.record(SuiteResults.read(suite, measured(suite)), "x").experiments().get("a");
        ExperimentSpec spec = suite.experiments().get(0);
        assertEquals(ExperimentSchema.write(spec, BaselineCheck.BASELINE_FIELDS), entry.trainedAs());
        assertTrue(!entry.trainedAs().has("seed") && !entry.trainedAs().has("testSubset") && !entry.trainedAs().has("reported"),
                "only how the runs were trained: " + entry.trainedAs());
        assertEquals(List.of(), BaselineCheck.deviations(entry, RECORDED_THREADS, result(spec, 15.0, 0.2, TRAIN_SHA)));

        // Same numbers, but trained for 3 epochs with 100 images held out: the recipe is named first; the
        // evaluation-only testSubset is not part of it.
        ExperimentSpec changed = experimentA(
                "\"dataset\": \"mnist\", \"architecture\": \"vae\", \"epochs\": 3, \"seed\": 1, \"validation\": 100, \"testSubset\": 500");
        List<String> problems = BaselineCheck.deviations(entry, RECORDED_THREADS, result(changed, 15.0, 0.2, TRAIN_SHA));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("trained differently from the baseline's runs (epochs 1 → 3, validation 0 → 100)"),
                problems.get(0));
        // Nor is the seed: a baseline holds several.
        ExperimentSpec otherSeed = experimentA("\"dataset\": \"mnist\", \"architecture\": \"vae\", \"epochs\": 1, \"seed\": 2");
        assertEquals(List.of(), BaselineCheck.trainingChanges(entry.trainedAs(), otherSeed));
        assertTrue(BaselineCheck.trainingChanges(null, changed).isEmpty(), "unknown before version 3");
        // Version 3 files wrote the whole spec there, evaluation fields cleared: its training fields are what count.
        var versionThree = Json.mapper().readTree("""
                {"id": "a", "dataset": "mnist", "trainSubset": 0, "testSubset": 0, "architecture": "vae", "latentDim": 2,
                 "loss": "bce", "beta": 1.0, "epochs": 1, "batchSize": 128, "learningRate": 0.001, "seed": 1,
                 "lpipsSmallImages": null, "reported": null, "seeds": [1], "decoderDenseActivation": "relu",
                 "validation": 0, "patience": 0, "minDelta": 0.0}
                """);
        assertEquals(List.of(), BaselineCheck.trainingChanges(versionThree, spec));
        assertEquals(List.of("epochs 1 → 3", "validation 0 → 100"), BaselineCheck.trainingChanges(versionThree, changed));
    }

    @Test
    void aVersionTwoFileReadsWithItsTrainingFieldsUnknown() throws Exception {
        Suite suite = suite();
        Path file = dir.resolve("v3.json");
        BaselineFile.write(file, BaselineFile.record(SuiteResults.read(suite, measured(suite)), "x"));
        var root = (ObjectNode) Json.mapper().readTree(file.toFile());
        ((ObjectNode) root.get("format")).put("version", 2);
        root.get("experiments").forEach(entry -> ((ObjectNode) entry).remove("trainedAs"));
        Path v2 = Files.writeString(dir.resolve("v2.json"), root.toString());

        Baseline read = BaselineFile.read(v2);
        assertEquals(2, read.format().version(), "the version it was written in, so the gate can say what it lacks");
        assertEquals(null, read.experiments().get("a").trainedAs());
        assertEquals(BaselineFile.read(file).experiments().get("a").psnr(), read.experiments().get("a").psnr());
    }

    @Test
    void recordsEveryExperimentWithProvenanceAndRoundTrips() throws Exception {
        Suite suite = suite();
        Path out = dir.resolve("out");
        for (ExperimentSpec spec : suite.experiments()) {
            AtomicFiles.writeJson(new OutputLayout(out).run(suite, spec).metricsFile(),
                    result(spec, 14 + spec.training().latentDim(), 0.2, TRAIN_SHA));
        }
        Baseline baseline = BaselineFile.record(SuiteResults.read(suite, new OutputLayout(out)), "mvn x");
        assertEquals(90.0, baseline.wallSeconds(), 1e-9);
        assertEquals("abc123", baseline.provenance().source().gitCommit());
        assertEquals(Baseline.FORMAT, baseline.format());
        Path file = dir.resolve("baselines/s.json");
        BaselineFile.write(file, baseline);
        Baseline read = BaselineFile.read(file);
        assertEquals(baseline, read);
        assertEquals(24.0, read.experiments().get("b").psnr(), 0);
        // Checked against the file: each run against its experiment's own entry, at the thread count the file records.
        OutputLayout layout = new OutputLayout(out);
        List<Run> runs = Suite.runs(suite.experiments());
        assertEquals(List.of(), BaselineCheck.deviations(read, SuiteResults.read(suite, layout), runs));
        ExperimentSpec a = suite.experiments().get(0);
        AtomicFiles.writeJson(layout.run(suite, a).metricsFile(), result(a, 24, 0.3, TRAIN_SHA));
        List<BaselineCheck.Deviation> drifted = BaselineCheck.deviations(read, SuiteResults.read(suite, layout), runs);
        assertEquals(2, drifted.size(), drifted.toString());
        assertTrue(drifted.stream().allMatch(d -> d.run().id().equals("a")), drifted.toString());
        // A run with no current result, and a run the baseline has no entry for, are deviations too.
        Files.delete(layout.run(suite, a).metricsFile());
        Baseline withoutB = new Baseline(read.suite(), read.command(), read.wallSeconds(), read.provenance(),
                Map.of("a", read.experiments().get("a")));
        assertEquals(List.of("a: [no-result] no current result to check (not run)",
                "b: [recorded-as] the baseline of suite s has no entry for b"),
                BaselineCheck.deviations(withoutB, SuiteResults.read(suite, layout), runs).stream()
                        .map(BaselineCheck.Deviation::toString).toList());
    }

    @Test
    void refusesToRecordIncompleteOrStaleResults() throws Exception {
        Suite suite = suite();
        Path out = dir.resolve("out");
        ExperimentSpec a = suite.experiments().get(0);
        Path file = new OutputLayout(out).run(suite, a).metricsFile();
        ExperimentSpec older = experimentA("\"dataset\": \"mnist\", \"architecture\": \"vae\", \"epochs\": 9, \"seed\": 1");
        AtomicFiles.writeJson(file, result(older, 14, 0.2, TRAIN_SHA));
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> BaselineFile.record(SuiteResults.read(suite, new OutputLayout(out)), "mvn x"));
        assertTrue(error.getMessage().contains("a (stale: trained with other training fields (epochs 9 → 1))")
                && error.getMessage().contains("b (not run)"), error.getMessage());
    }

    @Test
    void unreadableBaselinesNameTheFile() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"suite\": \"s\", \"surprise\": 1}");
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> BaselineFile.read(bad));
        assertTrue(error.getMessage().contains(bad.toString()), error.getMessage());
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> BaselineFile.read(dir.resolve("none.json")));
        assertTrue(missing instanceof MissingBaselineException, missing.toString());
        assertTrue(missing.getMessage().contains("none.json") && missing.getMessage().contains("record one"),
                missing.getMessage());
        assertTrue(!missing.getMessage().contains("mvn") && !missing.getMessage().contains("vae:"),
                "core messages speak of settings and steps, not Maven: " + missing.getMessage());
    }

    @Test
    void aVersionOneBaselineIsReadThroughTheFallback() throws Exception {
        Path old = dir.resolve("v1.json");
        Files.writeString(old, """
                {"suite": "s", "command": "mvn -B verify", "gitCommit": "2b628d2", "recordedAt": "2026-11-20T10:00:00Z",
                 "machine": "AMD EPYC, 2 cores", "versions": {"vae-repro": "development", "nd4j": "1.0.0-M2.1",
                 "nd4jBackend": "CpuBackend", "java": "17.0.15", "jvm": "OpenJDK 64-Bit Server VM 17.0.15"},
                 "wallSeconds": 300.5,
                 "experiments": {"a": {"psnr": 13.4, "lpips": 0.15, "ssim": 0.4, "lpipsSmallImages": "resize",
                   "testImages": 1000, "trainChecksum": "%s", "testChecksum": "%s"}}}
                """.formatted(TRAIN_SHA, TEST_SHA));
        Baseline read = BaselineFile.read(old);
        assertEquals("2b628d2", read.provenance().source().gitCommit());
        assertEquals("AMD EPYC, 2 cores", read.provenance().environment().cpu());
        assertEquals("CpuBackend", read.provenance().environment().backend());
        assertEquals(300.5, read.wallSeconds(), 0);
        assertEquals(13.4, read.experiments().get("a").psnr(), 0);
        assertEquals(1, read.format().version());
        // Written back, it is a current-version file that reads back equal.
        Path upgraded = dir.resolve("v4.json");
        BaselineFile.write(upgraded, read);
        assertTrue(Files.readString(upgraded).contains("\"version\" : 4"), Files.readString(upgraded));
        assertEquals(read.inCurrentFormat(), BaselineFile.read(upgraded));
    }

    @Test
    void aBaselineOfAnotherVersionOrKindNamesFileAndVersions() throws Exception {
        Path newer = dir.resolve("newer.json");
        Files.writeString(newer, "{\"format\": {\"kind\": \"vae-repro-baseline\", \"version\": 5}, \"suite\": \"s\"}");
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> BaselineFile.read(newer));
        assertTrue(error.getMessage().contains(newer.toString()) && error.getMessage().contains("version 5")
                && error.getMessage().contains("reads version 4"), error.getMessage());
        Path metrics = dir.resolve("metrics.json");
        Files.writeString(metrics, "{\"format\": {\"kind\": \"vae-repro-metrics\", \"version\": 2}}");
        IllegalStateException kind = assertThrows(IllegalStateException.class, () -> BaselineFile.read(metrics));
        assertTrue(kind.getMessage().contains("is a 'vae-repro-metrics' file, expected 'vae-repro-baseline'"),
                kind.getMessage());
    }
}
