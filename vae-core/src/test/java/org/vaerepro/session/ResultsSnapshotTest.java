package org.vaerepro.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * What reproducing a suite again skips. A results snapshot (a run folder with its metrics and curves but
 * without model and checkpoints, as committed under reproductions/results) is neither retrained nor
 * re-evaluated, so a long suite can be continued from committed results on a fresh machine; a changed spec
 * still retrains. A finished run with its model is not evaluated twice; a changed evaluation field
 * re-evaluates it without retraining, and evaluating alone always measures again.
 */
class ResultsSnapshotTest {
    @TempDir
    Path dir;

    @Test
    void aSnapshotIsKeptAndAChangedSpecRetrains() throws Exception {
        String suite = """
                {"suite": "snap", "defaults": {"dataset": "mnist", "architecture": "ae", "latentDim": 2, "seed": 1,
                  "epochs": EPOCHS, "trainSubset": 256, "testSubset": 50},
                 "experiments": [{"id": "a"}]}
                """;
        Path suiteFile = Files.writeString(dir.resolve("snap.json"), suite.replace("EPOCHS", "1"));
        Path run = dir.resolve("out/snap/a");
        assertTrue(session(suiteFile, new ArrayList<>()).reproduce().failures().isEmpty());
        String metrics = Files.readString(run.resolve("metrics.json"));
        for (String local : List.of("model.zip", "checkpoint.ckpt", "checkpoint.ckpt.previous")) {
            Files.deleteIfExists(run.resolve(local));
        }

        List<String> log = new ArrayList<>();
        assertTrue(session(suiteFile, log).reproduce().failures().isEmpty(), log.toString());
        assertEquals(List.of("[a] trained and evaluated with this spec (a results snapshot without its model file), skipping",
                "[a] already evaluated with this spec, skipping evaluation"),
                log.stream().filter(l -> l.startsWith("[a]")).toList());
        assertEquals(metrics, Files.readString(run.resolve("metrics.json")), "the snapshot is left as it was");
        assertFalse(Files.exists(run.resolve("model.zip")));

        // With workers: the snapshots are skipped before any worker starts (this launch could start none).
        Files.writeString(suiteFile, suite.replace("EPOCHS", "1").replace("[{\"id\": \"a\"}]", "[{\"id\": \"a\"}, {\"id\": \"b\"}]"));
        assertTrue(session(suiteFile, new ArrayList<>()).reproduce().failures().isEmpty());
        Files.deleteIfExists(dir.resolve("out/snap/b/model.zip"));
        Parallelism unstartable = new Parallelism(2, 1, new WorkerLaunch(Path.of(System.getProperty("java.home"), "bin",
                "java"), List.of(dir.resolve("no-such.jar")), List.of()));
        List<String> parallel = new ArrayList<>();
        assertTrue(session(suiteFile, parallel, unstartable).reproduce().failures().isEmpty(), parallel.toString());
        assertEquals(List.of("[a] trained and evaluated with this spec (a results snapshot without its model file), skipping",
                "[b] trained and evaluated with this spec (a results snapshot without its model file), skipping"),
                parallel.stream().filter(l -> l.startsWith("[")).toList());
        assertTrue(parallel.stream().noneMatch(l -> l.startsWith("workers:")), parallel.toString());

        Files.writeString(suiteFile, suite.replace("EPOCHS", "2"));
        List<String> changed = new ArrayList<>();
        assertTrue(session(suiteFile, changed).reproduce().failures().isEmpty(), changed.toString());
        assertTrue(changed.stream().anyMatch(l -> l.startsWith("[a] training ")), changed.toString());
        assertTrue(Files.exists(run.resolve("model.zip")));
    }

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
        return session(suiteFile, log, Parallelism.SERIAL);
    }

    private SuiteSession session(Path suiteFile, List<String> log, Parallelism parallelism) {
        return new SuiteSession(new SessionSettings(suiteFile, dir.resolve("out"), List.of(), Shard.ALL, 0,
                SharedData.dataDir(), null, dir, false, SharedData.lpipsWeights(), null, false, 0, parallelism),
                log::add);
    }
}
