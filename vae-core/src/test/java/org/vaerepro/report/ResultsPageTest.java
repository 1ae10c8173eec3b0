package org.vaerepro.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaerepro.experiment.CellRequirement;
import org.vaerepro.experiment.ExperimentMetrics;
import org.vaerepro.experiment.SpecException;
import org.vaerepro.experiment.ExperimentResult;
import org.vaerepro.experiment.OutputLayout;
import org.vaerepro.experiment.Run;
import org.vaerepro.experiment.ExperimentSpec;
import org.vaerepro.Fixtures;
import org.vaerepro.io.AtomicFiles;
import org.vaerepro.provenance.Provenance;
import org.vaerepro.experiment.SuiteResults;
import org.vaerepro.regression.BottleneckTrend;
import org.vaerepro.regression.ClaimColumn;
import org.vaerepro.regression.ClaimVerdict;
import org.vaerepro.regression.ExperimentRow;
import org.vaerepro.regression.PublishedVerdict;
import org.vaerepro.regression.TableMetric;
import org.vaerepro.regression.SuiteComparison;
import org.vaerepro.regression.SuiteJudgement;
import org.vaerepro.regression.Gate;
import org.vaerepro.regression.Judgement;
import org.vaerepro.regression.SuiteGate;
import org.vaerepro.experiment.Suite;
import org.vaerepro.experiment.SuiteParser;
import org.vaerepro.train.Convergence;
import org.vaerepro.train.EpochReport;

/**
 * The report model and template on hand-written metrics files (no training): deltas, stale and unreadable
 * results, the judged verdicts and claim as rendered, and what the rendered HTML contains.
 */
class ResultsPageTest {
    @TempDir
    Path dir;

    private Suite suite() throws Exception {
        Path file = dir.resolve("page.json");
        Files.writeString(file, """
                {"suite": "page", "description": "Hand-made results",
                 "defaults": {"dataset": "mnist", "architecture": "vae", "epochs": 1, "seed": 1},
                 "experiments": [
                   {"id": "d2", "latentDim": 2, "reported": {"psnr": 13.0, "lpips": 0.25, "source": "table A"}},
                   {"id": "d10", "latentDim": 10, "reported": {"psnr": 16.0, "lpips": 0.13, "source": "table A"}},
                   {"id": "d16", "latentDim": 16},
                   {"id": "d32", "latentDim": 32}
                 ]}
                """);
        return new SuiteParser().parse(file);
    }

    private void writeResult(Suite suite, ExperimentSpec spec, double psnr, double lpips) throws Exception {
        Fixtures.writeResult(layout(), suite, spec, psnr, lpips, null);
    }

    private void writeResult(Suite suite, Run run, double psnr, double lpips) throws Exception {
        writeResult(suite, run, psnr, lpips, null);
    }

    private void writeResult(Suite suite, Run run, double psnr, double lpips, Convergence convergence) throws Exception {
        Fixtures.writeResult(layout(), suite, run, psnr, lpips, convergence);
    }

    private OutputLayout layout() {
        return new OutputLayout(dir.resolve("out"));
    }

    private SuiteResults results(Suite suite) {
        return SuiteResults.read(suite, layout());
    }

    private List<ResultGroup> groups(Suite suite) {
        SuiteResults results = results(suite);
        return ResultsPage.groups(results, SuiteJudgement.of(results));
    }

    private Document page(Suite suite, SuiteComparison comparison) throws Exception {
        SuiteResults results = results(suite);
        return Jsoup.parse(ResultsPage.write(results, judged(suite, results, comparison), layout(), null).toFile(),
                "UTF-8");
    }

    /** The judgement of {@code results} with no gate files, as written to judgement.json and read back. */
    private Judgement judged(Suite suite, SuiteResults results, SuiteComparison comparison) {
        SuiteJudgement judgement = SuiteJudgement.of(results);
        Gate gate = SuiteGate.of(judgement, results, new SuiteGate.Expectations(List.of(), false, null, null, null, null,
                null));
        Path file = layout().judgement(suite.name());
        Judgement.write(file, Judgement.of(suite.file(), 0, judgement, comparison, gate));
        return Judgement.read(file);
    }

    @Test
    void rowsCarryDeltasAndStatusAndNoPerRunMark() throws Exception {
        Suite suite = suite();
        List<ExperimentSpec> specs = suite.experiments();
        writeResult(suite, specs.get(0), 12.6, 0.27);
        writeResult(suite, specs.get(1), 15.4, 0.12);
        // d16 was trained under a different spec: shown, but marked stale.
        writeResult(suite, Fixtures.declaredOtherwise(suite.experiments().get(2), "{\"epochs\": 7}"), 17.0, 0.10);
        Files.createDirectories(dir.resolve("out/page/d32"));
        Files.writeString(dir.resolve("out/page/d32/metrics.json"), "{ truncated");

        List<ResultGroup> groups = groups(suite);
        assertEquals(1, groups.size());
        List<ResultRow> rows = groups.get(0).rows();
        assertEquals(List.of(2, 10, 16, 32), rows.stream().map(ResultRow::latentDim).toList());
        assertEquals(-0.4, rows.get(0).psnrDelta(), 1e-9);
        assertEquals(0.02, rows.get(0).lpipsDelta(), 1e-9);
        assertEquals("stale: trained with other training fields (epochs 7 → 1)", rows.get(2).status());
        assertTrue(rows.get(2).measured() && !rows.get(2).current());
        // The stale row is shown but left out of the summaries: curves (and the claim) for d2 and d10 only.
        assertEquals(List.of("d2", "d10"), groups.get(0).curves().stream().map(LearningCurves::experiment).toList());
        assertTrue(rows.get(3).status().startsWith("unreadable metrics.json"), rows.get(3).status());
        assertFalse(rows.get(3).measured());

        Document html = page(suite, null);
        assertEquals(List.of("d2", "d10", "d16", "d32"), html.select("td.id").eachText());
        // A single run has no verdict of its own: no pass or fail mark beside the per-cell verdicts.
        assertTrue(html.select("table.quality").text().matches("(?s)^(?!.*\\b(pass|fail)\\b).*"),
                html.select("table.quality").text());
        assertTrue(html.text().contains("Hand-made results"));
        // The definitions say what data the current results were measured on, once per split (d16 is stale).
        assertTrue(html.text().contains("Data the current results were measured on: mnist/train (60000 images, SHA-256"
                + " aaaaaaaaaaaa…): a copy this project has no description of; compare its checksum with the official"
                + " files; mnist/test (10000 images, SHA-256 bbbbbbbbbbbb…): a copy"), html.text());
        assertTrue(html.text().contains("d2 LPIPS by size rule: resize 0.2700, pad 0.3200"), html.text());
        assertTrue(html.select("td.id:containsOwn(d32)").first().parent().text().contains("unreadable"));
        assertTrue(html.select("td.id:containsOwn(d16)").first().parent().text()
                .contains("stale: trained with other training fields (epochs 7 → 1)"));
    }

    /** Issue #25 item 1: a judgement field is no part of whether a result is current. */
    @Test
    void changingOnlyTheReportedValuesReJudgesWithoutMakingTheRunStale() throws Exception {
        Suite suite = suite();
        ExperimentSpec d2 = suite.experiments().get(0);
        // Measured when the suite reported other values for d2.
        writeResult(suite, Fixtures.declaredOtherwise(suite.experiments().get(0),
                "{\"reported\": {\"psnr\": 20.0, \"lpips\": 0.1, \"source\": \"an older table\"}}"), 12.6, 0.27);
        ResultRow row = groups(suite).get(0).rows().get(0);
        assertTrue(row.current(), row.status());
        assertEquals(12.6 - d2.reported().psnr(), row.psnrDelta(), 1e-9, "deltas are to the values declared now");
        ExperimentRow judged = SuiteJudgement.of(results(suite)).row("d2");
        assertEquals(1, judged.seedsMeasured());
        assertEquals(13.0, judged.psnrVerdict().reported(), 0);
        Document html = page(suite, null);
        // d2's cells are judged (d10 has no run at all, and says so).
        assertEquals(List.of("undecided", "undecided"), html.select("table.verdicts span[class^=verdict-]").eachText());
        assertEquals(1, html.select("table.verdicts td.notrun").size(), html.select("table.verdicts").text());
        assertFalse(html.text().contains("stale"), html.text());
    }

    /** Issue #25 item 2: one rule for a published cell, with the suite's margins; no other mark beside it. */
    @Test
    void theSuitesMarginsDecideTheVerdictAndNoRowSaysOtherwise() throws Exception {
        Path file = Files.writeString(dir.resolve("margins.json"), """
                {"suite": "margins", "margins": {"psnr": 1.0},
                 "defaults": {"dataset": "mnist", "architecture": "vae", "epochs": 1, "seed": 1, "seeds": 3},
                 "experiments": [{"id": "d2", "latentDim": 2, "reported": {"psnr": 13.0, "lpips": 0.25, "source": "t"}}]}
                """);
        Suite suite = new SuiteParser().parse(file);
        List<Run> runs = Suite.runs(suite.experiments());
        double[] psnr = {12.29, 12.30, 12.31}; // 0.7 dB below the reported 13.0: within a 1 dB margin
        for (int seed = 0; seed < 3; seed++) {
            writeResult(suite, runs.get(seed), psnr[seed], 0.25 + 0.001 * seed);
        }
        ExperimentRow row = SuiteJudgement.of(results(suite)).row("d2");
        assertEquals(PublishedVerdict.MATCHES, row.psnrVerdict().verdict());
        assertEquals(1.0, row.psnrVerdict().margin(), 0);
        Document html = page(suite, null);
        assertEquals(List.of("matches", "matches"), html.select("table.verdicts span[class^=verdict-]").eachText());
        assertTrue(html.select(".fail, .pass").isEmpty(), "no per-run mark: " + html.select(".fail, .pass"));
        String caption = html.select("table.verdicts caption").text();
        assertTrue(caption.contains("margin 1 dB PSNR and 0.02 LPIPS"), caption);
        for (PublishedVerdict verdict : PublishedVerdict.values()) {
            assertTrue(caption.contains(verdict.word() + " when " + verdict.definition()), caption);
        }
    }

    /** A reproduction suite requires every cell to match: beating a published value fails it, not only missing. */
    @Test
    void aSuiteRequiringMatchesFailsACellThatBeatsThePublishedValue() throws Exception {
        Path file = Files.writeString(dir.resolve("reproduction.json"), """
                {"suite": "reproduction", "verdictRequired": "matches",
                 "defaults": {"dataset": "mnist", "architecture": "vae", "epochs": 1, "seed": 1, "seeds": 3},
                 "experiments": [{"id": "d2", "latentDim": 2, "reported": {"psnr": 13.0, "lpips": 0.25, "source": "t"}}]}
                """);
        Suite suite = new SuiteParser().parse(file);
        assertEquals(CellRequirement.MATCHES, suite.verdictRequired());
        List<Run> runs = Suite.runs(suite.experiments());
        for (int seed = 0; seed < 3; seed++) {
            writeResult(suite, runs.get(seed), 14.5 + 0.01 * seed, 0.25 + 0.001 * seed); // PSNR beats, LPIPS matches
        }
        SuiteJudgement judgement = SuiteJudgement.of(results(suite));
        ExperimentRow row = judgement.row("d2");
        assertEquals(List.of(TableMetric.PSNR), row.failing(judgement.verdictRequired()).stream().map(c -> c.metric()).toList());
        assertEquals(List.of(), row.failing(CellRequirement.NOT_MISSES), "beating passes a suite that only forbids misses");
        assertTrue(page(suite, null).select("table.verdicts caption").text().contains("it requires every cell to match"));
        Path bad = Files.writeString(dir.resolve("bad.json"), Files.readString(file).replace("\"matches\"", "\"exact\""));
        SpecException error = org.junit.jupiter.api.Assertions.assertThrows(SpecException.class,
                () -> new SuiteParser().parse(bad));
        assertTrue(error.getMessage().contains("field 'verdictRequired': unknown verdict requirement 'exact'"),
                error.getMessage());
    }

    /** Issue #25 item 3: one seed per size is described, never said to hold. */
    @Test
    void aSingleSeedColumnGetsADescriptionNotAVerdictOnTheClaim() throws Exception {
        Suite suite = suite();
        writeResult(suite, suite.experiments().get(0), 12.6, 0.27);
        writeResult(suite, suite.experiments().get(1), 15.4, 0.12);
        ClaimColumn column = SuiteJudgement.of(results(suite)).columns().get(0);
        assertFalse(column.tested());
        assertTrue(column.steps().stream().allMatch(step -> step.verdict() == ClaimVerdict.NOT_SHOWN), column.toString());
        Document html = page(suite, null);
        String text = html.text();
        assertFalse(text.matches("(?s).*\\bholds\\b.*"), text);
        assertTrue(text.contains("a description of the measured values and not a test of the claim")
                && text.contains("d=2: 12.600 dB / 0.2700 → d=10: 15.400 dB / 0.1200: PSNR rises with d everywhere, "
                        + "LPIPS falls with d everywhere"), text);
    }

    @Test
    void aPublishedCellWithoutARunUnderTheCurrentSpecStaysInTheVerdictTableMarked() throws Exception {
        Suite suite = suite();
        List<ExperimentSpec> specs = suite.experiments();
        writeResult(suite, Fixtures.declaredOtherwise(suite.experiments().get(0), "{\"epochs\": 7}"), 14.0, 0.2); // d2: measured under an older spec
        writeResult(suite, specs.get(1), 16.5, 0.1);                // d10: current
        List<ExperimentRow> verdicts = SuiteJudgement.of(results(suite)).published();
        assertEquals(List.of("d2", "d10"), verdicts.stream().map(ExperimentRow::id).toList());
        assertFalse(verdicts.get(0).measured());
        assertEquals(0, verdicts.get(0).seedsMeasured());
        assertTrue(verdicts.get(1).measured());
        Document html = page(suite, null);
        assertEquals(List.of("no run measured under the suite's current spec yet"),
                html.select("table.verdicts td.notrun").eachText());
        // d10's row has its two verdicts (one seed: undecided), d2's row none.
        assertEquals(List.of("undecided", "undecided"), html.select("table.verdicts span[class^=verdict-]").eachText());
    }

    @Test
    void theClaimIsTestedPerStepAndFamilyWiseAcrossEveryGroup() throws Exception {
        Path file = dir.resolve("family.json");
        Files.writeString(file, """
                {"suite": "family", "defaults": {"dataset": "mnist", "epochs": 1, "seed": 1, "seeds": 3},
                 "experiments": [
                   {"id": "vae-d2", "architecture": "vae", "latentDim": 2},
                   {"id": "vae-d10", "architecture": "vae", "latentDim": 10},
                   {"id": "ae-d2", "architecture": "ae", "latentDim": 2},
                   {"id": "ae-d10", "architecture": "ae", "latentDim": 10}
                 ]}
                """);
        Suite suite = new SuiteParser().parse(file);
        // VAE: PSNR clearly up, LPIPS clearly down; AE: flat but for seed noise.
        double[][] psnr = {{13.0, 13.2, 13.1}, {15.0, 15.3, 15.1}, {14.0, 14.3, 14.1}, {14.1, 14.0, 14.2}};
        double[][] lpips = {{0.30, 0.31, 0.30}, {0.20, 0.21, 0.20}, {0.25, 0.26, 0.25}, {0.25, 0.25, 0.26}};
        for (int e = 0; e < 4; e++) {
            List<Run> runs = Suite.runs(List.of(suite.experiments().get(e)));
            for (int seed = 0; seed < 3; seed++) {
                writeResult(suite, runs.get(seed), psnr[e][seed], lpips[e][seed]);
            }
        }
        List<ClaimColumn> columns = SuiteJudgement.of(results(suite)).columns();
        assertEquals(2, columns.size());
        for (ClaimColumn column : columns) {
            assertTrue(column.tested());
            assertTrue(column.steps().stream().allMatch(step -> step.familyWise().tests() == 4), column.steps().toString());
        }
        assertEquals(ClaimVerdict.HOLDS, columns.get(0).steps().get(0).familyWise().verdict());
        assertEquals(ClaimVerdict.NOT_SHOWN, columns.get(1).steps().get(0).familyWise().verdict());

        Document html = page(suite, null);
        assertTrue(html.text().contains("d=2→10 PSNR: difference +2.0333"), html.text());
        assertEquals(4, html.select("li:contains(family-wise (Holm over 4 tested steps))").size(), html.text());
    }

    @Test
    void aSuiteComparedWithAnotherShowsBothVerdictsAndTheWelchDifference() throws Exception {
        String body = """
                 "defaults": {"dataset": "mnist", "architecture": "vae", "epochs": 1, "seed": 1, "seeds": 3},
                 "experiments": [
                   {"id": "d2", "latentDim": 2, "reported": {"psnr": 13.0, "lpips": 0.25, "source": "table A"}},
                   {"id": "only-here", "latentDim": 10, "reported": {"psnr": 16.0, "lpips": 0.13, "source": "table A"}}]}
                """;
        Files.writeString(dir.resolve("base.json"), "{\"suite\": \"base\"," + body);
        Path variantFile = Files.writeString(dir.resolve("variant.json"),
                "{\"suite\": \"variant\", \"comparedWith\": \"base.json\"," + body.replace("only-here", "also-here"));
        Suite base = new SuiteParser().parse(dir.resolve("base.json"));
        Suite variant = new SuiteParser().parse(variantFile);
        double[][] psnr = {{13.0, 13.2, 13.1}, {14.0, 14.2, 14.1}};
        double[][] lpips = {{0.30, 0.31, 0.30}, {0.25, 0.26, 0.25}};
        int side = 0;
        for (Suite suite : List.of(base, variant)) {
            List<Run> runs = Suite.runs(List.of(suite.experiments().get(0)));
            for (int seed = 0; seed < 3; seed++) {
                writeResult(suite, runs.get(seed), psnr[side][seed], lpips[side][seed]);
            }
            side++;
        }

        SuiteComparison comparison = SuiteComparison.of(results(variant), SuiteJudgement.of(results(variant)),
                results(base), "base.json");
        assertEquals("base", comparison.otherSuite());
        assertEquals(1, comparison.rows().size(), "only the experiments measured in both");
        SuiteComparison.Row row = comparison.rows().get(0);
        // base: PSNR 13.1 ± 0.248 matches 13.0, LPIPS 0.303 ± 0.014 misses 0.25 + 0.02; variant: 14.1 beats, 0.253 ± 0.014 matches.
        assertEquals("matches", row.there().psnrVerdict().verdict().word());
        assertEquals("beats", row.here().psnrVerdict().verdict().word());
        assertEquals("misses", row.there().lpipsVerdict().verdict().word());
        assertEquals("matches", row.here().lpipsVerdict().verdict().word());
        assertFalse(row.sameVerdicts());
        // SciPy ttest_ind(variant, base, equal_var=False): PSNR CI (0.7733, 1.2267), p 0.000255; LPIPS (-0.0631, -0.0369), p 0.000447.
        assertEquals("+1.000 ± 0.227 (Welch 95%, df 4.0), p 0.000255", row.psnr().describe());
        assertEquals("-0.0500 ± 0.0131 (Welch 95%, df 4.0), p 0.000447", row.lpips().describe());
        Document html = page(variant, comparison);
        assertTrue(html.select("h2").eachText().contains("Against suite base"), html.select("h2").eachText().toString());
        assertEquals(List.of("no"), html.select("table.comparison td.same-verdicts").eachText());
        assertTrue(html.select("table.comparison").text().contains("+1.000 ± 0.227 (Welch 95%, df 4.0), p 0.000255"),
                html.select("table.comparison").text());
        assertTrue(page(base, null).select("table.comparison").isEmpty());
    }

    @Test
    void runsThatReachedTheEpochLimitBeforeEarlyStoppingAreCountedInBothTables() throws Exception {
        Path file = Files.writeString(dir.resolve("limit.json"), """
                {"suite": "limit", "defaults": {"dataset": "mnist", "architecture": "vae", "epochs": 30, "seed": 1,
                  "seeds": 3, "validation": 100, "patience": 4, "minDelta": 0.5},
                 "experiments": [{"id": "d2", "latentDim": 2, "reported": {"psnr": 13.0, "lpips": 0.25, "source": "table A"}}]}
                """);
        Suite suite = new SuiteParser().parse(file);
        List<Run> runs = Suite.runs(suite.experiments());
        // Seed 1 stopped early (4 epochs without improvement); seed 2 reached the maximum still improving;
        // seed 3 reached it 3 epochs after its best, one short of the patience: both are at the limit.
        Convergence[] endings = {
            new Convergence(16, 1801.0, 4, "stopped early: ...", 21),
            new Convergence(29, 1700.3, 0, "reached the maximum of 30 epochs; best epoch 30 (1700.3)", 30),
            new Convergence(26, 1800.0, 3, "reached the maximum of 30 epochs; best epoch 27 (1800.0)", 30)};
        for (int seed = 0; seed < 3; seed++) {
            writeResult(suite, runs.get(seed), 13.0 + seed * 0.1, 0.25, endings[seed]);
        }
        ResultGroup group = groups(suite).get(0);
        assertEquals(2, group.column().rows().get(0).atEpochLimit());
        assertEquals(2, group.summaries().get(0).atEpochLimit());

        Document html = page(suite, null);
        assertEquals(List.of("3 / 3 (2 at the epoch limit)", "3 / 3 (2 at the epoch limit)"),
                html.select("td.seed-count").eachText());
    }

    @Test
    void aRunWithoutEarlyStoppingIsNeverAtTheEpochLimit() throws Exception {
        Suite suite = suite();
        ExperimentSpec spec = suite.experiments().get(0);
        writeResult(suite, new Run(spec, spec.seed()), 13.0, 0.25,
                new Convergence(0, 100.0, 0, "reached the maximum of 1 epochs; best epoch 1 (100.0)", 1));
        assertEquals(0, SuiteJudgement.of(results(suite)).row("d2").atEpochLimit());
    }

    @Test
    void theTrendDescribesWhereQualityGetsWorse() {
        BottleneckTrend trend = BottleneckTrend.of(List.of(new double[] {2, 14, 0.2}, new double[] {10, 13.5, 0.15},
                new double[] {20, 15, 0.16}));
        assertTrue(trend.comparable());
        assertFalse(trend.psnrRises());
        assertFalse(trend.lpipsFalls());
        assertEquals("d=2: 14.000 dB / 0.2000 → d=10: 13.500 dB / 0.1500 → d=20: 15.000 dB / 0.1600: PSNR falls "
                + "somewhere as d grows, LPIPS rises somewhere as d grows", trend.describe());
        assertFalse(BottleneckTrend.of(List.of(new double[] {2, 14, 0.2})).comparable());
    }
}
