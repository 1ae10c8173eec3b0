package org.vaerepro.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaerepro.Fixtures;
import org.vaerepro.experiment.ExperimentMetrics;
import org.vaerepro.experiment.ExperimentResult;
import org.vaerepro.experiment.ExperimentSpec;
import org.vaerepro.experiment.OutputLayout;
import org.vaerepro.experiment.ReferenceModels;
import org.vaerepro.experiment.Run;
import org.vaerepro.experiment.Suite;
import org.vaerepro.experiment.SuiteParser;
import org.vaerepro.experiment.SuiteResults;
import org.vaerepro.io.AtomicFiles;
import org.vaerepro.io.Json;
import org.vaerepro.train.EpochReport;
import org.vaerepro.train.StepLoss;

/**
 * The gate's exact checks on hand-written results (no training): early-step trajectories held step by step to windows
 * calibrated from another configuration's runs, reference models' numbers held to theirs, and an older baseline
 * checked by the checks it supports, saying which it skips.
 */
class GateChecksTest {
    @TempDir
    Path dir;

    private static final String SHA = "1".repeat(64);

    private Suite suite() throws Exception {
        Path file = dir.resolve("g.json");
        Files.writeString(file, """
                {"suite": "g", "defaults": {"dataset": "mnist", "epochs": 1, "seed": 1},
                 "experiments": [{"id": "v", "architecture": "vae", "latentDim": 2},
                                 {"id": "a", "architecture": "ae", "latentDim": 2}]}
                """);
        return new SuiteParser().parse(file);
    }

    /** Sixty steps of a falling loss; the autoencoder's KL is 0. {@code drift} moves each step's reconstruction term. */
    private static List<StepLoss> steps(ExperimentSpec spec, DoubleUnaryOperator drift) {
        List<StepLoss> steps = new ArrayList<>();
        boolean vae = spec.training().architecture().variational();
        for (int k = 1; k <= 60; k++) {
            double reconstruction = drift.applyAsDouble(540.0 - 3 * k);
            double kl = vae ? 1.0 + 0.05 * k : 0;
            steps.add(new StepLoss(k, reconstruction + kl, reconstruction, kl));
        }
        return steps;
    }

    private static ExperimentResult result(ExperimentSpec spec, double psnr, List<StepLoss> firstSteps) {
        ExperimentMetrics metrics = new ExperimentMetrics(1000, psnr, psnr, 0.5, 0.2, "resize", Map.of(), 100, 2, 2,
                0.8, 0.8, 0.2, 0.9, Map.of(), null);
        return new ExperimentResult("g", spec, metrics, List.of(new EpochReport(0, 1, 1, 0, 10, 100, null)), Map.of(), 5,
                Fixtures.provenance(SHA, SHA, spec.seed(), 40), null, List.of(), firstSteps);
    }

    /** Each experiment's run in output folder {@code name}, its steps moved by {@code drift}, at 15 dB. */
    private SuiteResults measured(Suite suite, String name, DoubleUnaryOperator drift) {
        OutputLayout layout = new OutputLayout(dir.resolve(name));
        for (ExperimentSpec spec : suite.experiments()) {
            AtomicFiles.writeJson(layout.run(suite, spec).metricsFile(), result(spec, 15.0, steps(spec, drift)));
        }
        return SuiteResults.read(suite, layout);
    }

    @Test
    void eachEarlyStepIsHeldToAWindowThatGrowsWithTheStepAsMeasured() throws Exception {
        Suite suite = suite();
        SuiteResults recorded = measured(suite, "recorded", x -> x);
        // The other configuration's runs drift apart as arithmetic does: 1e-7 relative per step (step k's term is
        // 540 - 3k).
        SuiteResults other = measured(suite, "other", x -> x * (1 + 1e-7 * (540 - x) / 3));
        SuiteResults closer = measured(suite, "closer", x -> x * (1 + 0.25e-7 * (540 - x) / 3));
        Baseline baseline = BaselineFile.record(recorded, "record it",
                List.of(new GateCalibration.Configuration("1 thread", other, Map.of()),
                        new GateCalibration.Configuration("avx2", closer, Map.of())), List.of());
        TrajectoryWindows windows = baseline.trajectory();
        assertEquals(Tolerances.TRAJECTORY_STEPS, windows.steps().size());
        assertEquals(List.of("2 threads, host CPU, test machine (recorded)", "1 thread", "avx2"),
                windows.measuredAcross());
        // Held out, each configuration against the windows of the other alone: the farther one is 4x the closer's
        // spread, within its 10x window (ratio 0.4); the closer one a quarter of the farther's (0.025).
        assertEquals(List.of("1 thread", "avx2"), baseline.heldOut().stream().map(GateCalibration.HeldOut::label).toList());
        assertEquals(4.0 / Tolerances.TRAJECTORY_SAFETY, baseline.heldOut().get(0).trajectory(), 1e-6);
        assertEquals(0.25 / Tolerances.TRAJECTORY_SAFETY, baseline.heldOut().get(1).trajectory(), 1e-6);
        assertEquals(null, baseline.heldOut().get(0).reference(), "no reference models");
        assertEquals(30e-7, windows.at(30).reconstructionSpread(), 1e-12);
        assertEquals(Tolerances.TRAJECTORY_FLOOR, windows.at(1).kl(), 0, "the floor where nothing moved");
        assertEquals(Tolerances.TRAJECTORY_SAFETY * 30e-7, windows.at(30).reconstruction(), 1e-12);
        for (int k = 2; k <= windows.steps().size(); k++) {
            assertTrue(windows.at(k).reconstruction() >= windows.at(k - 1).reconstruction(), "grows with the step");
        }
        assertEquals(Tolerances.TRAJECTORY_STEPS, baseline.experiments().get("v").seeds().get(1L).firstSteps().size());

        ExperimentSpec vae = suite.experiments().get(0);
        Run run = new Run(vae, 1);
        OutputLayout now = new OutputLayout(dir.resolve("now"));
        AtomicFiles.writeJson(now.run(suite, vae).metricsFile(), result(vae, 15.0, steps(vae, x -> x)));
        AtomicFiles.writeJson(now.run(suite, suite.experiments().get(1)).metricsFile(),
                result(suite.experiments().get(1), 15.0, steps(suite.experiments().get(1), x -> x)));
        assertEquals(List.of(), BaselineCheck.deviations(baseline, SuiteResults.read(suite, now), List.of(run)));

        // Step 30's reconstruction term moved by twice its window: that step, and only the trajectory check, fails.
        List<StepLoss> moved = new ArrayList<>(steps(vae, x -> x));
        StepLoss at30 = moved.get(29);
        double off = at30.reconstruction() * (1 + 2 * windows.at(30).reconstruction());
        moved.set(29, new StepLoss(30, off + at30.kl(), off, at30.kl()));
        AtomicFiles.writeJson(now.run(suite, vae).metricsFile(), result(vae, 15.0, moved));
        List<BaselineCheck.Deviation> found = BaselineCheck.deviations(baseline, SuiteResults.read(suite, now),
                List.of(run));
        assertEquals(1, found.size(), found.toString());
        assertEquals(DeviationKind.TRAJECTORY, found.get(0).check());
        assertTrue(found.get(0).toString().startsWith("v: [trajectory] 1 of the first 50 steps of seed 1 outside")
                && found.get(0).problem().contains("first step 30: objective"), found.get(0).toString());

        // A run that recorded no first steps (trained before they were recorded) cannot pass for one that did.
        AtomicFiles.writeJson(now.run(suite, vae).metricsFile(), result(vae, 15.0, List.of()));
        found = BaselineCheck.deviations(baseline, SuiteResults.read(suite, now), List.of(run));
        assertTrue(found.size() == 1 && found.get(0).problem().contains("recorded the losses of 0 first steps, the "
                + "baseline holds 50"), found.toString());
        // Nor does a NaN pass a window.
        List<StepLoss> nan = new ArrayList<>(steps(vae, x -> x));
        nan.set(4, new StepLoss(5, Double.NaN, Double.NaN, 1));
        AtomicFiles.writeJson(now.run(suite, vae).metricsFile(), result(vae, 15.0, nan));
        assertEquals(1, BaselineCheck.deviations(baseline, SuiteResults.read(suite, now), List.of(run)).size());
    }

    @Test
    void aHeldOutReferenceRatioIsItsDifferenceOverTheWindowTheOtherConfigurationsGive() throws Exception {
        SuiteResults none = SuiteResults.read(suite(), new OutputLayout(dir.resolve("none")));
        List<GateCalibration.HeldOut> held = GateCalibration.heldOut(none, List.of(
                new GateCalibration.Configuration("near", none, Map.of("m", Map.of("psnr", 20.0 + 1e-4))),
                new GateCalibration.Configuration("far", none, Map.of("m", Map.of("psnr", 20.0 + 4e-4))),
                new GateCalibration.Configuration("unmeasured", none, Map.of())), 0, Map.of("m", Map.of("psnr", 20.0)));
        // near against the window far alone gives (10 x 4e-4): 0.025; far against near's (10 x 1e-4): 0.4.
        assertEquals(0.025, held.get(0).reference(), 1e-9);
        assertEquals(0.4, held.get(1).reference(), 1e-9);
        assertEquals(null, held.get(2).reference(), "nothing measured, nothing to compare");
        assertEquals(null, held.get(0).trajectory(), "no run has first steps");
    }

    @Test
    void referenceNumbersAreHeldToWindowsFromTheirMeasuredSpread() throws Exception {
        Suite suite = suite();
        ExperimentSpec spec = ReferenceModels.measurementSpec(suite.experiments().get(0));
        assertEquals(ReferenceModels.TEST_IMAGES, spec.evaluation().testSubset());
        assertEquals(ReferenceModels.LIKELIHOOD_SAMPLES, spec.evaluation().likelihoodSamples());
        assertEquals(0, ReferenceModels.measurementSpec(suite.experiments().get(1)).evaluation().likelihoodSamples(),
                "the autoencoder has no likelihood bounds");
        Map<String, Double> here = Map.of("psnr/mean/per-image", 20.0, "ssim", 0.5, "activeUnits", 2.0);
        Map<String, Double> there = Map.of("psnr/mean/per-image", 20.0 + 3e-6, "ssim", 0.5, "activeUnits", 2.0);
        Baseline baseline = BaselineFile.record(measured(suite, "recorded", x -> x), "record it",
                List.of(new GateCalibration.Configuration("avx2", measured(suite, "other", x -> x),
                        Map.of("m", there))),
                List.of(new BaselineFile.ReferenceMeasured("m", "ref/m.zip", SHA, "v/seed-1", spec, here)));
        ReferenceValue psnr = baseline.referenceModels().get("m").values().get("psnr/mean/per-image");
        assertEquals(3e-6, psnr.spread(), 1e-12);
        assertEquals(Tolerances.REFERENCE_SAFETY * 3e-6, psnr.halfWidth(), 1e-12);
        assertEquals(Tolerances.REFERENCE_RELATIVE_FLOOR * 0.5,
                baseline.referenceModels().get("m").values().get("ssim").halfWidth(), 0, "no spread: the floor");
        Path file = dir.resolve("baselines/g.json");
        BaselineFile.write(file, baseline);
        assertEquals(baseline, BaselineFile.read(file), "version 4 round-trips");

        SuiteResults results = measured(suite, "now", x -> x);
        List<Run> runs = Suite.runs(suite.experiments());
        BaselineCheck.Outcome same = BaselineCheck.check(file, baseline, results, runs,
                Map.of("m", new ReferenceModels.Measured(there)), Fixtures.ENVIRONMENT);
        assertEquals(List.of(), same.deviations());
        assertEquals(List.of(), same.skipped());
        assertEquals(there, same.referenceMeasurements().get("m"));

        Map<String, Double> moved = new java.util.HashMap<>(here);
        moved.put("psnr/mean/per-image", 20.0 + 2 * psnr.halfWidth());
        moved.put("ssim", 0.49);
        List<BaselineCheck.Deviation> found = BaselineCheck.check(file, baseline, results, runs,
                Map.of("m", new ReferenceModels.Measured(moved)), Fixtures.ENVIRONMENT).deviations();
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).toString().startsWith("reference model m: [reference-model] 2 of 3 numbers outside "
                + "their windows: psnr/mean/per-image 20.0000600"), found.get(0).toString());
        assertTrue(found.get(0).problem().contains("ssim 0.490000000, recorded 0.500000000"), found.get(0).problem());

        // A number no longer measured, a new one, and a model that could not be measured are deviations too.
        List<String> problems = ReferenceCheck.problems(baseline.referenceModels().get("m"),
                new ReferenceModels.Measured(Map.of("psnr/mean/per-image", 20.0, "ssim", 0.5, "lpips/mean/raw", 0.3)));
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("activeUnits was not measured") && problems.get(1).contains("[lpips/mean/raw]"),
                problems.toString());
        found = BaselineCheck.check(file, baseline, results, runs,
                Map.of("m", new ReferenceModels.Unusable("file x has SHA-256 y")), Fixtures.ENVIRONMENT).deviations();
        assertEquals("reference model m: [reference-model] file x has SHA-256 y", found.get(0).toString());
    }

    @Test
    void aConfigurationHeldOutIsJudgedByTheOthersWindowsAndAnExactZeroAgreesWithItself() throws Exception {
        Suite suite = suite();
        ExperimentSpec spec = ReferenceModels.measurementSpec(suite.experiments().get(0));
        // An autoencoder's KL is 0 everywhere: a window of 0 that it meets, not 0/0.
        Map<String, Double> here = Map.of("psnr/mean/per-image", 20.0, "testKl", 0.0);
        Map<String, Double> near = Map.of("psnr/mean/per-image", 20.0 + 3e-6, "testKl", 0.0);
        Map<String, Double> far = Map.of("psnr/mean/per-image", 20.0 + 12e-6, "testKl", 0.0);
        Baseline baseline = BaselineFile.record(measured(suite, "recorded", x -> x), "record it",
                List.of(new GateCalibration.Configuration("near", measured(suite, "near", x -> x), Map.of("m", near)),
                        new GateCalibration.Configuration("far", measured(suite, "far", x -> x), Map.of("m", far))),
                List.of(new BaselineFile.ReferenceMeasured("m", "ref/m.zip", SHA, "v/seed-1", spec, here)));
        assertEquals(0, baseline.referenceModels().get("m").values().get("testKl").halfWidth(), 0);
        // "near" against the window "far" alone gives (10 x 12e-6): 0.025; "far" against near's (10 x 3e-6): 0.4.
        assertEquals(3e-6 / (Tolerances.REFERENCE_SAFETY * 12e-6), baseline.heldOut().get(0).reference(), 1e-6);
        assertEquals(12e-6 / (Tolerances.REFERENCE_SAFETY * 3e-6), baseline.heldOut().get(1).reference(), 1e-6);
        assertEquals(0, GateCalibration.ratio(0, 0), 0);
        assertEquals(Double.POSITIVE_INFINITY, GateCalibration.ratio(1e-9, 0), 0, "a zero window met by nothing else");
    }

    @Test
    void aVersionThreeBaselineIsCheckedByTheChecksItSupportsAndSaysWhichItSkips() throws Exception {
        Suite suite = suite();
        Path current = dir.resolve("v4.json");
        BaselineFile.write(current, BaselineFile.record(measured(suite, "recorded", x -> x), "mvn record it"));
        ObjectNode root = (ObjectNode) Json.mapper().readTree(current.toFile());
        ((ObjectNode) root.get("format")).put("version", 3);
        root.remove("trajectory");
        root.remove("referenceModels");
        root.get("experiments").forEach(entry -> entry.get("seeds").forEach(seed -> ((ObjectNode) seed)
                .remove("firstSteps")));
        Path old = Files.writeString(dir.resolve("v3.json"), root.toString());

        Baseline read = BaselineFile.read(old);
        assertEquals(3, read.format().version());
        assertEquals(null, read.trajectory());
        assertEquals(Map.of(), read.referenceModels());
        // Its end-of-training check still runs: a drift there is found...
        OutputLayout now = new OutputLayout(dir.resolve("now"));
        for (ExperimentSpec spec : suite.experiments()) {
            AtomicFiles.writeJson(now.run(suite, spec).metricsFile(), result(spec, 16.0, steps(spec, x -> x * 2)));
        }
        BaselineCheck.Outcome outcome = BaselineCheck.check(old, read, SuiteResults.read(suite, now),
                Suite.runs(suite.experiments()), Map.of(), Fixtures.ENVIRONMENT);
        assertEquals(2, outcome.deviations().size(), outcome.deviations().toString());
        assertTrue(outcome.deviations().stream().allMatch(d -> d.check() == DeviationKind.END_OF_TRAINING),
                outcome.deviations().toString());
        // ...while the two checks it has nothing for are skipped, each saying so and how to record it again.
        assertEquals(List.of(DeviationKind.TRAJECTORY, DeviationKind.REFERENCE_MODEL),
                outcome.skipped().stream().map(SkippedCheck::check).toList());
        for (SkippedCheck skipped : outcome.skipped()) {
            assertTrue(skipped.why().contains(old.toString()) && skipped.why().contains("format version 3")
                    && skipped.why().contains("record the baseline again as it was recorded ('mvn record it')"),
                    skipped.toString());
        }
        assertTrue(outcome.skipped().get(0).why().contains("no early-step trajectories")
                && outcome.skipped().get(1).why().contains("no reference models"), outcome.skipped().toString());
        assertEquals(3, outcome.baselineVersion());
    }
}
