package org.vaerepro.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaerepro.experiment.ExperimentResult;
import org.vaerepro.experiment.RunFolder;
import org.vaerepro.experiment.TrainingRecord;
import org.vaerepro.session.SuiteSession;

/**
 * The real job, embedded in {@code local[2,2]} (two task threads, a task may fail once): a tiny suite on
 * real MNIST gives metrics and parameters bit-identical to the serial run in this JVM; a task whose run
 * fails after its first epoch's checkpoint is retried by Spark and resumes from that checkpoint, ending
 * bit-identical too; the driver writes the page and checks a baseline recorded from the serial run.
 * {@code SparkStandaloneClusterIT} does the same on a standalone cluster, with a killed executor.
 */
class SparkSuiteJobTest {
    private static final String FAILING_RUN = "vae/seed-2";

    @TempDir
    Path dir;

    @Test
    void runsAsTasksBitIdenticalToSerialAndRetriesFromTheCheckpoint() throws Exception {
        TinySuite suite = TinySuite.write(dir, 512, 2);
        Path serialOut = dir.resolve("serial");
        SuiteSession serial = new SuiteSession(suite.settings(serialOut, dir), l -> { });
        assertTrue(serial.reproduce().failures().isEmpty());
        Path baseline = dir.resolve("baseline.json");
        serial.recordBaseline(baseline, "serial run in the test");

        Path sparkOut = dir.resolve("spark");
        TaskFault failOnce = (run, attempt, line) -> {
            if (run.equals(FAILING_RUN) && attempt == 0 && line.contains("epoch 1 done")) {
                throw new IllegalStateException("injected fault after epoch 1 of " + run);
            }
        };
        List<String> log = new ArrayList<>();
        SuiteOnSpark.Result result;
        SparkConf conf = new SparkConf().setMaster("local[2,2]").setAppName("vae-spark-test")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1");
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            result = SuiteOnSpark.run(spark, suite.settings(sparkOut, dir), baseline, failOnce, log::add);
        }

        assertEquals(TinySuite.RUNS, result.runs().stream().map(RunOutcome::run).toList());
        for (RunOutcome outcome : result.runs()) {
            assertEquals(outcome.run().equals(FAILING_RUN) ? 1 : 0, outcome.attempt(), outcome + ": attempt");
            TinySuite.assertSameRun(serialOut, sparkOut, outcome.run());
            ExperimentResult expected = ExperimentResult.read(TinySuite.runFolder(serialOut, outcome.run())
                    .resolve(RunFolder.METRICS));
            assertEquals(expected.metrics().psnr(), outcome.psnr(), 0.0, "the driver gets the task's metrics");
            boolean resumed = TrainingRecord.read(TinySuite.runFolder(sparkOut, outcome.run())
                    .resolve(RunFolder.TRAINING)).result().resumed();
            assertEquals(outcome.run().equals(FAILING_RUN), resumed, outcome.run() + ": resumed from its checkpoint");
        }
        assertTrue(Files.isRegularFile(result.page()) && result.page().startsWith(sparkOut), result.page().toString());
        assertTrue(result.deviations().isEmpty(), result.deviations().toString());
        assertTrue(log.contains("spark: 3 run(s) as 3 task(s) on local[2,2]"), log.toString());
    }
}
