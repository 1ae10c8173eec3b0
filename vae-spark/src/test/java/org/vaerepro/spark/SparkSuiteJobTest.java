package org.vaerepro.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaerepro.experiment.ExperimentResult;
import org.vaerepro.experiment.Shard;
import org.vaerepro.experiment.TrainingRecord;
import org.vaerepro.model.ModelFile;
import org.vaerepro.session.Parallelism;
import org.vaerepro.session.SessionSettings;
import org.vaerepro.session.SuiteSession;

/**
 * The real job, embedded in {@code local[2,2]} (two task threads, a task may fail once): a tiny suite on
 * real MNIST gives metrics and parameters bit-identical to the serial run in this JVM; a task whose run
 * fails after its first epoch's checkpoint is retried by Spark and resumes from that checkpoint, ending
 * bit-identical too; the driver writes the page and checks a baseline recorded from the serial run.
 */
class SparkSuiteJobTest {
    private static final String FAILING_RUN = "vae/seed-2";

    @TempDir
    Path dir;

    @Test
    void runsAsTasksBitIdenticalToSerialAndRetriesFromTheCheckpoint() throws Exception {
        Path suiteFile = Files.writeString(dir.resolve("tiny.json"), """
                {"suite": "tiny", "defaults": {"dataset": "mnist", "seed": 1, "epochs": 2, "batchSize": 64,
                  "trainSubset": 512, "testSubset": 100},
                 "experiments": [
                   {"id": "vae", "architecture": "vae", "latentDim": 2, "seeds": 2},
                   {"id": "ae", "architecture": "ae", "latentDim": 4}]}
                """);
        Path serialOut = dir.resolve("serial");
        SuiteSession serial = new SuiteSession(settings(suiteFile, serialOut), l -> { });
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
            result = SuiteOnSpark.run(spark, settings(suiteFile, sparkOut), baseline, failOnce, log::add);
        }

        assertEquals(List.of("vae/seed-1", "vae/seed-2", "ae"), result.runs().stream().map(RunOutcome::run).toList());
        for (RunOutcome outcome : result.runs()) {
            assertEquals(outcome.run().equals(FAILING_RUN) ? 1 : 0, outcome.attempt(), outcome + ": attempt");
            ExperimentResult expected = ExperimentResult.read(serialOut.resolve("tiny/" + outcome.run() + "/metrics.json"));
            ExperimentResult actual = ExperimentResult.read(sparkOut.resolve("tiny/" + outcome.run() + "/metrics.json"));
            assertEquals(expected.metrics(), actual.metrics(), outcome.run() + ": metrics");
            assertEquals(expected.metrics().psnr(), outcome.psnr(), 0.0, "the driver gets the task's metrics");
            assertBitIdentical(ModelFile.load(serialOut.resolve("tiny/" + outcome.run() + "/model.zip")).model().parameters(),
                    ModelFile.load(sparkOut.resolve("tiny/" + outcome.run() + "/model.zip")).model().parameters(),
                    outcome.run());
            boolean resumed = TrainingRecord.read(sparkOut.resolve("tiny/" + outcome.run() + "/training.json")).result()
                    .resumed();
            assertEquals(outcome.run().equals(FAILING_RUN), resumed, outcome.run() + ": resumed from its checkpoint");
        }
        assertTrue(Files.isRegularFile(result.page()) && result.page().startsWith(sparkOut), result.page().toString());
        assertTrue(result.deviations().isEmpty(), result.deviations().toString());
        assertTrue(log.contains("spark: 3 run(s) as 3 task(s) on local[2,2]"), log.toString());
    }

    private SessionSettings settings(Path suiteFile, Path out) {
        return new SessionSettings(suiteFile, out, List.of(), Shard.ALL, 0, sharedPath("vae.dataDir", "../../shared/data"),
                null, dir, false, sharedPath("vae.lpipsWeights", "../../shared/weights/lpips-alex-v0.1.npz"), null, false, 0,
                Parallelism.SERIAL);
    }

    private static Path sharedPath(String property, String fallback) {
        Path path = Path.of(System.getProperty(property, fallback)).toAbsolutePath().normalize();
        assertTrue(Files.exists(path), property + " " + path + " must exist (../shared beside the repository)");
        return path;
    }

    private static void assertBitIdentical(Map<String, INDArray> expected, Map<String, INDArray> actual, String what) {
        assertEquals(new TreeSet<>(expected.keySet()), new TreeSet<>(actual.keySet()), what + ": parameter names");
        expected.forEach((name, value) -> assertArrayEquals(value.dup('c').data().asBytes(),
                actual.get(name).dup('c').data().asBytes(), what + " '" + name + "': raw buffers differ"));
    }
}
