package org.vaerepro.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaerepro.SharedData;
import org.vaerepro.experiment.ExperimentResult;
import org.vaerepro.experiment.Shard;
import org.vaerepro.report.ResultGroup;
import org.vaerepro.regression.ExperimentRow;
import org.vaerepro.report.ResultsPage;
import org.vaerepro.statistics.SampleSummary;

/**
 * An experiment with several seeds runs once per seed, each run in its own folder and independent of the
 * others (the seed-4 run equals a single-seed experiment with seed 4, bit for bit); the page aggregates
 * the runs with Student-t intervals; shards slice runs, not experiments.
 */
class SeedsEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void eachSeedIsARunAndThePageAggregatesThem() throws Exception {
        Path suiteFile = Files.writeString(dir.resolve("seeds.json"), """
                {"suite": "seeds", "defaults": {"dataset": "mnist", "architecture": "ae", "epochs": 1, "batchSize": 64,
                  "trainSubset": 256, "testSubset": 100},
                 "experiments": [
                   {"id": "three", "latentDim": 2, "seed": 3, "seeds": 3,
                    "reported": {"psnr": 3.0, "lpips": 1.5, "source": "made up for the test, far below any trained model"}},
                   {"id": "alone", "latentDim": 2, "seed": 4}]}
                """);
        Path out = dir.resolve("out");
        List<String> log = new ArrayList<>();
        // Two shards over the four runs: each process trains two of them, together all four.
        for (int shard = 0; shard < 2; shard++) {
            SessionSettings settings = new SessionSettings(suiteFile, out, List.of(), new Shard(shard, 2), 0,
                    SharedData.dataDir(), null, dir, false, SharedData.lpipsWeights(), null, false, 0, Parallelism.SERIAL);
            SuiteSession.Outcome outcome = new SuiteSession(settings, log::add).reproduce();
            assertTrue(outcome.failures().isEmpty(), outcome.failures().toString());
        }
        assertTrue(log.contains("shard 0/2: 2 of 4 run(s): [three/seed-3, three/seed-5]"), log.toString());
        assertTrue(log.contains("shard 1/2: 2 of 4 run(s): [three/seed-4, alone]"), log.toString());

        List<ExperimentResult> runs = new ArrayList<>();
        for (long seed = 3; seed <= 5; seed++) {
            ExperimentResult result = ExperimentResult.read(out.resolve("seeds/three/seed-" + seed + "/metrics.json"));
            assertEquals(seed, result.spec().seed());
            assertEquals(seed, result.provenance().training().seed());
            runs.add(result);
        }
        assertNotEquals(runs.get(0).metrics().psnr(), runs.get(1).metrics().psnr(), "seeds must differ");
        ExperimentResult alone = ExperimentResult.read(out.resolve("seeds/alone/metrics.json"));
        assertEquals(alone.metrics().psnr(), runs.get(1).metrics().psnr(), 0.0);
        assertEquals(alone.metrics().lpips(), runs.get(1).metrics().lpips(), 0.0);

        SessionSettings all = new SessionSettings(suiteFile, out, List.of(), Shard.ALL, 0, SharedData.dataDir(), null, dir,
                false, SharedData.lpipsWeights(), null, false, 0, Parallelism.SERIAL);
        SuiteSession session = new SuiteSession(all, l -> { });
        ResultGroup group = ResultsPage.groups(session.results(),
                session.judge(SuiteSession.GateFiles.DEFAULT).judged()).get(0);
        assertEquals(List.of("three/seed-3", "three/seed-4", "three/seed-5", "alone"),
                group.rows().stream().map(r -> r.id()).toList());
        ExperimentRow summary = group.summaries().get(0);
        SampleSummary expected = SampleSummary.of(runs.stream().mapToDouble(r -> r.metrics().psnr()).toArray(), 0.95);
        assertEquals(expected, summary.psnr());
        assertEquals(3, summary.seedsMeasured());
        assertTrue(summary.psnr().hasInterval() && summary.psnr().halfWidth() > 0);

        Document page = Jsoup.parse(session.report().toFile(), "UTF-8");
        Element row = page.select("td.sid:containsOwn(three)").first().parent();
        assertTrue(row.text().contains("3 / 3") && row.text().contains(String.format(java.util.Locale.ROOT, "%.3f ± %.3f",
                expected.mean(), expected.halfWidth())), row.text());
        for (Element img : page.select("img[src^=three/seed-4/]")) {
            assertTrue(Files.isRegularFile(out.resolve("seeds").resolve(img.attr("src"))), img.attr("src"));
        }
        assertTrue(page.select("img[src^=three/seed-4/]").size() >= 2);
        // The leading published-table row: 3 seeds against made-up values every trained model beats.
        Element verdict = page.select("table.verdicts tr:has(td:containsOwn(3 / 3))").first();
        assertTrue(verdict != null && verdict.select("span.verdict-beats").size() == 2, page.select("table.verdicts").text());
    }
}
