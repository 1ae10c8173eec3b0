package org.vaerepro.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaerepro.SharedData;
import org.vaerepro.experiment.ExperimentResult;
import org.vaerepro.experiment.Shard;

/**
 * Reproducing a suite again neither retrains nor re-evaluates a run that is finished with its spec (model
 * present, metrics measured with the same training and evaluation fields); a changed evaluation field
 * re-evaluates without retraining, and evaluating alone always measures again.
 */
class FinishedRunTest {
    @TempDir
    Path dir;

    @Test
    void aFinishedRunIsNotEvaluatedTwice() throws Exception {
        String suite = """
                {"suite": "done", "defaults": {"dataset": "mnist", "architecture": "ae", "latentDim": 2, "seed": 1,
                  "epochs": 1, "trainSubset": 256, "testSubset": TEST},
                 "experiments": [{"id": "a"}]}
                """;
        Path suiteFile = Files.writeString(dir.resolve("done.json"), suite.replace("TEST", "50"));
        Path metrics = dir.resolve("out/done/a/metrics.json");
        assertTrue(session(suiteFile, new ArrayList<>()).reproduce().failures().isEmpty());
        String first = Files.readString(metrics);

        List<String> again = new ArrayList<>();
        assertTrue(session(suiteFile, again).reproduce().failures().isEmpty(), again.toString());
        assertEquals(List.of("[a] already trained with this spec, skipping",
                "[a] already evaluated with this spec, skipping evaluation"),
                again.stream().filter(l -> l.startsWith("[a]")).toList());
        assertEquals(first, Files.readString(metrics), "metrics.json (with its recordedAt) is left as it was");

        // An evaluation field changed: evaluated again on the new test subset, the model kept.
        Files.writeString(suiteFile, suite.replace("TEST", "60"));
        List<String> changed = new ArrayList<>();
        assertTrue(session(suiteFile, changed).reproduce().failures().isEmpty(), changed.toString());
        assertTrue(changed.contains("[a] already trained with this spec, skipping"), changed.toString());
        assertEquals(60, ExperimentResult.read(metrics).metrics().testImages());

        // Evaluating alone measures again even when nothing changed (same numbers: evaluation is deterministic).
        String beforeEvaluate = Files.readString(metrics);
        double psnr = ExperimentResult.read(metrics).metrics().psnr();
        assertTrue(session(suiteFile, new ArrayList<>()).evaluate().failures().isEmpty());
        assertNotEquals(beforeEvaluate, Files.readString(metrics), "evaluationSeconds and the provenance's time change");
        assertEquals(psnr, ExperimentResult.read(metrics).metrics().psnr(), 0.0);
    }

    private SuiteSession session(Path suiteFile, List<String> log) {
        return new SuiteSession(new SessionSettings(suiteFile, dir.resolve("out"), List.of(), Shard.ALL, 0,
                SharedData.dataDir(), null, dir, false, SharedData.lpipsWeights(), null, false, 0, Parallelism.SERIAL),
                log::add);
    }
}
