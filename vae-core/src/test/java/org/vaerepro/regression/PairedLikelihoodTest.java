package org.vaerepro.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaerepro.Fixtures;
import org.vaerepro.experiment.ExperimentMetrics;
import org.vaerepro.experiment.ExperimentResult;
import org.vaerepro.experiment.OutputLayout;
import org.vaerepro.experiment.Run;
import org.vaerepro.experiment.Suite;
import org.vaerepro.experiment.SuiteParser;
import org.vaerepro.experiment.SuiteResults;
import org.vaerepro.io.AtomicFiles;
import org.vaerepro.model.LikelihoodReport;
import org.vaerepro.report.ResultsPage;
import org.vaerepro.train.EpochReport;

/** Per-image NLL differences between experiments on the same images, from hand-written per-image NLLs. */
class PairedLikelihoodTest {
    @TempDir
    Path dir;

    /** Image i of seed s: a base that varies a lot between images, plus a small per-experiment shift. */
    private static List<Double> nll(double shift, long seed) {
        return List.of(100 + shift, 150 + shift + 0.5 * seed, 90 + shift * 1.5, 210 + shift - 0.5 * seed);
    }

    @Test
    void pairsDifferInOneThingAndAreComparedImageByImage() throws Exception {
        Suite suite = new SuiteParser().parse(Files.writeString(dir.resolve("paired.json"), """
                {"suite": "paired", "defaults": {"dataset": "mnist", "architecture": "vae", "epochs": 1, "seed": 1,
                  "seeds": 2, "likelihoodSamples": 10, "likelihoodImages": 4},
                 "experiments": [{"id": "vae-d10", "latentDim": 10}, {"id": "vae-d2", "latentDim": 2},
                   {"id": "up-d2", "architecture": "vae-upsample", "latentDim": 2},
                   {"id": "cifar-d2", "dataset": "cifar10", "latentDim": 2},
                   {"id": "mean-d10", "latentDim": 10, "klReduction": "mean"},
                   {"id": "odd-d10", "latentDim": 10, "testStride": 2},
                   {"id": "old-d2", "architecture": "ae", "latentDim": 2, "likelihoodSamples": 0}]}
                """));
        OutputLayout layout = new OutputLayout(dir.resolve("out"));
        Map<String, Double> shifts = Map.of("vae-d10", -4.0, "vae-d2", 0.0, "up-d2", 1.0, "cifar-d2", 0.0,
                "mean-d10", -3.0, "odd-d10", -4.0);
        for (Run run : Suite.runs(suite.experiments())) {
            Double shift = shifts.get(run.spec().id());
            LikelihoodReport likelihood = shift == null ? null : new LikelihoodReport("bernoulli", 4, 10, 784, 1,
                    new LikelihoodReport.Estimate(140, 25), null, null, null, null, null, 0, 0, 0, nll(shift, run.seed()));
            AtomicFiles.writeJson(layout.run(suite, run).metricsFile(), new ExperimentResult(suite.name(), run.spec(),
                    new ExperimentMetrics(100, 15, 15, 0.5, 0.2, "resize", Map.of(), 1, 1, 2, 0.5, 0.5, 0.1, 1, Map.of(),
                            likelihood), List.of(new EpochReport(0, 1, 1, 0, 1, 100, null)), Map.of(), 1,
                    Fixtures.provenance("a".repeat(64), "b".repeat(64), run.seed(), 1), null, List.of()));
        }
        SuiteResults results = SuiteResults.read(suite, layout);
        List<PairedLikelihood.Pair> pairs = PairedLikelihood.of(results).pairs();
        // d=2 against d=10 (read smaller to larger), VAE against VAE-Variation at d=2; nothing across datasets,
        // nothing that differs in both or in another training field (mean-d10's KL reduction), nothing measured on
        // other test images (odd-d10's), nothing without per-image NLLs.
        assertEquals(List.of("vae-d2>vae-d10", "vae-d2>up-d2"),
                pairs.stream().map(p -> p.first() + ">" + p.second()).toList());
        PairedLikelihood.Pair bottleneck = pairs.get(0);
        assertEquals(PairedLikelihood.Contrast.BOTTLENECK, bottleneck.contrast());
        assertEquals("d=2", bottleneck.firstLabel());
        assertEquals(List.of(1L, 2L), bottleneck.seeds());
        assertEquals(4, bottleneck.images());
        // Differences per image: -4, -4, -6, -4 (the seed terms cancel): mean -4.5, sd 1, SE 0.5.
        assertEquals(-4.5, bottleneck.meanDifference(), 1e-12);
        assertEquals(0.5, bottleneck.standardError(), 1e-12);
        assertTrue(bottleneck.resolved(), "t = -9 on 3 degrees of freedom");
        // Unpaired, the spread between images (about 27 nats of SE per side) hides the same difference.
        assertTrue(bottleneck.unpairedStandardError() > 35, String.valueOf(bottleneck.unpairedStandardError()));
        PairedLikelihood.Pair architecture = pairs.get(1);
        assertEquals(PairedLikelihood.Contrast.ARCHITECTURE, architecture.contrast());
        assertEquals("VAE-Variation", architecture.secondLabel());
        // Differences 1, 1, 1.5, 1: mean 1.125, sd 0.25, SE 0.125.
        assertEquals(1.125, architecture.meanDifference(), 1e-12);
        assertEquals(0.125, architecture.standardError(), 1e-12);

        SuiteJudgement judgement = SuiteJudgement.of(results);
        Judgement judged = Judgement.of(suite.file(), 0, judgement, null, SuiteGate.of(judgement, results,
                new SuiteGate.Expectations(List.of(), false, null, null, null, null, null)));
        Judgement.write(layout.judgement(suite.name()), judged);
        Judgement read = Judgement.read(layout.judgement(suite.name()));
        assertEquals(-4.5, read.judged().pairedLikelihood().pairs().get(0).meanDifference(), 1e-12);
        Document html = Jsoup.parse(ResultsPage.write(results, read, layout, null).toFile(), "UTF-8");
        assertTrue(html.select("h2").eachText().contains("Test likelihood, image by image"), html.select("h2").text());
        String row = html.select("table.paired-likelihood tr").get(1).text();
        assertTrue(row.startsWith("mnist d=2 (vae-d2) d=10 (vae-d10) 2 4 -4.50 ± 1.59 0.50"), row);
        assertFalse(html.select("table.paired-likelihood tr").get(2).text().contains("d=10"));
    }
}
