package org.vaerepro.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaerepro.data.FileChecksums;
import org.vaerepro.experiment.Shard;
import org.vaerepro.regression.Baseline;
import org.vaerepro.regression.BaselineCheck;
import org.vaerepro.regression.DeviationKind;
import org.vaerepro.regression.ReferenceModel;
import org.vaerepro.SharedData;

/**
 * The baseline gate through the session on a tiny real suite: recorded with its trajectories and a reference model
 * rounded from a run, calibrated against a second output folder, checked clean, then failing on a damaged reference
 * model file with its path and SHA-256.
 */
class BaselineGateTest {
    @TempDir
    Path dir;

    private SessionSettings settings(Path suiteFile, Path out, int firstSeeds) {
        return new SessionSettings(suiteFile, out, List.of(), Shard.ALL, firstSeeds, SharedData.dataDir(), null,
                out.resolve("home"), false, SharedData.lpipsWeights(), null, false, 0, Parallelism.SERIAL);
    }

    @Test
    void recordedWithTrajectoriesAndAReferenceModelCheckedCleanAndFailingOnADamagedModelFile() throws Exception {
        Path suiteFile = Files.writeString(Files.createDirectories(dir.resolve("suites")).resolve("tiny.json"), """
                {"suite": "tiny",
                 "defaults": {"dataset": "mnist", "epochs": 1, "seed": 3, "seeds": 2, "trainSubset": 512,
                              "testSubset": 250, "batchSize": 64},
                 "experiments": [{"id": "vae-d2", "architecture": "vae", "latentDim": 2}]}
                """);
        List<String> log = new ArrayList<>();
        SuiteSession session = new SuiteSession(settings(suiteFile, dir.resolve("out"), 0), log::add);
        assertEquals(List.of(), session.reproduce().failures());
        Path file = session.defaultBaselineFile();
        assertEquals(dir.resolve("baselines/tiny.json"), file);

        // Another configuration's output folder: its first seed trained and checked against a first recording.
        Baseline first = session.recordBaseline(file, "record it", List.of(), List.of("vae-d2"));
        ReferenceModel reference = first.referenceModels().get("vae-d2");
        Path model = dir.resolve("baselines").resolve(reference.file());
        assertEquals("tiny-reference-models/vae-d2.zip", reference.file());
        assertEquals(FileChecksums.sha256(model), reference.sha256());
        assertEquals("vae-d2/seed-3", reference.source());
        SuiteSession other = new SuiteSession(settings(suiteFile, dir.resolve("other"), 1), log::add);
        assertEquals(List.of(), other.reproduce().failures());
        assertEquals(List.of(), other.checkBaseline(file).deviations());

        Baseline baseline = session.recordBaseline(file, "record it", List.of(dir.resolve("other")), List.of());
        assertEquals(reference.sha256(), baseline.referenceModels().get("vae-d2").sha256(), "kept, not rounded again");
        assertEquals(2, baseline.trajectory().measuredAcross().size(), baseline.trajectory().measuredAcross().toString());
        assertEquals(8, baseline.experiments().get("vae-d2").seeds().get(3L).firstSteps().size(), "an epoch of 8 steps");
        // The same configuration: nothing moved, every window is its floor.
        assertEquals(0.0, baseline.referenceModels().get("vae-d2").values().get("psnr/mean/per-image").spread());

        BaselineCheck.Outcome clean = session.checkBaseline(file);
        assertEquals(List.of(), clean.deviations());
        assertEquals(List.of(), clean.skipped());
        assertTrue(Files.isRegularFile(dir.resolve("out/tiny/baseline-check.json")));
        baseline.referenceModels().get("vae-d2").values().forEach((id, value) -> assertEquals(value.value(),
                clean.referenceMeasurements().get("vae-d2").get(id), 0.0, id + " is measured to the same bits"));

        byte[] bytes = Files.readAllBytes(model);
        Files.write(model, Arrays.copyOf(bytes, bytes.length - 100));
        List<BaselineCheck.Deviation> damaged = session.baselineDeviations(file);
        assertEquals(1, damaged.size(), damaged.toString());
        assertEquals(DeviationKind.REFERENCE_MODEL, damaged.get(0).check());
        assertTrue(damaged.get(0).toString().startsWith("reference model vae-d2: [reference-model] reference model file "
                + model + " has SHA-256 " + FileChecksums.sha256(model) + ", the baseline recorded "
                + reference.sha256()), damaged.get(0).toString());
    }
}
