package org.vaerepro.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaerepro.Fixtures;
import org.vaerepro.experiment.ExperimentResult;
import org.vaerepro.experiment.ExperimentSpec;
import org.vaerepro.experiment.ReferenceModels;
import org.vaerepro.experiment.Run;
import org.vaerepro.experiment.RunStatus;
import org.vaerepro.experiment.Suite;
import org.vaerepro.train.StepLoss;

/**
 * The edges of the gate's windows, where a verdict turns: a value exactly on a window's edge is inside, one beyond it is
 * not, and every term of a step is held. Numbers are chosen exactly representable so the edge is hit exactly.
 */
class WindowEdgesTest {
    @TempDir
    Path dir;

    private static final BaselineCheck.Window QUARTER = new BaselineCheck.Window(0.25, "test window");

    @Test
    void aMetricOnItsWindowsEdgePassesAndOneBeyondItFails() {
        assertTrue(new BaselineCheck.MetricCheck(TableMetric.PSNR, 20.25, 20.0, QUARTER).passed());
        assertTrue(new BaselineCheck.MetricCheck(TableMetric.PSNR, 19.75, 20.0, QUARTER).passed());
        assertFalse(new BaselineCheck.MetricCheck(TableMetric.PSNR, 20.25 + 1e-9, 20.0, QUARTER).passed());
        assertFalse(new BaselineCheck.MetricCheck(TableMetric.PSNR, Double.NaN, 20.0, QUARTER).passed());

        assertEquals("PSNR 20.2500 dB is within baseline 20.0000 dB by +0.2500 (allowed ±0.2500: test window)",
                new BaselineCheck.MetricCheck(TableMetric.PSNR, 20.25, 20.0, QUARTER).describe());
        assertEquals("LPIPS 0.12500 differs from baseline 0.50000 by -0.37500 (allowed ±0.25000: test window)",
                new BaselineCheck.MetricCheck(TableMetric.LPIPS, 0.125, 0.5, QUARTER).describe());
    }

    @Test
    void thePredictionWindowUsesNMinusOneDegreesOfFreedom() {
        // SciPy: t.ppf(0.975, 2) = 4.302652729749462; window = t · s · √(1 + 1/3).
        BaselineCheck.Window window = BaselineCheck.predictionWindow(0.1, 3, 0.01);
        assertEquals(4.302652729749462 * 0.1 * Math.sqrt(4.0 / 3), window.halfWidth(), 1e-12);
        assertTrue(window.derivation().startsWith("95% prediction interval for one new run over 3 seeds: t(2) 4.303 x"),
                window.derivation());
        assertFalse(window.derivation().contains("floor"), window.derivation());
        BaselineCheck.Window floored = BaselineCheck.predictionWindow(0.001, 3, 0.25);
        assertEquals(0.25, floored.halfWidth(), 0);
        assertTrue(floored.derivation().endsWith(", floor 0.25"), floored.derivation());
    }

    @Test
    void aRecordedSeedIsHeldToTheFloorUnlessItsThreadCountIsKnownToDiffer() {
        BaselineEntry entry = new BaselineEntry(20.0, 0.2, 0.5, "resize", 1000, "a", "b", 0.5, 0.05,
                Map.of(1L, new SeedValues(20.5, 0.25, 0.5), 2L, new SeedValues(19.5, 0.15, 0.5)), null);
        for (int[] threads : new int[][] {{0, 2}, {2, 0}, {0, 0}, {2, 2}}) {
            BaselineCheck.Windows unknownOrSame = BaselineCheck.windows(entry, 1, threads[0], threads[1]);
            assertEquals(20.5, unknownOrSame.psnrCentre(), 0, "seed 1's own value, threads " + threads[0] + "/" + threads[1]);
            assertEquals(Tolerances.GATE_PSNR_FLOOR_DB, unknownOrSame.psnr().halfWidth(), 0);
        }
        BaselineCheck.Windows other = BaselineCheck.windows(entry, 1, 2, 1);
        assertEquals(20.0, other.psnrCentre(), 0, "the mean: held as a new run");
        assertTrue(other.psnr().derivation().startsWith("seed 1 was recorded with 2 native threads and this run used 1"),
                other.psnr().derivation());
    }

    private static TrajectoryWindows windows(int steps, double relative) {
        List<StepWindow> list = new ArrayList<>();
        for (int k = 1; k <= steps; k++) {
            list.add(new StepWindow(k, 0, 0, 0, relative, relative, relative));
        }
        return new TrajectoryWindows(List.of("recorded"), "the test's rule", list);
    }

    private static List<StepLoss> flat(int steps) {
        List<StepLoss> list = new ArrayList<>();
        for (int k = 1; k <= steps; k++) {
            list.add(new StepLoss(k, 3, 2, 1));
        }
        return list;
    }

    @Test
    void aTrajectoryOfExactlyTheHeldLengthOnItsEdgesPasses() {
        // Each term moved by exactly half of itself, the window: on the edge, inside.
        List<StepLoss> measured = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            measured.add(new StepLoss(k, 4.5, 3, 1.5));
        }
        assertEquals(Optional.empty(), TrajectoryCheck.problem(flat(3), measured, windows(3, 0.5), 7));
        assertEquals(Optional.of("the run recorded the losses of 2 first steps, the baseline holds 3 (a run trained "
                + "before they were recorded, or one that took fewer steps): train it again"),
                TrajectoryCheck.problem(flat(3), flat(2), windows(3, 0.5), 7));
    }

    @Test
    void eachTermOfAStepIsHeldNotOnlyTheObjective() {
        // The reconstruction and KL terms moved in opposite directions: the objective (their sum) has not moved.
        List<StepLoss> reconstruction = flat(3);
        reconstruction.set(1, new StepLoss(2, 3, 2.5, 0.5));
        Optional<String> found = TrajectoryCheck.problem(flat(3), reconstruction, windows(3, 0.1), 7);
        assertEquals(Optional.of("1 of the first 3 steps of seed 7 outside their windows (the test's rule); first step 2: "
                + "reconstruction term 2.50000000, recorded 2.00000000 (relative 2.50e-01, allowed 1.00e-01)"), found);

        List<StepLoss> kl = flat(3);
        kl.set(0, new StepLoss(1, 3, 2, 1.5));
        kl.set(2, new StepLoss(3, 3, 2, 1.5));
        found = TrajectoryCheck.problem(flat(3), kl, windows(3, 0.1), 7);
        assertTrue(found.isPresent() && found.get().startsWith("2 of the first 3 steps of seed 7")
                && found.get().contains("first step 1: KL divergence 1.50000000")
                && found.get().contains("; last step 3: KL divergence"), found.toString());
    }

    @Test
    void aReferenceNumberOnItsWindowsEdgePassesAndADeviationIsSigned() {
        ReferenceModel model = new ReferenceModel("m.zip", "0".repeat(64), "v/seed-1", null,
                Map.of("psnr", new ReferenceValue(20.0, 0.025, 0.25)));
        assertEquals(List.of(), ReferenceCheck.problems(model, new ReferenceModels.Measured(Map.of("psnr", 20.25))));
        assertEquals(List.of("1 of 1 numbers outside their windows: psnr 20.5000000, recorded 20.0000000 (+0.500, "
                + "relative 2.50e-02; allowed ±0.250)"),
                ReferenceCheck.problems(model, new ReferenceModels.Measured(Map.of("psnr", 20.5))));
    }

    @Test
    void aTrendIsARiseOnlyIfNoStepFallsAndEqualValuesDoNotBreakIt() {
        BottleneckTrend one = BottleneckTrend.of(List.<double[]>of(new double[] {2, 13, 0.2}));
        assertFalse(one.comparable());
        assertEquals("fewer than two measured bottleneck sizes", one.describe());

        assertTrue(BottleneckTrend.of(List.of(new double[] {2, 13, 0.2}, new double[] {5, 14, 0.1})).comparable(),
                "two sizes are a trend");
        BottleneckTrend level = BottleneckTrend.of(List.of(new double[] {2, 13, 0.2}, new double[] {5, 13, 0.2},
                new double[] {10, 15, 0.1}));
        assertTrue(level.comparable() && level.psnrRises() && level.lpipsFalls(), level.toString());
        assertEquals("d=2: 13.000 dB / 0.2000 → d=5: 13.000 dB / 0.2000 → d=10: 15.000 dB / 0.1000: PSNR rises with d "
                + "everywhere, LPIPS falls with d everywhere", level.describe());

        BottleneckTrend dip = BottleneckTrend.of(List.of(new double[] {2, 13, 0.2}, new double[] {5, 12, 0.3},
                new double[] {10, 15, 0.1}));
        assertFalse(dip.psnrRises() || dip.lpipsFalls(), dip.toString());
        assertTrue(dip.describe().endsWith("PSNR falls somewhere as d grows, LPIPS rises somewhere as d grows"),
                dip.describe());
        BottleneckTrend lastStep = BottleneckTrend.of(List.of(new double[] {2, 13, 0.2}, new double[] {5, 14, 0.1},
                new double[] {10, 13.5, 0.15}));
        assertFalse(lastStep.psnrRises() || lastStep.lpipsFalls(), "a fall at the last step counts: " + lastStep);
    }

    @Test
    void aGatePassesOnlyWithoutAFailedCheck() {
        GateCheck pass = new GateCheck(GateCheck.Kind.BASELINE, "v", "v › PSNR", true, "");
        GateCheck fail = new GateCheck(GateCheck.Kind.TRAJECTORY, "v", "v › steps", false, "moved");
        Gate passing = new Gate("b.json", "r.json", List.of(pass), List.of());
        assertTrue(passing.passed());
        assertEquals("1 check, 0 failed", passing.summary());
        Gate failing = new Gate("b.json", "r.json", List.of(pass, fail), List.of());
        assertFalse(failing.passed());
        assertEquals(List.of(fail), failing.failures());
        assertEquals(List.of(fail), failing.ofKind(GateCheck.Kind.TRAJECTORY));
        assertEquals("2 checks, 1 failed", failing.summary());
    }

    @Test
    void aClaimStepWithTwoSeedsPerSizeIsTestedAndOneSeedIsNot() {
        List<BottleneckClaim.Step> two = BottleneckClaim.steps(List.of(
                new BottleneckClaim.Size(2, new double[] {13.0, 13.1}, new double[] {0.30, 0.31}),
                new BottleneckClaim.Size(10, new double[] {15.0, 15.1}, new double[] {0.10, 0.11})));
        assertEquals(List.of(ClaimVerdict.HOLDS, ClaimVerdict.HOLDS), two.stream().map(BottleneckClaim.Step::verdict)
                .toList());
        List<BottleneckClaim.Step> one = BottleneckClaim.steps(List.of(
                new BottleneckClaim.Size(2, new double[] {13.0}, new double[] {0.30}),
                new BottleneckClaim.Size(10, new double[] {15.0, 15.1}, new double[] {0.10, 0.11})));
        assertEquals(List.of(ClaimVerdict.NOT_SHOWN, ClaimVerdict.NOT_SHOWN),
                one.stream().map(BottleneckClaim.Step::verdict).toList());
        assertEquals(null, one.get(0).test(), "no test with one seed");
        assertTrue(new ClaimColumn("vae", "mnist", List.of(), two, null).tested());
        assertFalse(new ClaimColumn("vae", "mnist", List.of(), one, null).tested());
        assertFalse(new ClaimColumn("vae", "mnist", List.of(), two, null).contradicted());
        List<BottleneckClaim.Step> falling = BottleneckClaim.steps(List.of(
                new BottleneckClaim.Size(2, new double[] {15.0, 15.1}, new double[] {0.30, 0.31}),
                new BottleneckClaim.Size(10, new double[] {13.0, 13.1}, new double[] {0.10, 0.11})));
        assertEquals(ClaimVerdict.CONTRADICTED, falling.get(0).verdict());
        assertTrue(new ClaimColumn("vae", "mnist", List.of(), falling, null).contradicted());
    }

    @Test
    void aRunsDistanceToTheReportedValuesIsSignedAndOnlyAResultNotCurrentIsStale() {
        Suite suite = Fixtures.suite(dir.resolve("j.json"), """
                {"suite": "j", "defaults": {"dataset": "mnist", "architecture": "vae", "epochs": 1, "seed": 1},
                 "experiments": [{"id": "d2", "latentDim": 2, "reported": {"psnr": 13.0, "lpips": 0.25, "source": "t"}}]}
                """);
        ExperimentSpec spec = suite.experiments().get(0);
        Run run = new Run(spec, spec.seed());
        ExperimentResult result = Fixtures.result(suite, run.spec(), 13.5, 0.125, null);
        RunJudgement current = RunJudgement.of(run, new RunStatus.Current(result, false));
        assertEquals(0.5, current.psnrDelta(), 1e-12, "measured minus reported");
        assertEquals(-0.125, current.lpipsDelta(), 1e-12);
        assertFalse(current.stale());
        RunJudgement stale = RunJudgement.of(run, new RunStatus.NeedsTraining("stale: trained otherwise", List.of(),
                result));
        assertTrue(stale.stale() && !stale.current(), "shown, but not counted");
        assertFalse(RunJudgement.of(run, new RunStatus.NotRun()).stale(), "nothing to show");
    }
}
