package org.vaerepro.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaerepro.Fixtures;
import org.vaerepro.experiment.ExperimentSpec;
import org.vaerepro.experiment.OutputLayout;
import org.vaerepro.experiment.Run;
import org.vaerepro.experiment.SpecChange;
import org.vaerepro.experiment.Suite;
import org.vaerepro.experiment.SuiteParser;
import org.vaerepro.experiment.SuiteResults;
import org.vaerepro.io.AtomicFiles;
import org.vaerepro.train.Convergence;

/**
 * A suite against an earlier version of itself (another suite file, its results in another folder), as a protocol
 * change is compared: every experiment measured in both, published or not; the spec fields that changed; each seed's
 * current run on both sides; the Welch and the paired difference; the bottleneck steps on both sides.
 */
class SuiteComparisonTest {
    @TempDir
    Path dir;

    private Suite suite(String side, String epochs, String aeSeeds, String extra) {
        return Fixtures.suite(dir.resolve(side + "/suites/protocol.json"), """
                {"suite": "protocol",
                 "defaults": {"dataset": "mnist", "architecture": "vae", "epochs": %s, "seed": 1, "seeds": 3},
                 "experiments": [
                   {"id": "d2", "latentDim": 2, "reported": {"psnr": 13.0, "lpips": 0.25, "source": "table A"}},
                   {"id": "d10", "latentDim": 10, "reported": {"psnr": 16.0, "lpips": 0.13, "source": "table A"}},
                   {"id": "ae2", "architecture": "ae", "latentDim": 2, "seeds": %s}%s
                 ]}
                """.formatted(epochs, aeSeeds, extra));
    }

    private OutputLayout oldLayout() {
        return new OutputLayout(dir.resolve("old/results"));
    }

    private OutputLayout newLayout() {
        return new OutputLayout(dir.resolve("new/results"));
    }

    /** {@code now}'s results against {@code old}'s, each in its own folder. */
    private SuiteComparison compare(Suite now, Suite old, String otherFile) {
        SuiteResults here = SuiteResults.read(now, newLayout());
        return SuiteComparison.of(here, SuiteJudgement.of(here), SuiteResults.read(old, oldLayout()), otherFile);
    }

    private void write(Suite suite, OutputLayout layout, String id, double[] psnr, double[] lpips) {
        List<Run> runs = runs(suite, id);
        for (int i = 0; i < psnr.length; i++) {
            Fixtures.writeResult(layout, suite, runs.get(i), psnr[i], lpips[i], null);
        }
    }

    private static List<Run> runs(Suite suite, String id) {
        return Suite.runs(suite.experiments().stream().filter(spec -> spec.id().equals(id)).toList());
    }

    @Test
    void comparesEveryExperimentMeasuredInBothSeedBySeed() throws Exception {
        Suite old = suite("old", "1", "2", "");
        Suite now = suite("new", "2", "3", ",\n{\"id\": \"d32\", \"latentDim\": 32}");
        OutputLayout oldLayout = oldLayout();
        OutputLayout newLayout = newLayout();
        write(old, oldLayout, "d2", new double[] {13.0, 13.2, 13.1}, new double[] {0.30, 0.31, 0.30});
        write(now, newLayout, "d2", new double[] {13.3, 13.4, 13.6}, new double[] {0.28, 0.29, 0.27});
        write(old, oldLayout, "d10", new double[] {18.0, 18.4, 18.2}, new double[] {0.20, 0.21, 0.22});
        write(now, newLayout, "d10", new double[] {18.5, 18.9}, new double[] {0.19, 0.20});
        // d10's seed 3 here was measured under another spec: stale, so it counts on neither side of a pair.
        Run stale = runs(now, "d10").get(2);
        AtomicFiles.writeJson(newLayout.run(now, stale).metricsFile(), Fixtures.result(now,
                Fixtures.declaredOtherwise(stale.spec(), "{\"epochs\": 7}"), 30.0, 0.01, null));
        write(old, oldLayout, "ae2", new double[] {14.0, 14.2}, new double[] {0.26, 0.25});
        List<Run> ae = runs(now, "ae2");
        Fixtures.writeResult(newLayout, now, ae.get(0), 14.3, 0.24, new Convergence(3, 90.0, 2, "stopped early", 6));
        Fixtures.writeResult(newLayout, now, ae.get(1), 14.4, 0.23, null);
        Fixtures.writeResult(newLayout, now, ae.get(2), 14.5, 0.22, null);
        write(now, newLayout, "d32", new double[] {20.0, 20.1, 20.2}, new double[] {0.10, 0.11, 0.12});

        SuiteComparison comparison = compare(now, old, "old/suites/protocol.json");

        assertEquals("protocol", comparison.otherSuite());
        assertEquals(List.of("d2", "d10", "ae2"), comparison.rows().stream().map(row -> row.here().id()).toList(),
                "every experiment measured in both, published or not; d32 is measured here only");
        assertEquals(List.of("d2", "d10"), comparison.publishedRows().stream().map(row -> row.here().id()).toList());

        SuiteComparison.Row d2 = comparison.rows().get(0);
        assertEquals(List.of(new SpecChange("epochs", "1", "2")), d2.changes());
        // SciPy 1.10.1: ttest_ind(new, old, equal_var=False) t 3.1623, p 0.041915, df 3.448, half-width 0.312088;
        // ttest_rel(new, old) t 3.7796, p 0.063414, mean difference 0.3333 ± 0.379458.
        assertEquals(0.3333333333333339, d2.psnr().meanDifference(), 1e-12);
        assertEquals(3.162277660168413, d2.psnr().test().t(), 1e-9);
        assertEquals(0.04191451747145281, d2.psnr().twoSidedP(), 1e-9);
        assertEquals(0.312088395189565, d2.psnr().halfWidth(), 1e-9);
        assertEquals("+0.333 ± 0.312 (Welch 95%, df 3.4), p 0.0419", d2.psnr().describe());
        assertEquals(3.7796447300922917, d2.pairedPsnr().t(), 1e-9);
        assertEquals(0.06341418841830544, d2.pairedPsnr().twoSidedP(), 1e-9);
        assertEquals(0.37945830337394515, d2.pairedPsnr().differences().halfWidth(), 1e-9);
        assertEquals(3, d2.seeds().size());
        assertEquals(13.0, d2.seeds().get(0).there().psnr(), 0);
        assertEquals(13.3, d2.seeds().get(0).here().psnr(), 0);
        assertEquals(PublishedVerdict.MATCHES, d2.there().psnrVerdict().verdict());
        assertEquals(PublishedVerdict.UNDECIDED, d2.here().psnrVerdict().verdict());
        assertFalse(d2.sameVerdicts());

        SuiteComparison.Row d10 = comparison.rows().get(1);
        assertEquals(List.of(1L, 2L, 3L), d10.seeds().stream().map(SuiteComparison.SeedPair::seed).toList());
        assertNull(d10.seeds().get(2).here(), "the stale run is not current, so it pairs with nothing");
        assertEquals(18.2, d10.seeds().get(2).there().psnr(), 0);
        assertEquals(2, d10.here().psnr().n());
        assertEquals(2, d10.pairedPsnr().differences().n(), "paired over the two seeds current on both sides");
        assertEquals(0.5, d10.pairedPsnr().differences().mean(), 1e-12);

        SuiteComparison.Row ae2 = comparison.rows().get(2);
        assertFalse(ae2.published());
        assertFalse(ae2.sameVerdicts());
        assertEquals(List.of(new SpecChange("epochs", "1", "2"), new SpecChange("seeds", "[1,2]", "[1,2,3]")),
                ae2.changes());
        assertNull(ae2.seeds().get(2).there());
        assertEquals(6, ae2.seeds().get(0).here().epochsTrained(), "from the run's convergence");
        assertEquals(4, ae2.seeds().get(0).here().bestEpoch(), "the best epoch, counted from 1");
        assertEquals(1, ae2.seeds().get(1).here().epochsTrained(), "without early stopping: the epochs recorded");
        assertNull(ae2.seeds().get(1).here().bestEpoch());
        assertEquals(2, ae2.pairedLpips().differences().n());

        assertEquals(1, comparison.steps().size(), "VAE d=2 to 10; the autoencoder has one size, d32 is not in both");
        SuiteComparison.Step step = comparison.steps().get(0);
        assertEquals("d2", step.fromId());
        assertEquals("d10", step.toId());
        assertEquals(18.7 - 13.433333333333334, step.herePsnr(), 1e-9);
        assertEquals(18.2 - 13.1, step.therePsnr(), 1e-9);
        assertEquals(0.195 - 0.28, step.hereLpips(), 1e-9);
        assertEquals(0.21 - (0.30 + 0.31 + 0.30) / 3, step.thereLpips(), 1e-9, "the other suite's LPIPS step, d10 - d2");
    }

    @Test
    void aSideWithOneSeedGetsTheDifferenceWithoutATest() throws Exception {
        Suite old = suite("old", "1", "2", "");
        Suite now = suite("new", "1", "2", "");
        write(old, oldLayout(), "d2", new double[] {13.0}, new double[] {0.30});
        write(now, newLayout(), "d2", new double[] {13.5, 13.7}, new double[] {0.28, 0.27});
        SuiteComparison.Row row = compare(now, old, "old.json").rows().get(0);
        assertEquals(List.of(), row.changes());
        assertNull(row.psnr().test());
        assertNull(row.pairedPsnr(), "one seed on both sides: no paired test");
        assertEquals("+0.600 (fewer than two seeds on a side, no test)", row.psnr().describe());
    }
}
