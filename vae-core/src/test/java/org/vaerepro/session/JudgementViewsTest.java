package org.vaerepro.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.vaerepro.Fixtures;
import org.vaerepro.experiment.OutputLayout;
import org.vaerepro.experiment.Run;
import org.vaerepro.experiment.Suite;
import org.vaerepro.experiment.SuiteParser;
import org.vaerepro.regression.CellVerdict;
import org.vaerepro.regression.ExperimentRow;
import org.vaerepro.regression.GateCheck;
import org.vaerepro.regression.Judgement;

/**
 * One judgement, every view: the page and the site summary show, cell by cell and check by check, what
 * judgement.json holds (read back from the file, not recomputed), and the site summary shows what the gate decided
 * (the baseline rows with their values and windows, pass or fail).
 */
class JudgementViewsTest {
    @TempDir
    Path dir;

    private SuiteSession session() throws Exception {
        Path suiteFile = dir.resolve("suites/views.json");
        Files.createDirectories(suiteFile.getParent());
        Files.writeString(suiteFile, """
                {"suite": "views", "defaults": {"dataset": "mnist", "architecture": "vae", "epochs": 1, "seed": 1,
                  "seeds": 3},
                 "experiments": [
                   {"id": "d2", "latentDim": 2, "reported": {"psnr": 13.0, "lpips": 0.25, "source": "table"}},
                   {"id": "d10", "latentDim": 10, "reported": {"psnr": 15.0, "lpips": 0.20, "source": "table"}}]}
                """);
        Suite suite = new SuiteParser().parse(suiteFile);
        OutputLayout layout = new OutputLayout(dir.resolve("out"));
        List<Run> runs = Suite.runs(suite.experiments());
        for (int i = 0; i < runs.size(); i++) {
            boolean small = runs.get(i).experiment().id().equals("d2");
            // d2 matches its table; d10 beats its PSNR and misses its LPIPS, which rises with d against the claim.
            Fixtures.writeResult(layout, suite, runs.get(i), (small ? 13.0 : 17.0) + 0.01 * (i % 3),
                    (small ? 0.25 : 0.30) + 0.001 * (i % 3), null);
        }
        return new SuiteSession(SessionSettings.readingResults(suiteFile, dir.resolve("out"), 0, null, dir), l -> { });
    }

    @Test
    void thePageAndTheSiteShowTheFilesVerdictsAndChecks() throws Exception {
        SuiteSession session = session();
        Path baseline = session.defaultBaselineFile();
        session.recordBaseline(baseline, "test");
        // Move seed 2 of d10 away from what was measured: one baseline row fails.
        Files.writeString(baseline, Files.readString(baseline).replace("\"psnr\" : 17.01,", "\"psnr\" : 18.01,"));

        Judgement judgement = session.judge(SuiteSession.GateFiles.DEFAULT);
        assertEquals(judgement, Judgement.read(session.layout().judgement("views")), "what judge returns is the file");
        List<String> fileCells = new ArrayList<>();
        for (ExperimentRow row : judgement.judged().published()) {
            for (CellVerdict cell : row.verdicts()) {
                fileCells.add(row.id() + " " + cell.metric() + " " + cell.verdict().word());
            }
        }
        assertEquals(List.of("d2 PSNR matches", "d2 LPIPS matches", "d10 PSNR beats", "d10 LPIPS misses"), fileCells);
        List<GateCheck> failed = judgement.gate().failures();
        assertEquals(List.of("d10/seed-2 › PSNR 17.010 outside 18.010 ± 0.250", "d10 › LPIPS › misses 0.2000 (0.3010 ± "
                + "0.0025, 3 seeds)", "VAE on mnist › d=2→10 › LPIPS › contradicted / contradicted"),
                failed.stream().map(GateCheck::name).toList());

        Document page = Jsoup.parse(session.report().toFile(), "UTF-8");
        assertEquals(fileCells, cells(page.selectFirst("table.verdicts"), "d", 2, 6, 9));
        assertEquals(checks(judgement), gateRows(page));

        Path site = dir.resolve("site/vae");
        SuiteSession.SiteSummary summary = session.publishSite(site);
        Document fragment = Jsoup.parseBodyFragment(summary.html());
        assertEquals(fileCells, cells(fragment.selectFirst("table.vae-summary"), "", 3, 8, 10));
        assertEquals(checks(judgement), gateRows(fragment));
        assertTrue(fragment.selectFirst("p.gate-summary").text().contains("24 checks, 3 failed, so it fails"),
                fragment.selectFirst("p.gate-summary").text());
        assertTrue(fragment.text().contains("d10/seed-2 › PSNR 17.010 outside 18.010 ± 0.250 fail: d10/seed-2: PSNR "
                + "17.0100 dB differs from baseline 18.0100 dB by -1.0000 (allowed ±0.2500"), fragment.text());
        assertEquals(site.resolve("views/index.html"), summary.page(), "the standalone copy of the page");
        assertTrue(Files.isRegularFile(summary.page()));
        assertFalse(fragment.select("a[href=vae/views/index.html]").isEmpty(), summary.html());
    }

    /** "id metric verdict" of each cell of a verdict table, the id {@code prefix} and column {@code idColumn}. */
    private static List<String> cells(Element table, String prefix, int idColumn, int psnrColumn, int lpipsColumn) {
        List<String> cells = new ArrayList<>();
        for (Element row : table.select("tr:has(td)")) {
            List<String> columns = row.select("td").eachText();
            String id = prefix + columns.get(idColumn);
            cells.add(id + " PSNR " + columns.get(psnrColumn));
            cells.add(id + " LPIPS " + columns.get(lpipsColumn));
        }
        return cells;
    }

    private static List<String> checks(Judgement judgement) {
        return judgement.gate().checks().stream().map(c -> c.kind().id() + " | " + c.name() + " | "
                + (c.passed() ? "pass" : "fail")).toList();
    }

    private static List<String> gateRows(Element html) {
        return html.select("table.gate tr:has(td)").stream().map(row -> {
            List<String> columns = row.select("td").eachText();
            return columns.get(0) + " | " + columns.get(1) + " | " + (columns.get(2).startsWith("pass") ? "pass" : "fail");
        }).toList();
    }
}
