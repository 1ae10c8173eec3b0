package org.vaerepro.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaerepro.Fixtures;
import org.vaerepro.io.AtomicFiles;
import org.vaerepro.io.Json;
import org.vaerepro.model.ArrayArchive;
import org.vaerepro.model.ModelDigest;
import org.vaerepro.train.EpochReport;
import org.vaerepro.train.TrainingResult;

/**
 * The one answer to "is this result current?", on hand-written run folders: which changes retrain, which
 * re-evaluate, and which (judgement and execution fields) change nothing.
 */
class RunStatusTest {
    @TempDir
    Path dir;

    private ExperimentSpec spec() throws Exception {
        Path file = Files.writeString(dir.resolve("s.json"), """
                {"suite": "s", "experiments": [{"id": "a", "dataset": "mnist", "architecture": "vae", "latentDim": 2,
                  "epochs": 1, "seed": 1, "reported": {"psnr": 13.0, "lpips": 0.25, "source": "table"}}]}
                """);
        return new SuiteParser().parse(file).experiments().get(0);
    }

    private RunFolder folder() {
        return new RunFolder(dir.resolve("out/a"));
    }

    /** A folder trained with {@code trained} (model file present unless {@code snapshot}) and evaluated with {@code evaluated}. */
    private RunFolder trained(ExperimentSpec trained, ExperimentSpec evaluated, boolean snapshot) throws Exception {
        RunFolder folder = folder();
        folder.prepareForTraining(trained);
        if (!snapshot) {
            Files.writeString(folder.modelFile(), "a model");
        }
        if (evaluated != null) {
            AtomicFiles.writeJson(folder.metricsFile(), result(evaluated));
        }
        return folder;
    }

    private static ExperimentResult result(ExperimentSpec evaluated) {
        return new ExperimentResult("s", evaluated,
                new ExperimentMetrics(100, 14, 14, 0.5, 0.2, "resize", Map.of(), 1, 1, 2, 0.5, 0.5, 0.1, 1, Map.of(), null),
                List.of(new EpochReport(0, 1, 1, 0, 10, 100, null)), Map.of(), 5,
                Fixtures.provenance("1".repeat(64), "2".repeat(64), 1, 40), null);
    }

    @Test
    void aFolderWithNothingInItIsNotRun() throws Exception {
        RunStatus status = folder().status(spec());
        assertInstanceOf(RunStatus.NotRun.class, status);
        assertTrue(status.needsTraining() && status.needsEvaluation());
        assertEquals("not run", status.describe());
        assertEquals("not run", status.word());
    }

    @Test
    void aTrainedAndEvaluatedRunIsCurrent() throws Exception {
        ExperimentSpec spec = spec();
        RunStatus status = trained(spec, spec, false).status(spec);
        RunStatus.Current current = assertInstanceOf(RunStatus.Current.class, status);
        assertFalse(current.snapshot());
        assertFalse(status.needsTraining() || status.needsEvaluation());
        assertSame(current.result(), status.lastResult());
        assertEquals("current", status.word());
        assertEquals("current", status.describe());
    }

    /** Issue #25 item 1: reported values, and so any judgement field, never make a result stale. */
    @Test
    void changingTheReportedValuesOrTheCheckpointSpacingChangesNothing() throws Exception {
        ExperimentSpec spec = spec();
        RunFolder folder = trained(spec, spec, false);
        ExperimentSpec reportedOtherwise = Fixtures.declaredOtherwise(spec,
                "{\"reported\": {\"psnr\": 15.0, \"lpips\": 0.1, \"source\": \"another table\"}}");
        assertInstanceOf(RunStatus.Current.class, folder.status(reportedOtherwise));
        assertInstanceOf(RunStatus.Current.class, folder.status(Fixtures.declaredOtherwise(spec, "{\"reported\": null}")));
        assertInstanceOf(RunStatus.Current.class, folder.status(Fixtures.declaredOtherwise(spec, "{\"checkpointEverySteps\": 50}")));
        // Nor does training again wipe the folder for them.
        assertFalse(folder.prepareForTraining(reportedOtherwise).continuing());
        assertTrue(Files.isRegularFile(folder.metricsFile()) && Files.isRegularFile(folder.modelFile()));
    }

    @Test
    void anEvaluationFieldReEvaluatesTheModelInTheFolder() throws Exception {
        ExperimentSpec spec = spec();
        ExperimentSpec declared = Fixtures.declaredOtherwise(spec, "{\"testSubset\": 500, \"lpipsSmallImages\": \"pad\"}");
        RunStatus status = trained(spec, spec, false).status(declared);
        RunStatus.NeedsEvaluation stale = assertInstanceOf(RunStatus.NeedsEvaluation.class, status);
        assertFalse(status.needsTraining());
        assertEquals("stale: evaluated with other evaluation fields (testSubset 0 → 500, lpipsSmallImages \"resize\" → "
                + "\"pad\")", status.describe());
        assertEquals(List.of("testSubset", "lpipsSmallImages"), stale.changes().stream().map(SpecChange::field).toList());
        assertEquals(spec, stale.earlier().spec());
        assertSame(stale.earlier(), status.lastResult(), "the earlier result is shown, marked stale");
        assertEquals("needs evaluation", status.word());

        Files.delete(folder().metricsFile());
        RunStatus notYet = folder().status(spec);
        assertInstanceOf(RunStatus.NeedsEvaluation.class, notYet);
        assertEquals("trained, not evaluated yet", notYet.describe());
    }

    @Test
    void aTrainingOrStoppingFieldOrTheSeedRetrainsNamingWhatChanged() throws Exception {
        ExperimentSpec spec = spec();
        RunFolder folder = trained(spec, spec, false);
        RunStatus epochs = folder.status(Fixtures.declaredOtherwise(spec, "{\"epochs\": 3, \"beta\": 0.5}"));
        RunStatus.NeedsTraining stale = assertInstanceOf(RunStatus.NeedsTraining.class, epochs);
        assertEquals("stale: trained with other training fields (beta 1.0 → 0.5, epochs 1 → 3)", epochs.describe());
        assertEquals(spec, stale.lastResult().spec(), "the earlier result is kept to be shown as stale");
        assertTrue(epochs.needsTraining());
        assertEquals("needs training", epochs.word());
        assertTrue(folder.status(Fixtures.declaredOtherwise(spec, "{\"seed\": 2, \"seeds\": [2]}")).describe().contains("seed 1 → 2"));
        // Other images on the step curve can only be measured while training.
        assertEquals("stale: trained with other training fields (curveTestOffset 0 → 1, curveTestStride 1 → 2)",
                folder.status(Fixtures.declaredOtherwise(spec, "{\"curveTestOffset\": 1, \"curveTestStride\": 2}"))
                        .describe());
    }

    @Test
    void anotherTestStrideReEvaluatesWithoutRetraining() throws Exception {
        ExperimentSpec spec = spec();
        RunStatus status = trained(spec, spec, false).status(Fixtures.declaredOtherwise(spec, "{\"testStride\": 2}"));
        assertInstanceOf(RunStatus.NeedsEvaluation.class, status);
        assertEquals("stale: evaluated with other evaluation fields (testStride 1 → 2)", status.describe());
    }

    @Test
    void aResultsSnapshotIsCurrentUntilSomethingItCannotMeasureAgainChanges() throws Exception {
        ExperimentSpec spec = spec();
        RunFolder folder = trained(spec, spec, true);
        RunStatus.Current current = assertInstanceOf(RunStatus.Current.class, folder.status(spec));
        assertTrue(current.snapshot());
        // Re-evaluating needs the model, which a snapshot does not keep: it is trained again.
        RunStatus evaluation = folder.status(Fixtures.declaredOtherwise(spec, "{\"testSubset\": 500}"));
        assertInstanceOf(RunStatus.NeedsTraining.class, evaluation);
        assertEquals("stale: evaluated with other evaluation fields (testSubset 0 → 500) and its model file is not "
                + "here, so it is trained again", evaluation.describe());
    }

    @Test
    void anUnreadableResultIsNamedAndSaysWhetherTheModelCanBeMeasuredAgain() throws Exception {
        ExperimentSpec spec = spec();
        RunFolder folder = trained(spec, null, false);
        Files.writeString(folder.metricsFile(), "{ truncated");
        RunStatus.Unreadable unreadable = assertInstanceOf(RunStatus.Unreadable.class, folder.status(spec));
        assertTrue(unreadable.trained() && !unreadable.needsTraining());
        assertTrue(unreadable.describe().startsWith("unreadable metrics.json: "), unreadable.describe());
        assertEquals("unreadable", unreadable.word());
    }

    /** A results folder copied without its training-spec.json: its result alone says how it was trained. */
    @Test
    void aResultWithoutItsTrainingSpecIsStaleWhenItsTrainingFieldsChanged() throws Exception {
        ExperimentSpec spec = spec();
        RunFolder folder = folder();
        AtomicFiles.writeJson(folder.metricsFile(), result(spec));
        assertInstanceOf(RunStatus.Current.class, folder.status(spec));
        RunStatus status = folder.status(Fixtures.declaredOtherwise(spec, "{\"epochs\": 3}"));
        RunStatus.NeedsTraining stale = assertInstanceOf(RunStatus.NeedsTraining.class, status);
        assertEquals("stale: trained with other training fields (epochs 1 → 3)", status.describe());
        assertEquals(spec, stale.earlier().spec());
    }

    @Test
    void aSuitesSummariesSeeOnlyItsCurrentRunsInSeedOrder() throws Exception {
        Path file = Files.writeString(dir.resolve("two.json"), """
                {"suite": "two", "experiments": [{"id": "a", "dataset": "mnist", "architecture": "vae", "latentDim": 2,
                  "epochs": 1, "seed": 1, "seeds": [1, 2]}, {"id": "b", "dataset": "mnist", "architecture": "ae",
                  "latentDim": 2, "epochs": 1, "seed": 1}]}
                """);
        Suite suite = new SuiteParser().parse(file);
        ExperimentSpec experiment = suite.experiments().get(0);
        OutputLayout layout = new OutputLayout(dir.resolve("out"));
        List<Run> runs = Suite.runs(suite.experiments());
        AtomicFiles.writeJson(layout.run(suite, runs.get(1)).metricsFile(), result(runs.get(1).spec()));
        SuiteResults results = SuiteResults.read(suite, layout);
        assertEquals(runs.subList(0, 2), results.runs(experiment), "a's two runs, not b's");
        assertInstanceOf(RunStatus.NotRun.class, results.status(runs.get(0)));
        assertEquals(List.of(runs.get(1).spec()), results.current(experiment).stream().map(ExperimentResult::spec)
                .toList(), "seed 1 has no result, so only seed 2 counts");
        IllegalArgumentException unknown = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> results.status(new Run(spec(), 1)));
        assertTrue(unknown.getMessage().startsWith("suite two has no run"), unknown.getMessage());
    }

    /** Training again under changed training fields clears the old model and result before it starts. */
    @Test
    void anOldModelNeverPassesForARetrainedSpec() throws Exception {
        ExperimentSpec spec = spec();
        RunFolder folder = trained(spec, spec, false);
        ExperimentSpec longer = Fixtures.declaredOtherwise(spec, "{\"epochs\": 3}");
        assertFalse(folder.prepareForTraining(longer).continuing());
        assertFalse(Files.exists(folder.modelFile()) || Files.exists(folder.metricsFile()));
        assertStartedNotFinished(folder.status(longer));
    }

    @Test
    void aModelFileThatDiffersFromWhatTrainingJsonRecordsIsDamagedAndItsMetricsAreNotCurrent() throws Exception {
        ExperimentSpec spec = spec();
        RunFolder folder = trained(spec, spec, false);
        TrainingResult result = new TrainingResult(List.of(new EpochReport(0, 1, 1, 0, 10, 100, null)), 4, 1.0, false,
                null, List.of());
        AtomicFiles.writeJson(folder.trainingFile(), new TrainingRecord(result, Fixtures.provenance("1".repeat(64),
                "2".repeat(64), 1, 40), ModelDigest.of(folder.modelFile())));
        assertInstanceOf(RunStatus.Current.class, folder.status(spec));

        Files.writeString(folder.modelFile(), "a modem"); // same size, another SHA-256
        RunStatus.ModelDamaged damaged = assertInstanceOf(RunStatus.ModelDamaged.class, folder.status(spec));
        assertTrue(damaged.needsTraining() && damaged.needsEvaluation());
        assertEquals(spec, damaged.lastResult().spec(), "the earlier result is kept to be shown as stale");
        assertTrue(damaged.describe().startsWith("model.zip is damaged (SHA-256 "), damaged.describe());

        // A version 2 training.json records no digest: the zip's own checks judge the file.
        ObjectNode older = (ObjectNode) Json.mapper().readTree(folder.trainingFile().toFile());
        older.remove("model");
        ((ObjectNode) older.get("format")).put("version", 2);
        AtomicFiles.writeJson(folder.trainingFile(), older);
        assertEquals(result, TrainingRecord.read(folder.trainingFile()).result());
        assertTrue(folder.status(spec).describe().startsWith("model.zip is damaged (not a complete zip: "),
                folder.status(spec).describe());
        ArrayArchive.write(folder.modelFile(), Json.mapper().createObjectNode(), Map.of());
        assertInstanceOf(RunStatus.Current.class, folder.status(spec));
    }

    @Test
    void aRunThatStartedTrainingIsNotYetCurrent() throws Exception {
        ExperimentSpec spec = spec();
        RunFolder folder = folder();
        folder.prepareForTraining(spec);
        Files.writeString(folder.checkpointFile(), "a checkpoint");
        assertStartedNotFinished(folder.status(spec));
    }

    private static void assertStartedNotFinished(RunStatus status) {
        assertInstanceOf(RunStatus.NeedsTraining.class, status);
        assertEquals("training started, not finished", status.describe());
    }

    @Test
    void theSpecReadsBackFromItsFlatJsonAndOlderFilesReadTheirDefaults() throws Exception {
        ExperimentSpec spec = spec();
        ObjectNode json = (ObjectNode) Json.mapper().valueToTree(spec);
        assertEquals(List.of("id", "dataset", "trainSubset", "testSubset", "testOffset", "architecture", "latentDim",
                "loss", "beta", "epochs", "batchSize", "learningRate", "seed", "lpipsSmallImages", "reported", "seeds",
                "decoderDenseActivation", "validation", "patience", "minDelta", "checkpointEverySteps", "klReduction",
                "maxSteps", "curveSteps", "curveTestImages", "reconstructionReduction", "encoderChannels",
                "lpipsSmallImageRules", "lpipsScaling", "decoding", "psnrReduction", "likelihoodSamples", "likelihoodImages",
                "testStride", "curveTestOffset", "curveTestStride"),
                iterable(json), "one flat object, in the schema's order");
        assertEquals(spec, Json.mapper().treeToValue(json, ExperimentSpec.class));
        // A training-spec.json of version 2 held the evaluation and judgement fields as null, and no checkpoint spacing.
        json.putNull("lpipsSmallImages");
        json.putNull("reported");
        json.remove("checkpointEverySteps");
        // Files written before a field existed read its default.
        json.remove("lpipsSmallImageRules");
        json.remove("testStride");
        json.remove("curveTestOffset");
        json.remove("curveTestStride");
        ExperimentSpec older = Json.mapper().treeToValue(json, ExperimentSpec.class);
        assertEquals(spec.training(), older.training());
        assertEquals(spec.evaluation(), older.evaluation());
        assertTrue(RunStatus.trainedAs(older, spec));
    }

    private static List<String> iterable(ObjectNode json) {
        List<String> names = new java.util.ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
