package org.vaerepro.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaerepro.Fixtures;
import org.vaerepro.SharedData;
import org.vaerepro.io.AtomicFiles;
import org.vaerepro.io.FileFormat;
import org.vaerepro.io.Json;
import org.vaerepro.model.ArrayArchive;
import org.vaerepro.model.AutoencoderModel;
import org.vaerepro.model.LikelihoodExport;
import org.vaerepro.model.LikelihoodReport;
import org.vaerepro.model.ModelFile;

/**
 * The exports for programs outside the JVM pick runs by their status, as the page does: a stale run is in neither, a
 * snapshot is listed but has no model to export, a run already checked is not exported again.
 */
class RunExportsTest {
    private static final LikelihoodReport.Estimate ESTIMATE = new LikelihoodReport.Estimate(100, 2);
    private static final LikelihoodReport LIKELIHOOD = new LikelihoodReport("bernoulli", 3, 4, 784, 11, ESTIMATE,
            ESTIMATE, ESTIMATE, ESTIMATE, ESTIMATE, ESTIMATE, 0.2, 0.2, 0.2, List.of(98.0, 100.0, 102.0));
    @TempDir
    Path dir;

    private Suite suite(String name, String extra) {
        return Fixtures.suite(dir.resolve("suites/" + name + ".json"), """
                {"suite": "%s",%s
                 "defaults": {"dataset": "mnist", "architecture": "vae", "epochs": 1, "seed": 1, "seeds": 2},
                 "experiments": [{"id": "a", "latentDim": 2}, {"id": "b", "architecture": "ae", "latentDim": 3}]}
                """.formatted(name, extra));
    }

    private OutputLayout layout() {
        return new OutputLayout(dir.resolve("out"));
    }

    /** a/seed-1: current with a likelihood report and its model; a/seed-2: a snapshot; b/seed-1: no likelihood; b/seed-2: stale. */
    private Suite written() throws Exception {
        Suite base = suite("base", "");
        Fixtures.writeResult(layout(), base, Suite.runs(base.experiments()).get(0), 14, 0.1, null);
        Suite suite = suite("exports", " \"comparedWith\": \"base.json\",");
        List<Run> runs = Suite.runs(suite.experiments());
        for (Run run : runs.subList(0, 2)) {
            ExperimentResult plain = Fixtures.result(suite, run.spec(), 14, 0.1, null);
            ExperimentMetrics m = plain.metrics();
            ExperimentMetrics withLikelihood = new ExperimentMetrics(m.testImages(), m.psnr(), m.psnrPooled(), m.ssim(),
                    m.lpips(), m.lpipsSmallImages(), m.lpipsByPolicy(), m.testReconstructionLoss(), m.testKl(),
                    m.activeUnits(), m.knnAccuracy(), m.linearProbeAccuracy(), m.silhouette(),
                    m.latentPlotExplainedVariance(), m.byProtocol(), LIKELIHOOD);
            AtomicFiles.writeJson(layout().run(suite, run).metricsFile(), new ExperimentResult(plain.suite(), plain.spec(),
                    withLikelihood, plain.training(), plain.images(), plain.evaluationSeconds(), plain.provenance(),
                    plain.convergence()));
        }
        AutoencoderModel model = AutoencoderModel.create(ExperimentTrainer.modelConfig(runs.get(0).spec()), 1);
        ModelFile.save(layout().run(suite, runs.get(0)).modelFile(), model, Fixtures.provenance("a".repeat(64),
                "b".repeat(64), 1, 1.0));
        Fixtures.writeResult(layout(), suite, runs.get(2), 15, 0.09, null);
        AtomicFiles.writeJson(layout().run(suite, runs.get(3)).metricsFile(), Fixtures.result(suite,
                Fixtures.declaredOtherwise(runs.get(3).spec(), "{\"epochs\": 5}"), 30, 0.01, null));
        return suite;
    }

    @Test
    void theCurrentRunsAreListedWithTheirFolders() throws Exception {
        Suite suite = written();
        Path file = CurrentRunsExport.of(SuiteResults.read(suite, layout()), layout()).write(dir.resolve("list"));
        JsonNode list = Json.mapper().readTree(file.toFile());
        assertEquals(CurrentRunsExport.FORMAT, Json.mapper().treeToValue(list.get("format"), FileFormat.class));
        List<String> listed = new ArrayList<>();
        list.get("runs").forEach(run -> listed.add(run.get("experiment").asText() + "/" + run.get("seed").asLong()
                + (run.get("snapshot").asBoolean() ? " snapshot" : "")));
        assertEquals(List.of("a/1", "a/2 snapshot", "b/1 snapshot"), listed, "the stale b/seed-2 is left out");
        assertEquals(layout().run(suite, Suite.runs(suite.experiments()).get(0)).directory().toAbsolutePath()
                .normalize().toString(), list.get("runs").get(0).get("folder").asText());
    }

    @Test
    void theLikelihoodExportWritesTheModelImagesAndNoiseOfEachCurrentRunWithAModel() throws Exception {
        Suite suite = written();
        Path exports = dir.resolve("exports");
        ExperimentDatasets datasets = new ExperimentDatasets(SharedData.repository());
        List<String> log = new ArrayList<>();
        SuiteResults compared = SuiteResults.read(new SuiteParser().parse(suite.comparedWith()), layout());
        LikelihoodRunExport export = LikelihoodRunExport.export(SuiteResults.read(suite, layout()), compared, layout(),
                datasets, exports, dir.resolve("not-yet.json"), log::add);

        assertEquals(List.of("a_seed-1", "a_seed-2"), export.runs().stream().map(LikelihoodRunExport.Listed::run)
                .toList(), "current runs with a likelihood report");
        LikelihoodRunExport.Listed first = export.runs().get(0);
        Path zip = exports.resolve("a_seed-1.zip");
        assertEquals(zip.toString(), first.exported());
        assertEquals(layout().run(compared.suite(), Suite.runs(compared.suite().experiments()).get(0)).directory()
                .toAbsolutePath().normalize().toString(), first.compared(), "the same run, current in the compared suite");
        assertEquals("no: model.zip is not in the folder", export.runs().get(1).exported());
        assertNull(export.runs().get(1).compared(), "seed 2 has no current run in the compared suite");
        assertEquals(1, log.size(), log.toString());

        ArrayArchive.Contents contents = ArrayArchive.read(zip, new FileFormat(LikelihoodExport.KIND, 1));
        assertEquals(LIKELIHOOD.noiseSeed(), contents.manifest().get("seed").asLong());
        assertEquals(LIKELIHOOD.samples(), contents.manifest().get("samples").asInt());
        assertEquals(LIKELIHOOD, Json.mapper().treeToValue(contents.manifest().get("java"), LikelihoodReport.class));
        INDArray images = contents.arrays().get("images");
        assertArrayEquals(new long[] {3, 1, 28, 28}, images.shape(), "the report's 3 test images");
        assertEquals(datasets.testSet(suite.experiments().get(0)).range(0, 3).images().castTo(images.dataType()),
                images);
        assertArrayEquals(new long[] {12, 2}, contents.arrays().get("eps").shape(), "3 images x 4 samples, d = 2");
        JsonNode written = Json.mapper().readTree(exports.resolve(LikelihoodRunExport.FILE).toFile());
        assertEquals(LikelihoodRunExport.FORMAT.kind(), written.get("format").get("kind").asText());

        Files.writeString(dir.resolve("checked.json"), "{\"cases\": {\"a_seed-1\": {\"run\": \"...\"}}}");
        LikelihoodRunExport again = LikelihoodRunExport.export(SuiteResults.read(suite, layout()), null, layout(),
                datasets, dir.resolve("again"), dir.resolve("checked.json"), log::add);
        assertTrue(again.runs().get(0).exported().startsWith("no: its case is already in"),
                again.runs().get(0).exported());
        assertTrue(Files.notExists(dir.resolve("again/a_seed-1.zip")));
    }
}
