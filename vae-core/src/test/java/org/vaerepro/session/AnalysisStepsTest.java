package org.vaerepro.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.vaerepro.io.Json;
import org.vaerepro.regression.Judgement;
import org.vaerepro.regression.PeerCurveComparison;
import org.vaerepro.regression.StoppingRuleStudy;
import org.vaerepro.train.ValidationReport;

/**
 * The session steps behind vae:compare, vae:compare-peer, vae:stopping-rule and vae:export on hand-written results:
 * what each writes, where, and the error when what it needs is missing.
 */
class AnalysisStepsTest {
    @TempDir
    Path dir;

    private Path suiteFile(String side, int epochs) {
        return Fixtures.suite(dir.resolve(side + "/suites/analysed.json"), """
                {"suite": "analysed", "defaults": {"dataset": "mnist", "architecture": "vae", "epochs": %d, "seed": 1,
                 "seeds": 2, "validation": 500, "patience": 2, "minDelta": 0.1},
                 "experiments": [{"id": "d2", "latentDim": 2}, {"id": "d10", "latentDim": 10}]}
                """.formatted(epochs)).file();
    }

    /** Every run of the suite, current, with a 12-epoch validation curve falling as a power law. */
    private void write(Path suiteFile, Path output, double offset) {
        Suite suite = new SuiteParser().parse(suiteFile);
        OutputLayout layout = new OutputLayout(output);
        for (Run run : Suite.runs(suite.experiments())) {
            List<ValidationReport> curve = new ArrayList<>();
            for (int epoch = 1; epoch <= 12; epoch++) {
                double wiggle = (epoch + run.seed()) % 2 == 0 ? 0.05 : -0.05;
                curve.add(Fixtures.validation(100 + 20 * Math.pow(epoch, -0.7) + wiggle + run.seed() * 0.1,
                        14 + run.experiment().training().latentDim() * 0.1 + run.seed() * 0.05 + offset, 0.1));
            }
            Fixtures.writeResult(layout, suite, run, 14 + run.experiment().training().latentDim() * 0.5 + run.seed() * 0.1
                    + offset, 0.1 - run.seed() * 0.01, null, curve);
        }
    }

    private SuiteSession session(Path suiteFile, Path output) {
        return new SuiteSession(SessionSettings.readingResults(suiteFile, output, 0, null, dir), line -> { });
    }

    @Test
    void compareJudgesTheSuiteAgainstAnotherSuitesResultsInTheirOwnFolder() throws Exception {
        Path now = suiteFile("new", 4);
        Path old = suiteFile("old", 3);
        write(now, dir.resolve("new/results"), 0.3);
        write(old, dir.resolve("old/results"), 0);
        SuiteSession session = session(now, dir.resolve("new/results"));

        Judgement judgement = session.compare(old, dir.resolve("old/results"));
        assertEquals(judgement, Judgement.read(session.layout().judgement("analysed")), "the comparison is in the file");
        assertEquals(old.toString(), judgement.comparison().otherFile());
        assertEquals(2, judgement.comparison().rows().size());
        assertEquals("epochs 3 → 4", judgement.comparison().rows().get(0).changes().get(0).toString());
        assertEquals(0.3, judgement.comparison().rows().get(0).pairedPsnr().differences().mean(), 1e-9);
        assertEquals(1, judgement.comparison().steps().size());
        assertEquals(null, session.judge(SuiteSession.GateFiles.DEFAULT).comparison(),
                "judging alone compares with the suite's own comparedWith (none)");

        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> session.compare(old, dir.resolve("elsewhere")));
        assertTrue(missing.getMessage().contains("no results of suite analysed to compare with"), missing.getMessage());
    }

    @Test
    void theStoppingRuleStudyOfTheSelectionIsWrittenWhereAsked() throws Exception {
        Path file = suiteFile("new", 12);
        write(file, dir.resolve("out"), 0);
        Path study = dir.resolve("study/stopping.json");
        StoppingRuleStudy written = session(file, dir.resolve("out")).studyStoppingRule(new StoppingRuleStudy.Parameters(
                0.1, List.of(12, 30), List.of(2, 4), 3, 2, 50, 100, 1), study);
        JsonNode json = Json.mapper().readTree(study.toFile());
        assertEquals(StoppingRuleStudy.FORMAT.kind(), json.get("format").get("kind").asText());
        assertEquals(4, json.get("runs").size(), "two experiments, two seeds each");
        assertEquals(4, json.get("rules").size(), "two maxima, two patiences");
        assertEquals(written.rules().get(0).meanStop(), json.get("rules").get(0).get("meanStop").asDouble(), 0);
    }

    @Test
    void peerCurvesAreComparedForEachExperimentWithAPeerFile() throws Exception {
        Path file = suiteFile("new", 12);
        write(file, dir.resolve("out"), 0);
        Path peers = Files.createDirectories(dir.resolve("peer"));
        SuiteSession session = session(file, dir.resolve("out"));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> session.comparePeerCurves(peers, dir.resolve("comparison")));
        assertTrue(none.getMessage().contains("expected <experiment id>.json for one of [d2.json, d10.json]"),
                none.getMessage());

        StringBuilder seeds = new StringBuilder();
        for (int seed = 1; seed <= 2; seed++) {
            seeds.append(seed == 1 ? "" : ",").append("\"").append(seed).append("\": [");
            for (int epoch = 1; epoch <= 10; epoch++) {
                seeds.append(epoch == 1 ? "" : ",").append("{\"validation\": {\"loss\": ")
                        .append(100 + 20 * Math.pow(epoch, -0.7) + seed * 0.2).append(", \"psnr\": ")
                        .append(14.2 + seed * 0.03).append(", \"lpips\": 0.1}}");
            }
            seeds.append("]");
        }
        Files.writeString(peers.resolve("d10.json"), "{\"framework\": \"peer\", \"command\": \"peer.py\", \"seeds\": {"
                + seeds + "}}");
        List<PeerCurveComparison> compared = session.comparePeerCurves(peers, dir.resolve("comparison"));
        assertEquals(List.of("d10"), compared.stream().map(PeerCurveComparison::experiment).toList());
        assertEquals(10, compared.get(0).epochs().size(), "the peer's 10 epochs, the shorter side");
        JsonNode json = Json.mapper().readTree(dir.resolve("comparison/d10.json").toFile());
        assertEquals("../peer/d10.json", json.get("peerFile").asText(), "named relative to the comparison");
        assertEquals(30, json.get("tests").asInt());
    }

    @Test
    void theCurrentRunsAreExportedToTheFolderNamed() throws Exception {
        Path file = suiteFile("new", 12);
        write(file, dir.resolve("out"), 0);
        Path list = session(file, dir.resolve("out")).exportCurrentRuns(dir.resolve("export"));
        assertEquals(dir.resolve("export/runs.json"), list);
        assertEquals(4, Json.mapper().readTree(list.toFile()).get("runs").size());
    }
}
