package org.vaerepro.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaerepro.SharedData;
import org.vaerepro.experiment.Shard;
import org.vaerepro.experiment.TrainingRecord;

/**
 * A run's checkpoint survives a change to the fields that only decide when the run ends: raising the patience
 * continues a run that stopped early; a rule that would have ended it before the epochs it trained starts over.
 */
class StoppingChangesTest {
    @TempDir
    Path dir;

    @Test
    void raisingThePatienceContinuesAStoppedRunAndARuleThatEndsSoonerStartsOver() throws Exception {
        // minDelta so large that only the first epoch is ever a best: patience p stops the run after 1 + p epochs.
        Path suiteFile = Files.writeString(dir.resolve("stopping.json"), """
                {"suite": "stopping", "defaults": {"dataset": "mnist", "architecture": "vae", "latentDim": 2,
                  "epochs": 6, "batchSize": 64, "testSubset": 100, "seed": 1},
                 "experiments": [{"id": "s", "trainSubset": 320, "validation": 64, "patience": 1, "minDelta": 1e9}]}
                """);
        Path training = dir.resolve("out/stopping/s/training.json");
        List<String> log = train(suiteFile);
        TrainingRecord first = TrainingRecord.read(training);
        assertEquals(2, first.result().epochs().size());
        assertTrue(first.result().convergence().reason().startsWith("stopped early"), first.result().convergence().reason());

        Files.writeString(suiteFile, Files.readString(suiteFile).replace("\"patience\": 1", "\"patience\": 2"));
        log = train(suiteFile);
        assertTrue(log.contains("[s] patience 1 → 2: continuing from the checkpoint"), log.toString());
        TrainingRecord continued = TrainingRecord.read(training);
        assertTrue(continued.result().resumed());
        assertEquals(3, continued.result().epochs().size());
        assertEquals(first.result().epochs(), continued.result().epochs().subList(0, 2), "the first two epochs kept");

        // Back to patience 1: it would have stopped after 2 of the 3 epochs the checkpoint holds, so the run starts over.
        Files.writeString(suiteFile, Files.readString(suiteFile).replace("\"patience\": 2", "\"patience\": 1"));
        log = train(suiteFile);
        assertFalse(log.stream().anyMatch(l -> l.contains("continuing from the checkpoint") || l.contains("resuming")),
                log.toString());
        TrainingRecord again = TrainingRecord.read(training);
        assertFalse(again.result().resumed());
        assertEquals(first.result().convergence(), again.result().convergence());
        assertEquals(first.result().epochs().stream().map(e -> e.validation()).toList(),
                again.result().epochs().stream().map(e -> e.validation()).toList());
    }

    private List<String> train(Path suiteFile) {
        List<String> log = new ArrayList<>();
        SessionSettings settings = new SessionSettings(suiteFile, dir.resolve("out"), List.of(), Shard.ALL, 0,
                SharedData.dataDir(), null, dir, false, SharedData.lpipsWeights(), null, false, 0, Parallelism.SERIAL);
        assertTrue(new SuiteSession(settings, log::add).train().failures().isEmpty(), log.toString());
        return log;
    }
}
