package org.vaerepro.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.vaerepro.experiment.ExperimentResult;
import org.vaerepro.experiment.RunFolder;
import org.vaerepro.experiment.RunLock;
import org.vaerepro.experiment.TrainingRecord;
import org.vaerepro.session.SuiteSession;

/**
 * The job on a real Spark standalone cluster on this machine, submitted as the README tells users to:
 * Spark's own master and worker processes (from the SPARK_HOME the build lays out), {@code spark-submit} with
 * the README's {@code --conf} flags and the job jar this module packages, one output folder that every
 * process shares. Each task runs in an executor JVM that the worker launched. The tiny suite's 3 runs end with
 * the metrics and parameters of the serial run in this JVM, bit for bit, although the executor training
 * {@value #KILLED_RUN} is killed (SIGKILL) after that run's first checkpoint: Spark runs the task again, the
 * retry resumes from the checkpoint, and the driver writes the page and finds no deviation from a baseline
 * recorded from the serial run (exit code 0). Everything the test started is gone afterwards.
 */
class SparkStandaloneClusterIT {
    private static final String KILLED_RUN = "vae/seed-2";
    // 16 steps an epoch and 3 epochs: the kill lands after epoch 1 with seconds of training still to go.
    private static final int TRAIN_SUBSET = 1024;
    private static final int EPOCHS = 3;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void runsOnAStandaloneClusterBitIdenticalToSerialThroughALostExecutor() throws Exception {
        Path sparkHome = Path.of(System.getProperty("vae.sparkHome", "target/spark-home")).toAbsolutePath();
        Path jobJar = Path.of(System.getProperty("vae.jobJar", "target/vae-spark-0.1.0-SNAPSHOT-job.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(jobJar), jobJar + ": the job jar (mvn package) is missing");
        TinySuite suite = TinySuite.write(dir, TRAIN_SUBSET, EPOCHS);
        Path serialOut = dir.resolve("serial");
        SuiteSession serial = new SuiteSession(suite.settings(serialOut, dir), l -> { });
        assertTrue(serial.reproduce().failures().isEmpty());
        Path baseline = dir.resolve("baseline.json");
        serial.recordBaseline(baseline, "serial run in the test");

        Path clusterOut = dir.resolve("shared-output");
        Path killedFolder = TinySuite.runFolder(clusterOut, KILLED_RUN);
        String driverLog;
        String executorCommand;
        String masterUrl;
        List<String> executorLogs;
        Instant start = Instant.now();
        StandaloneCluster cluster = StandaloneCluster.start(sparkHome, dir.resolve("cluster"), 2, "8g");
        try (cluster) {
            masterUrl = cluster.masterUrl();
            // The README's standalone command; the test adds no web UI and the baseline to check.
            Process driver = cluster.submit(List.of("--master", masterUrl, "--class", SparkSuiteJob.class.getName(),
                    "--conf", "spark.task.cpus=1", "--conf", "spark.task.maxFailures=4",
                    "--conf", "spark.executor.cores=1",
                    "--conf", "spark.executor.memory=4g", "--conf", "spark.executor.memoryOverhead=4g",
                    "--conf", "spark.executor.extraJavaOptions=-Dorg.bytedeco.javacpp.maxphysicalbytes=6G",
                    "--conf", "spark.ui.enabled=false",
                    jobJar.toString(),
                    "--suite", suite.file().toString(), "--output", clusterOut.toString(),
                    "--data-dir", TinySuite.dataDir().toString(), "--lpips-weights", TinySuite.lpipsWeights().toString(),
                    "--baseline", baseline.toString()));

            awaitFile(killedFolder.resolve(RunFolder.CHECKPOINT), driver, cluster.log("driver"));
            assertFalse(Files.exists(killedFolder.resolve(RunFolder.TRAINING)),
                    KILLED_RUN + " finished training before its executor could be killed: raise TRAIN_SUBSET or EPOCHS");
            ProcessHandle executor = cluster.executor(lockHolder(killedFolder));
            executorCommand = StandaloneCluster.commandLine(executor);
            executor.destroyForcibly();
            executor.onExit().get(30, TimeUnit.SECONDS);
            System.out.println("killed (SIGKILL) executor " + executor.pid() + ", which trained " + KILLED_RUN
                    + ", after its first checkpoint: " + executorCommand);

            assertTrue(driver.waitFor(10, TimeUnit.MINUTES), "the job did not end:\n" + StandaloneCluster.tail(cluster.log("driver")));
            driverLog = StandaloneCluster.read(cluster.log("driver"));
            assertEquals(0, driver.exitValue(), "exit code of the job (0: every run finished, no deviation from the "
                    + "baseline):\n" + StandaloneCluster.tail(cluster.log("driver")));
            executorLogs = executorLogs(cluster.workDir());
        }
        System.out.printf("standalone cluster: started, job run, shut down in %.1f s%n",
                Duration.between(start, Instant.now()).toMillis() / 1000.0);
        assertEquals(List.of(), cluster.survivors(), "processes of the cluster still alive after close");
        driverLog.lines().filter(line -> line.contains("Lost task") || line.contains("Starting task")
                || line.contains("] PSNR ") || line.contains("deviation")).forEach(System.out::println);

        // The killed JVM was an executor with the README's memory options, and the driver saw the task lost with it.
        assertTrue(executorCommand.contains("-Dorg.bytedeco.javacpp.maxphysicalbytes=6G")
                && executorCommand.contains("-Xmx4096M"), executorCommand);
        assertTrue(Pattern.compile("Lost task \\d+\\.0 in stage \\S+ \\(TID \\d+\\) .*ExecutorLostFailure").matcher(driverLog)
                .find(), "no lost task in the driver's log:\n" + driverLog);
        assertTrue(driverLog.contains("spark: 3 run(s) as 3 task(s) on " + masterUrl), driverLog);
        for (String run : TinySuite.RUNS) {
            int attempt = run.equals(KILLED_RUN) ? 2 : 1;
            assertTrue(Pattern.compile(Pattern.quote("[" + run + "] PSNR ") + ".*, attempt " + attempt + "\\)")
                    .matcher(driverLog).find(), run + " should have finished on attempt " + attempt + ":\n" + driverLog);
            // Each run trained in an executor JVM; the killed one in two (epoch 1 in the lost one, the rest in the retry's).
            long executorsOfRun = executorLogs.stream().filter(log -> log.contains("[" + run + "] epoch ")).count();
            assertEquals(run.equals(KILLED_RUN) ? 2 : 1, executorsOfRun, run + ": executor logs with its epochs");

            TinySuite.assertSameRun(serialOut, clusterOut, run);
            TrainingRecord training = TrainingRecord.read(TinySuite.runFolder(clusterOut, run).resolve(RunFolder.TRAINING));
            System.out.println(run + " training.json: resumed " + training.result().resumed() + ", "
                    + training.result().epochs().size() + " epochs, " + training.result().steps() + " steps");
            assertEquals(run.equals(KILLED_RUN), training.result().resumed(), run + ": resumed from its checkpoint");
            // Bit-identical at the same thread count: the job gave its executors OMP_NUM_THREADS = spark.task.cpus.
            for (Path out : List.of(serialOut, clusterOut)) {
                assertEquals(1, ExperimentResult.read(TinySuite.runFolder(out, run).resolve(RunFolder.METRICS))
                        .provenance().environment().threads(), run + " in " + out + ": threads");
            }
        }
        Matcher page = Pattern.compile("page: (\\S+)").matcher(driverLog);
        assertTrue(page.find(), driverLog);
        assertEquals(clusterOut.resolve(TinySuite.NAME).resolve("index.html"), Path.of(page.group(1)));
        assertTrue(Files.isRegularFile(Path.of(page.group(1))), page.group(1));
    }

    /** The pid of the process that holds (or last held) a run folder's lock, as {@link RunLock} wrote it. */
    private static long lockHolder(Path runFolder) {
        String holder = RunLock.holder(runFolder);
        Matcher pid = Pattern.compile("process (\\d+) on ").matcher(holder);
        assertTrue(pid.find(), runFolder + ": lock holder " + holder);
        return Long.parseLong(pid.group(1));
    }

    /** Waits, polling often, for {@code file}; fails when the driver ends first or after 5 minutes. */
    private static void awaitFile(Path file, Process driver, Path driverLog) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (!Files.exists(file)) {
            if (!driver.isAlive() || Instant.now().isAfter(deadline)) {
                fail("no " + file + " while the job ran:\n" + StandaloneCluster.tail(driverLog));
            }
            Thread.sleep(20);
        }
    }

    /** Each executor's log ({@code <app>/<executor>/stderr} under the worker's work folder). */
    private static List<String> executorLogs(Path workDir) throws IOException {
        List<String> logs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(workDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().equals("stderr")).toList()) {
                logs.add(StandaloneCluster.read(file));
            }
        }
        return logs;
    }
}
