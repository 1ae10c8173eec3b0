package org.vaerepro.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaerepro.SharedData;
import org.vaerepro.experiment.RunLockedException;

/**
 * Two processes on one output folder: while another process holds a run's lock, training skips that run
 * (or, when it was named, fails naming the holder); once the holder is killed with SIGKILL the OS has
 * released the lock and the run trains, with no stale lock to clean up. Evaluation holds the same lock: a run held
 * elsewhere is refused, naming the holder, and evaluated once the holder is gone.
 */
class RunLockTest {
    @TempDir
    Path dir;

    @Test
    void aRunHeldByAnotherProcessIsSkippedOrRefusedAndFreedWhenItIsKilled() throws Exception {
        Path suiteFile = Files.writeString(dir.resolve("lock.json"), """
                {"suite": "lock", "defaults": {"dataset": "mnist", "epochs": 1, "seed": 2, "trainSubset": 256,
                 "testSubset": 100, "batchSize": 64},
                 "experiments": [{"id": "m", "architecture": "ae", "latentDim": 2}]}
                """);
        Path out = dir.resolve("out");
        Path runFolder = out.resolve("lock/m");
        Process holder = holdLock(runFolder);
        try {
            String pid = lockedPid(holder);

            List<String> log = new ArrayList<>();
            SuiteSession.Outcome all = new SuiteSession(SuiteEndToEndTest.settings(suiteFile, out, List.of()), log::add)
                    .train();
            assertTrue(all.failures().isEmpty(), all.failures().toString());
            assertTrue(log.stream().anyMatch(l -> l.startsWith("[m] skipped: being trained by process " + pid)),
                    log.toString());
            assertFalse(Files.exists(runFolder.resolve("model.zip")));

            List<RunFailure> named = new SuiteSession(SuiteEndToEndTest.settings(suiteFile, out, List.of("m")),
                    l -> { }).train().failures();
            assertEquals(1, named.size());
            assertTrue(named.get(0).error() instanceof RunLockedException, named.get(0).error().toString());
            assertTrue(named.get(0).error().getMessage().contains("process " + pid), named.get(0).error().getMessage());
        } finally {
            holder.destroyForcibly(); // SIGKILL: the holder gets no chance to release anything itself
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        }
        List<String> log = new ArrayList<>();
        assertTrue(new SuiteSession(SuiteEndToEndTest.settings(suiteFile, out, List.of("m")), log::add).train()
                .failures().isEmpty());
        assertTrue(Files.isRegularFile(runFolder.resolve("model.zip")), log.toString());

        // Evaluation holds the lock too: a run another process holds is not evaluated under it.
        Process evaluatingElsewhere = holdLock(runFolder);
        try {
            String pid = lockedPid(evaluatingElsewhere);
            List<RunFailure> refused = new SuiteSession(SuiteEndToEndTest.settings(suiteFile, out, List.of("m")),
                    l -> { }).evaluate().failures();
            assertEquals(1, refused.size(), refused.toString());
            assertTrue(refused.get(0).error() instanceof RunLockedException, refused.get(0).error().toString());
            assertTrue(refused.get(0).error().getMessage().contains("process " + pid), refused.get(0).error().getMessage());
            assertFalse(Files.exists(runFolder.resolve("metrics.json")));
        } finally {
            evaluatingElsewhere.destroyForcibly();
            assertTrue(evaluatingElsewhere.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(new SuiteSession(SuiteEndToEndTest.settings(suiteFile, out, List.of("m")), l -> { }).evaluate()
                .failures().isEmpty());
        assertTrue(Files.isRegularFile(runFolder.resolve("metrics.json")));
    }

    private static Process holdLock(Path runFolder) throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), HoldsRunLock.class.getName(), runFolder.toString())
                .redirectErrorStream(true).start();
    }

    /** The pid the holder printed once it held the lock. */
    private static String lockedPid(Process holder) throws Exception {
        String line = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        assertTrue(line != null && line.startsWith("locked "), "holder said: " + line);
        return line.substring("locked ".length());
    }
}
