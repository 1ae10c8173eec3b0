package org.vaerepro.regression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaerepro.Fixtures;
import org.vaerepro.experiment.OutputLayout;
import org.vaerepro.experiment.Run;
import org.vaerepro.experiment.Suite;
import org.vaerepro.experiment.SuiteParser;
import org.vaerepro.experiment.SuiteResults;
import org.vaerepro.io.AtomicFiles;
import org.vaerepro.statistics.HolmAdjustment;
import org.vaerepro.train.ValidationReport;

/** A suite's validation curves against a peer's, on hand-written curves: only current runs, Welch and Holm per epoch. */
class PeerCurveComparisonTest {
    private static final String PEER = """
            {"framework": "pytorch 1.13", "command": "learning_curves_peer.py ...", "threads": 1,
             "seeds": {
              "1": [{"epoch": 0, "validation": {"loss": 117.1, "psnr": 17.2, "lpips": 0.069, "images": 5000}},
                    {"epoch": 1, "validation": {"loss": 108.3, "psnr": 18.3, "lpips": 0.051}},
                    {"epoch": 2, "validation": {"loss": 105.0, "psnr": 18.9, "lpips": 0.047}}],
              "2": [{"validation": {"loss": 118.4, "psnr": 17.3, "lpips": 0.068}},
                    {"validation": {"loss": 109.4, "psnr": 18.3, "lpips": 0.050}},
                    {"validation": {"loss": 105.6, "psnr": 18.85, "lpips": 0.046}}],
              "3": [{"validation": {"loss": 117.5, "psnr": 17.25, "lpips": 0.071}},
                    {"validation": {"loss": 108.9, "psnr": 18.34, "lpips": 0.052}},
                    {"validation": {"loss": 104.9, "psnr": 18.92, "lpips": 0.0475}}]}}
            """;
    @TempDir
    Path dir;

    private Suite suite() {
        return Fixtures.suite(dir.resolve("curves.json"), """
                {"suite": "curves", "defaults": {"dataset": "mnist", "architecture": "vae", "epochs": 4, "seed": 1,
                 "seeds": 3, "validation": 500}, "experiments": [{"id": "m", "latentDim": 10}]}
                """);
    }

    private static List<ValidationReport> curve(double[] loss, double[] psnr, double[] lpips) {
        List<ValidationReport> curve = new ArrayList<>();
        for (int i = 0; i < loss.length; i++) {
            curve.add(Fixtures.validation(loss[i], psnr[i], lpips[i]));
        }
        return curve;
    }

    private SuiteResults results(Suite suite) {
        OutputLayout layout = new OutputLayout(dir.resolve("out"));
        List<Run> runs = Suite.runs(suite.experiments());
        Fixtures.writeResult(layout, suite, runs.get(0), 19.0, 0.04, null, curve(new double[] {120, 110, 105, 103},
                new double[] {17.0, 18.3, 18.8, 19.0}, new double[] {0.074, 0.054, 0.048, 0.043}));
        Fixtures.writeResult(layout, suite, runs.get(1), 19.1, 0.04, null, curve(new double[] {118, 109, 104, 102},
                new double[] {17.2, 18.2, 18.7, 19.1}, new double[] {0.072, 0.055, 0.047, 0.044}));
        // Seed 3 was measured under another spec: stale, so its far-off curve is left out.
        AtomicFiles.writeJson(layout.run(suite, runs.get(2)).metricsFile(), Fixtures.result(suite,
                Fixtures.declaredOtherwise(runs.get(2).spec(), "{\"epochs\": 9}"), 25.0, 0.01, null));
        return SuiteResults.read(suite, layout);
    }

    @Test
    void comparesTheCurrentRunsWithThePeerEpochByEpoch() throws Exception {
        Suite suite = suite();
        Path peer = Files.writeString(dir.resolve("m.json"), PEER);
        PeerCurveComparison comparison = PeerCurveComparison.of(results(suite), suite.experiments().get(0), peer,
                "m.json");

        assertEquals(List.of("1", "2"), List.copyOf(comparison.projectCurves().keySet()), "current runs only");
        assertEquals(List.of("1", "2", "3"), List.copyOf(comparison.peerCurves().keySet()));
        assertEquals(3, comparison.epochs().size(), "up to the shortest curve (the peer's 3 epochs)");
        assertEquals(List.of(1, 2, 3), comparison.epochs().stream().map(PeerCurveComparison.Epoch::epoch).toList(),
                "epochs counted from 1");
        assertEquals(9, comparison.tests());
        assertEquals("pytorch 1.13", comparison.peerFramework());

        PeerCurveComparison.Measure loss = comparison.epochs().get(0).loss();
        assertEquals(new PeerCurveComparison.Spread(2, 119, 118, 120), loss.project());
        assertEquals(117.1, loss.peer().min(), 0);
        assertEquals(118.4, loss.peer().max(), 0);
        assertFalse(loss.projectMeanWithinPeerRange());
        assertEquals(119 - (117.1 + 118.4 + 117.5) / 3, loss.difference(), 1e-12);
        // SciPy 1.10.1: ttest_ind([120, 118], [117.1, 118.4, 117.5], equal_var=False).
        assertEquals(1.2445427825741044, loss.welch().t(), 1e-9);
        assertEquals(0.3919009161926795, loss.p(), 1e-9);
        PeerCurveComparison.Measure lpips = comparison.epochs().get(2).lpips();
        assertTrue(lpips.projectMeanWithinPeerRange());
        assertEquals(0.999999999999993, lpips.welch().t(), 1e-9);
        assertEquals(0.40637496678898893, lpips.p(), 1e-9);

        double[] p = comparison.epochs().stream().flatMap(e -> List.of(e.loss(), e.psnr(), e.lpips()).stream())
                .mapToDouble(PeerCurveComparison.Measure::p).toArray();
        double[] holm = comparison.epochs().stream().flatMap(e -> List.of(e.loss(), e.psnr(), e.lpips()).stream())
                .mapToDouble(PeerCurveComparison.Measure::holmP).toArray();
        assertArrayEquals(HolmAdjustment.adjust(p), holm, 0, "Holm over the experiment's nine tests");
    }

    @Test
    void aPeerFileWithoutAMeasureIsNamedToTheField() throws Exception {
        Suite suite = suite();
        Path peer = Files.writeString(dir.resolve("m.json"), PEER.replace(", \"lpips\": 0.069", ""));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> PeerCurveComparison.of(results(suite), suite.experiments().get(0), peer, "m.json"));
        assertTrue(error.getMessage().contains("seeds.1[0].validation.lpips must be a number, got nothing"),
                error.getMessage());
    }

    @Test
    void oneCurrentRunIsTooFewToCompare() throws Exception {
        Suite suite = suite();
        Path peer = Files.writeString(dir.resolve("m.json"), PEER);
        SuiteResults results = results(suite);
        OutputLayout layout = new OutputLayout(dir.resolve("out"));
        Files.delete(layout.run(suite, Suite.runs(suite.experiments()).get(1)).metricsFile());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> PeerCurveComparison.of(SuiteResults.read(suite, layout), suite.experiments().get(0), peer, "m"));
        assertTrue(error.getMessage().contains("at least two seeds on each side, got 1 current run(s)"),
                error.getMessage());
        assertEquals(2, PeerCurveComparison.of(results, suite.experiments().get(0), peer, "m").projectCurves().size());
    }
}
