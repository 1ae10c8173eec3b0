package org.vaerepro.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaerepro.experiment.Shard;
import org.vaerepro.SharedData;
import org.vaerepro.experiment.PreflightException;

/** Every input a suite needs is located and validated before any training starts; all problems at once. */
class PreflightTest {
    @TempDir
    Path dir;

    private Path suite() throws Exception {
        return Files.writeString(dir.resolve("pre.json"), """
                {"suite": "pre", "defaults": {"epochs": 1, "seed": 1, "trainSubset": 256, "testSubset": 100},
                 "experiments": [
                   {"id": "m", "dataset": "mnist", "architecture": "ae", "latentDim": 2},
                   {"id": "c", "dataset": "cifar10", "architecture": "ae", "latentDim": 8}]}
                """);
    }

    @Test
    void missingLpipsWeightsFailBeforeAnyTraining() throws Exception {
        Path out = dir.resolve("out");
        Path weights = dir.resolve("no-such-weights.npz");
        SessionSettings settings = new SessionSettings(suite(), out, List.of(), Shard.ALL, 0, SharedData.dataDir(), null,
                dir.resolve("home"), false, weights, null, false, 0, Parallelism.SERIAL);
        List<String> log = new ArrayList<>();
        PreflightException error = assertThrows(PreflightException.class, () -> new SuiteSession(settings, log::add)
                .reproduce());
        assertEquals(1, error.problems().size(), error.getMessage());
        assertTrue(error.getMessage().contains(weights.toString()) && error.getMessage().contains("lpipsWeights"),
                error.getMessage());
        assertFalse(Files.exists(out.resolve("pre")), "nothing may be trained before the preflight passes");
        assertTrue(log.stream().noneMatch(l -> l.contains("training")), log.toString());
    }

    @Test
    void everyMissingDatasetAndTheWeightsAreNamedTogether() throws Exception {
        Path weights = dir.resolve("no-such-weights.npz");
        SessionSettings settings = new SessionSettings(suite(), dir.resolve("out"), List.of(), Shard.ALL, 0, dir.resolve("empty"),
                null, dir.resolve("home"), false, weights, null, false, 0, Parallelism.SERIAL);
        PreflightException error = assertThrows(PreflightException.class, () -> new SuiteSession(settings, l -> { })
                .reproduce());
        assertEquals(3, error.problems().size(), error.getMessage());
        assertTrue(error.problems().get(0).startsWith("dataset 'mnist' not found"), error.problems().get(0));
        assertTrue(error.problems().get(1).startsWith("dataset 'cifar10' not found"), error.problems().get(1));
        assertTrue(error.problems().get(2).contains(weights.toString()), error.problems().get(2));
    }

    @Test
    void trainingAloneDoesNotNeedTheWeights() throws Exception {
        SessionSettings settings = new SessionSettings(suite(), dir.resolve("out"), List.of("m"), Shard.ALL, 0, SharedData.dataDir(),
                null, dir.resolve("home"), false, dir.resolve("no-such-weights.npz"), null, false, 0, Parallelism.SERIAL);
        List<String> log = new ArrayList<>();
        assertTrue(new SuiteSession(settings, log::add).train().failures().isEmpty());
        assertTrue(log.get(0).startsWith("preflight: data for 1 run(s) found and valid"), log.toString());
    }

    /** Issue #25 item 11: an output path that is a file is named as the cause, before anything runs. */
    @Test
    void anOutputFolderThatIsAFileIsNamedAsTheCause() throws Exception {
        Path out = Files.writeString(dir.resolve("out.txt"), "not a folder");
        SessionSettings settings = new SessionSettings(suite(), out, List.of("m"), Shard.ALL, 0, SharedData.dataDir(),
                null, dir.resolve("home"), false, SharedData.lpipsWeights(), null, false, 0, Parallelism.SERIAL);
        SuiteSession session = new SuiteSession(settings, l -> { });
        PreflightException error = assertThrows(PreflightException.class, session::train);
        assertEquals(List.of("output folder " + out + " is a file"), error.problems());
        IllegalStateException report = assertThrows(IllegalStateException.class, session::report);
        assertEquals("output folder " + out + " is a file", report.getMessage());
        SessionSettings below = new SessionSettings(suite(), out.resolve("vae"), List.of("m"), Shard.ALL, 0,
                SharedData.dataDir(), null, dir.resolve("home"), false, SharedData.lpipsWeights(), null, false, 0,
                Parallelism.SERIAL);
        PreflightException nested = assertThrows(PreflightException.class, () -> new SuiteSession(below, l -> { }).train());
        assertEquals(List.of("output folder " + out.resolve("vae") + " cannot be created: " + out + " is a file"),
                nested.problems());
    }

    /** Issue #25 item 12: a subset larger than its split is refused, naming the split and its size. */
    @Test
    void aSubsetLargerThanItsSplitIsRefusedNamingTheSplit() throws Exception {
        Path suite = Files.writeString(dir.resolve("big.json"), """
                {"suite": "big", "defaults": {"epochs": 1, "seed": 1, "dataset": "mnist", "architecture": "ae", "latentDim": 2},
                 "experiments": [{"id": "train", "trainSubset": 70000, "testSubset": 100},
                                 {"id": "test", "trainSubset": 256, "testSubset": 10001},
                                 {"id": "range", "trainSubset": 256, "testOffset": 5000, "testSubset": 5001}]}
                """);
        SessionSettings settings = new SessionSettings(suite, dir.resolve("out"), List.of(), Shard.ALL, 0,
                SharedData.dataDir(), null, dir.resolve("home"), false, SharedData.lpipsWeights(), null, false, 0,
                Parallelism.SERIAL);
        PreflightException error = assertThrows(PreflightException.class, () -> new SuiteSession(settings, l -> { })
                .train());
        assertEquals(List.of("experiment 'train': trainSubset 70000 is more than the 60000 images of mnist/train",
                "experiment 'test': testSubset 10001 is more than the 10000 images of mnist/test",
                "experiment 'range': testOffset 5000 with testSubset 5001 runs past the 10000 images of mnist/test; the"
                        + " offset plus the subset may be at most 10000"), error.problems());
        assertFalse(Files.exists(dir.resolve("out/big")), "nothing may be trained before the preflight passes");
    }
}
