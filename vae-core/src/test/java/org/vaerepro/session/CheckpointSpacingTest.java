package org.vaerepro.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaerepro.experiment.ExperimentResult;
import org.vaerepro.experiment.Shard;
import org.vaerepro.SharedData;
import org.vaerepro.model.ArrayArchive;
import org.vaerepro.train.Checkpoint;

/**
 * The suite field {@code checkpointEverySteps} reaches the trainer: a run lost mid-epoch resumes from its last
 * mid-epoch checkpoint, not from the start of the epoch, and ends as an uninterrupted run does.
 */
class CheckpointSpacingTest {
    @TempDir
    Path dir;

    @Test
    void aRunLostMidEpochResumesFromItsLastMidEpochCheckpoint() throws Exception {
        Path suiteFile = Files.writeString(dir.resolve("spaced.json"), """
                {"suite": "spaced", "defaults": {"dataset": "mnist", "architecture": "ae", "latentDim": 2, "seed": 1,
                  "epochs": 1, "batchSize": 32, "trainSubset": 320, "testSubset": 50, "checkpointEverySteps": 2},
                 "experiments": [{"id": "a"}]}
                """);
        Path straightOut = dir.resolve("straight");
        assertTrue(session(suiteFile, straightOut, line -> { }).reproduce().failures().isEmpty());

        Path out = dir.resolve("lost");
        List<RunFailure> failures = session(suiteFile, out, line -> {
            if (line.startsWith("[a] epoch 1 step 6/10")) { // after step 6 is taken, before its checkpoint
                throw new IllegalStateException("simulated loss of the worker");
            }
        }).train().failures();
        assertEquals(1, failures.size(), failures.toString());
        Path checkpoint = out.resolve("spaced/a/" + "checkpoint.ckpt");
        assertEquals(4, ArrayArchive.read(checkpoint, Checkpoint.FORMAT).manifest().at("/state/stepInEpoch").asInt(),
                "the last checkpoint is the one after step 4, in the middle of the first epoch");

        List<String> log = new ArrayList<>();
        assertTrue(session(suiteFile, out, log::add).reproduce().failures().isEmpty(), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("[a] resuming from " + checkpoint)), log.toString());
        assertEquals(ExperimentResult.read(straightOut.resolve("spaced/a/metrics.json")).metrics(),
                ExperimentResult.read(out.resolve("spaced/a/metrics.json")).metrics());
    }

    private static SuiteSession session(Path suiteFile, Path out, java.util.function.Consumer<String> log) {
        return new SuiteSession(new SessionSettings(suiteFile, out, List.of(), Shard.ALL, 0, SharedData.dataDir(), null,
                out.resolve("home"), false, SharedData.lpipsWeights(), null, false, 1, Parallelism.SERIAL), log);
    }
}
