package org.vaerepro.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.vaerepro.report.ResultsPage;
import org.vaerepro.train.EpochReport;
import org.vaerepro.train.StepPoint;

/** Where a published number sits on hand-written step curves: the steps within the margin, per protocol, per table. */
class ProtocolSearchTest {
    @TempDir
    Path dir;

    private static final long[] STEPS = {25, 50, 100, 200, 400};

    /** PSNR per-image rises 11, 12, 13, 14, 15 (+ seed offset); pooled is 0.6 dB lower; LPIPS falls, raw is +0.1. */
    private static List<StepPoint> curve(double offset) {
        return curve(offset, List.of("resize", "pad", "resize64"));
    }

    /** As {@link #curve(double)}, with LPIPS under {@code rules}; rules other than pad take resize's value. */
    private static List<StepPoint> curve(double offset, List<String> rules) {
        List<StepPoint> points = new ArrayList<>();
        for (int i = 0; i < STEPS.length; i++) {
            Map<String, Double> values = new LinkedHashMap<>();
            for (String decoding : List.of("mean", "sampled")) {
                double shift = decoding.equals("sampled") ? -1.0 : 0.0;
                values.put("psnr/" + decoding + "/per-image", 11 + i + offset + shift);
                values.put("psnr/" + decoding + "/pooled", 10.4 + i + offset + shift);
                for (String scaling : List.of("signed", "raw")) {
                    double lpips = 0.40 - 0.05 * i + (scaling.equals("raw") ? 0.10 : 0) - shift * 0.02;
                    for (String rule : rules) {
                        values.put("lpips/" + decoding + "/" + scaling + "/" + rule, lpips + (rule.equals("pad") ? 0.2 : 0));
                    }
                }
            }
            points.add(new StepPoint(STEPS[i], 0, values));
        }
        return points;
    }

    @Test
    void declaredSmallImageRulesAreReadingsOfTheirOwn() throws Exception {
        Suite suite = new SuiteParser().parse(Files.writeString(dir.resolve("rules.json"), """
                {"suite": "rules", "defaults": {"dataset": "mnist", "architecture": "vae", "epochs": 1, "seed": 1,
                  "curveSteps": [25, 50, 100, 200, 400], "lpipsSmallImageRules": ["bicubic48"]},
                 "experiments": [{"id": "d2", "latentDim": 2, "reported": {"psnr": 13.0, "lpips": 0.30, "source": "t"}}]}
                """));
        OutputLayout layout = new OutputLayout(dir.resolve("out"));
        Run run = Suite.runs(suite.experiments()).get(0);
        AtomicFiles.writeJson(layout.run(suite, run).metricsFile(), new ExperimentResult(suite.name(), run.spec(),
                new ExperimentMetrics(100, 15, 15, 0.5, 0.2, "resize", Map.of(), 1, 1, 2, 0.5, 0.5, 0.1, 1, Map.of(),
                        null), List.of(new EpochReport(0, 1, 1, 0, 1, 100, null)), Map.of(), 1,
                Fixtures.provenance("a".repeat(64), "b".repeat(64), run.seed(), 1), null,
                curve(0, List.of("resize", "pad", "resize64", "bicubic48"))));
        ProtocolSearch.RowSearch row = ProtocolSearch.of(SuiteResults.read(suite, layout)).rows().get(0);
        // 2 decodings x 2 PSNR reductions x 2 scalings x 4 rules.
        assertEquals(32, row.protocols().size());
        ProtocolSearch.RowProtocol bicubic = row.protocols().stream().filter(p -> p.protocol().psnrId()
                .equals("psnr/mean/per-image") && p.protocol().lpipsId().equals("lpips/mean/signed/bicubic48"))
                .findFirst().orElseThrow();
        assertEquals("[100]", bicubic.both().toString());
        assertTrue(bicubic.protocol().describe().endsWith("LPIPS on [-1, 1] images resized to 48 (bicubic)"),
                bicubic.protocol().describe());
    }

    @Test
    void theStepsWithinTheMarginAreFoundPerCellRowAndTable() throws Exception {
        Suite suite = new SuiteParser().parse(Files.writeString(dir.resolve("search.json"), """
                {"suite": "search", "defaults": {"dataset": "mnist", "architecture": "vae", "epochs": 1, "seed": 1,
                  "seeds": 2, "curveSteps": [25, 50, 100, 200, 400]},
                 "experiments": [{"id": "d2", "latentDim": 2, "reported": {"psnr": 13.0, "lpips": 0.30, "source": "t"}}]}
                """));
        OutputLayout layout = new OutputLayout(dir.resolve("out"));
        double[] offsets = {-0.1, 0.1};
        List<Run> runs = Suite.runs(suite.experiments());
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            AtomicFiles.writeJson(layout.run(suite, run).metricsFile(), new ExperimentResult(suite.name(), run.spec(),
                    new ExperimentMetrics(100, 15, 15, 0.5, 0.2, "resize", Map.of(), 1, 1, 2, 0.5, 0.5, 0.1, 1, Map.of(),
                            null), List.of(new EpochReport(0, 1, 1, 0, 1, 100, null)), Map.of(), 1,
                    Fixtures.provenance("a".repeat(64), "b".repeat(64), run.seed(), 1), null, curve(offsets[i])));
        }
        SuiteResults results = SuiteResults.read(suite, layout);
        ProtocolSearch search = ProtocolSearch.of(results);
        ProtocolSearch.RowSearch row = search.rows().get(0);
        assertEquals(2, row.seeds());
        ProtocolSearch.CellCurve psnr = row.curves().stream().filter(c -> c.variant().equals("psnr/mean/per-image"))
                .findFirst().orElseThrow();
        // Means 11, 12, 13, 14, 15: within 0.5 dB of 13 at step 100 only.
        assertEquals("step 100", psnr.describe());
        ProtocolSearch.CellCurve pooled = row.curves().stream().filter(c -> c.variant().equals("psnr/mean/pooled"))
                .findFirst().orElseThrow();
        assertEquals("step 200", pooled.describe(), "means 12.4 and 13.4: only 13.4 is within 0.5 of 13.0");
        ProtocolSearch.CellCurve padded = row.curves().stream()
                .filter(c -> c.variant().equals("lpips/mean/raw/pad")).findFirst().orElseThrow();
        assertFalse(padded.reached());
        assertEquals("never reached; closest 0.5000 at step 400 (0.2000 away)", padded.describe());
        // LPIPS mean/signed/resize: 0.40, 0.35, 0.30, 0.25, 0.20 → within 0.02 of 0.30 at step 100, so the mean
        // decoding, per-image PSNR and [-1, 1] resize explain the row at step 100.
        ProtocolSearch.RowProtocol reference = row.protocols().stream().filter(p -> p.protocol().psnrId()
                .equals("psnr/mean/per-image") && p.protocol().lpipsId().equals("lpips/mean/signed/resize"))
                .findFirst().orElseThrow();
        assertEquals("[100]", reference.both().toString());
        ProtocolSearch.TableSearch table = search.tables().get(0);
        assertEquals("mnist", table.dataset());
        assertTrue(table.explainingAll().stream().anyMatch(p -> p.protocol().equals(reference.protocol())
                && p.all().equals(List.of(100L))), table.explainingAll().toString());
        assertEquals(2, table.protocols().get(0).explainedAtBest());

        SuiteJudgement judgement = SuiteJudgement.of(results);
        Judgement judged = Judgement.of(suite.file(), 0, judgement, null, SuiteGate.of(judgement, results,
                new SuiteGate.Expectations(List.of(), false, null, null, null, null, null)));
        Judgement.write(layout.judgement(suite.name()), judged);
        Document html = Jsoup.parse(ResultsPage.write(results, Judgement.read(layout.judgement(suite.name())), layout,
                null).toFile(), "UTF-8");
        assertTrue(html.select("h2").eachText().contains("Where the published numbers sit"), html.select("h2").text());
        assertTrue(html.text().contains("decode the posterior mean, PSNR per image, LPIPS on [-1, 1] images resized to 32 "
                + "(steps 100)"), html.text());
        assertTrue(Files.isRegularFile(dir.resolve("out/search/d2/psnr-steps.png")));
        assertTrue(Files.isRegularFile(dir.resolve("out/search/d2/lpips-steps.png")));
    }
}
