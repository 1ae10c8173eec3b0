package org.vaerepro.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaerepro.BitIdentical.assertBitIdentical;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaerepro.SharedData;
import org.vaerepro.experiment.ExperimentResult;
import org.vaerepro.experiment.Run;
import org.vaerepro.experiment.Shard;
import org.vaerepro.model.ModelFile;
import org.vaerepro.provenance.EnvironmentProvenance;

/**
 * Worker JVMs change where runs execute, not what they compute: a tiny suite run by two workers gives
 * metrics and model parameters bit-identical to the serial run in this JVM, at the same native thread
 * count (results do depend on the thread count: 1 and 2 threads differ in the fourth decimal of a dB
 * after 16 steps, so the workers here get this JVM's count).
 */
class WorkerPoolTest {
    @TempDir
    Path dir;

    @Test
    void twoWorkersGiveTheSerialRunsBitForBit() throws Exception {
        Path suiteFile = Files.writeString(dir.resolve("tiny.json"), """
                {"suite": "tiny", "defaults": {"dataset": "mnist", "seed": 1, "epochs": 1, "batchSize": 64,
                  "trainSubset": 512, "testSubset": 100},
                 "experiments": [
                   {"id": "vae", "architecture": "vae", "latentDim": 2, "seeds": 2},
                   {"id": "ae", "architecture": "ae", "latentDim": 4, "epochs": 2},
                   {"id": "up", "architecture": "vae-upsample", "latentDim": 2}]}
                """);
        List<String> serialLog = new ArrayList<>();
        SuiteSession.Outcome serial = new SuiteSession(settings(suiteFile, dir.resolve("serial"), Parallelism.SERIAL),
                serialLog::add).reproduce();
        assertTrue(serial.failures().isEmpty(), serial.failures().toString());

        int threads = EnvironmentProvenance.current().threads();
        Parallelism two = new Parallelism(2, threads, launch("-Xmx1g"));
        List<String> log = new ArrayList<>();
        SuiteSession.Outcome parallel = new SuiteSession(settings(suiteFile, dir.resolve("workers"), two), log::add)
                .reproduce();
        assertTrue(parallel.failures().isEmpty(), parallel.failures() + "\n" + String.join("\n", log));

        // Longest first: ae trains 2 epochs, the others 1; the summary counts every run.
        String order = log.stream().filter(l -> l.startsWith("workers: ")).findFirst().orElseThrow();
        assertTrue(order.endsWith("longest first: [ae, vae/seed-1, vae/seed-2, up]"), order);
        assertTrue(log.stream().anyMatch(l -> l.startsWith("runs: 4/4 done, 0 running, 0 left;")), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("[vae/seed-2] PSNR")), "worker lines keep their run prefix");

        for (String run : List.of("vae/seed-1", "vae/seed-2", "ae", "up")) {
            ExperimentResult a = ExperimentResult.read(dir.resolve("serial/tiny/" + run + "/metrics.json"));
            ExperimentResult b = ExperimentResult.read(dir.resolve("workers/tiny/" + run + "/metrics.json"));
            assertEquals(a.metrics(), b.metrics(), run + ": metrics");
            assertEquals(threads, b.provenance().environment().threads(), run + ": worker threads");
            assertBitIdentical(ModelFile.load(dir.resolve("serial/tiny/" + run + "/model.zip")).model().parameters(),
                    ModelFile.load(dir.resolve("workers/tiny/" + run + "/model.zip")).model().parameters(), run);
        }
    }

    @Test
    void aRunWhoseWorkerIsKilledResumesInANewWorkerWithTheSameResult() throws Exception {
        Path suiteFile = Files.writeString(dir.resolve("kill.json"), """
                {"suite": "kill", "defaults": {"dataset": "mnist", "seed": 1, "epochs": 3, "batchSize": 64,
                  "trainSubset": 512, "testSubset": 100},
                 "experiments": [{"id": "vae", "architecture": "vae", "latentDim": 2, "seeds": 2}]}
                """);
        SuiteSession.Outcome serial = new SuiteSession(settings(suiteFile, dir.resolve("serial"), Parallelism.SERIAL),
                line -> { }).reproduce();
        assertTrue(serial.failures().isEmpty(), serial.failures().toString());

        // kill -9 of both workers (as the OOM killer or a lost node would) once seed 1's first epoch is checkpointed.
        AtomicBoolean killed = new AtomicBoolean();
        List<String> log = new ArrayList<>();
        Consumer<String> killAfterFirstEpoch = line -> {
            log.add(line);
            if (line.startsWith("[vae/seed-1] epoch 1 done") && killed.compareAndSet(false, true)) {
                // This test JVM's only child processes are the worker JVMs.
                ProcessHandle.current().children().forEach(ProcessHandle::destroyForcibly);
            }
        };
        int threads = EnvironmentProvenance.current().threads();
        SuiteSession.Outcome outcome = new SuiteSession(settings(suiteFile, dir.resolve("workers"),
                new Parallelism(2, threads, launch("-Xmx1g"))), killAfterFirstEpoch).reproduce();

        String all = String.join("\n", log);
        assertTrue(killed.get(), "the worker was never killed:\n" + all);
        assertTrue(outcome.failures().isEmpty(), outcome.failures() + "\n" + all);
        assertTrue(log.stream().anyMatch(l -> l.matches("\\[vae/seed-1\\] worker JVM \\d exited with code \\d+ while running it.*"
                + "resumes from its last checkpoint in a new worker \\(attempt 2 of 3\\)")), all);
        assertTrue(log.stream().anyMatch(l -> l.startsWith("[vae/seed-1] resuming from")), all);
        assertTrue(log.stream().anyMatch(l -> l.startsWith("runs: 2/2 done, 0 running, 0 left;")), all);
        for (String run : List.of("vae/seed-1", "vae/seed-2")) {
            ExperimentResult a = ExperimentResult.read(dir.resolve("serial/kill/" + run + "/metrics.json"));
            ExperimentResult b = ExperimentResult.read(dir.resolve("workers/kill/" + run + "/metrics.json"));
            assertEquals(a.metrics(), b.metrics(), run + ": metrics after the kill and resume");
            assertBitIdentical(ModelFile.load(dir.resolve("serial/kill/" + run + "/model.zip")).model().parameters(),
                    ModelFile.load(dir.resolve("workers/kill/" + run + "/model.zip")).model().parameters(), run);
        }
    }

    @Test
    void aWorkerOverItsMemoryThresholdIsReplacedBetweenRunsWithTheSameResults() throws Exception {
        Path suiteFile = Files.writeString(dir.resolve("fresh.json"), """
                {"suite": "fresh", "defaults": {"dataset": "mnist", "architecture": "vae", "latentDim": 2, "seed": 1,
                  "epochs": 1, "batchSize": 64, "trainSubset": 256, "testSubset": 50},
                 "experiments": [{"id": "a", "seeds": 3}]}
                """);
        SuiteSession.Outcome serial = new SuiteSession(settings(suiteFile, dir.resolve("serial"), Parallelism.SERIAL),
                line -> { }).reproduce();
        assertTrue(serial.failures().isEmpty(), serial.failures().toString());

        // A threshold of 0 replaces each worker after every run, so every run starts in a fresh JVM.
        int threads = EnvironmentProvenance.current().threads();
        SessionSettings workers = settings(suiteFile, dir.resolve("workers"), new Parallelism(2, threads, launch("-Xmx1g",
                "-Dorg.bytedeco.javacpp.maxphysicalbytes=3G")));
        SuiteSession session = new SuiteSession(workers, line -> { });
        List<Run> runs = session.runs();
        List<String> log = new ArrayList<>();
        List<RunFailure> failures = new WorkerPool(workers, log::add, new WorkerPool.RetryPolicy(3, 0.0)).run(RunPhase.TRAIN_AND_EVALUATE,
                runs, Map.of());
        String all = String.join("\n", log);
        assertTrue(failures.isEmpty(), failures + "\n" + all);
        List<String> replaced = log.stream().filter(l -> l.matches("worker \\d holds \\d+ MB of its 3072 MB memory cap "
                + "after a/seed-\\d; its next run gets a fresh worker JVM")).toList();
        assertEquals(3, replaced.size(), all);
        for (Run run : runs) {
            ExperimentResult a = ExperimentResult.read(dir.resolve("serial/fresh/" + run.id() + "/metrics.json"));
            ExperimentResult b = ExperimentResult.read(dir.resolve("workers/fresh/" + run.id() + "/metrics.json"));
            assertEquals(a.metrics(), b.metrics(), run.id() + ": metrics in a fresh worker");
        }

        // The default threshold leaves a worker of a tiny run alone.
        List<String> defaultLog = new ArrayList<>();
        new WorkerPool(settings(suiteFile, dir.resolve("default"), workers.parallelism()), defaultLog::add,
                WorkerPool.RetryPolicy.DEFAULT)
                .run(RunPhase.TRAIN, runs, Map.of());
        assertTrue(defaultLog.stream().noneMatch(l -> l.contains("fresh worker JVM")), String.join("\n", defaultLog));
    }

    @Test
    void aWorkerThatCannotStartFailsItsRunsByName() throws Exception {
        Path suiteFile = Files.writeString(dir.resolve("two.json"), """
                {"suite": "two", "defaults": {"dataset": "mnist", "architecture": "ae", "latentDim": 2, "seed": 1, "epochs": 1,
                  "trainSubset": 128, "testSubset": 50},
                 "experiments": [{"id": "a"}, {"id": "b"}]}
                """);
        Parallelism broken = new Parallelism(2, 1, new WorkerLaunch(Path.of(System.getProperty("java.home"), "bin", "java"),
                List.of(dir.resolve("no-such.jar")), List.of()));
        List<String> log = new ArrayList<>();
        List<RunFailure> failures = new SuiteSession(settings(suiteFile, dir.resolve("out"), broken), log::add)
                .train().failures();
        assertEquals(List.of("a", "b"), failures.stream().map(f -> f.run().id()).toList());
        for (RunFailure failure : failures) {
            assertTrue(failure.error().getMessage().matches("worker JVM \\d exited with code 1 while running it.*"),
                    failure.error().getMessage());
        }
        assertTrue(log.stream().anyMatch(l -> l.contains("RunWorker")), "the worker's own error is passed on: " + log);
    }

    private SessionSettings settings(Path suiteFile, Path out, Parallelism parallelism) {
        return new SessionSettings(suiteFile, out, List.of(), Shard.ALL, 0, SharedData.dataDir(), null, dir, false,
                SharedData.lpipsWeights(), null, false, 0, parallelism);
    }

    /** This test JVM's java and class path (Surefire's class path, or its manifest-only jar). */
    private static WorkerLaunch launch(String... options) {
        List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(Path::of).collect(Collectors.toList());
        return new WorkerLaunch(Path.of(System.getProperty("java.home"), "bin", "java"), classpath, List.of(options));
    }
}
