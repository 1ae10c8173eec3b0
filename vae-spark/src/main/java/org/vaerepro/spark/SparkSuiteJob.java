package org.vaerepro.spark;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vaerepro.experiment.Shard;
import org.vaerepro.session.Parallelism;
import org.vaerepro.session.SessionSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The job's main class for {@code spark-submit}: reads its options into {@link SessionSettings} and
 * calls {@link SuiteOnSpark}; exit code 0 when every run finished (and matched the baseline, if one was
 * given), 1 when a run drifted from the baseline, 2 on an error. Executors get {@code OMP_NUM_THREADS}
 * equal to {@code spark.task.cpus} unless the submit sets {@code spark.executorEnv.OMP_NUM_THREADS}.
 */
@Command(name = "vae-spark", mixinStandardHelpOptions = true, description = "Train and evaluate a vae-repro suite on Spark, one task per run.")
public final class SparkSuiteJob implements Callable<Integer> {
    @Option(names = "--suite", required = true, description = "suite file (JSON), readable by the driver")
    Path suite;

    @Option(names = "--output", required = true, description = "output root on a mount every executor shares (e.g. NFS)")
    Path output;

    @Option(names = "--data-dir", description = "folder with the datasets in their official layouts, on every executor")
    Path dataDir;

    @Option(names = "--lpips-weights", required = true, description = "LPIPS AlexNet v0.1 weights (.npz), on every executor")
    Path lpipsWeights;

    @Option(names = "--experiments", split = ",", description = "experiment ids to run (default: all)")
    List<String> experiments = List.of();

    @Option(names = "--first-seeds", defaultValue = "0", description = "only each experiment's first N seeds (0: all)")
    int firstSeeds;

    @Option(names = "--baseline", description = "baseline file to check every run against")
    Path baseline;

    @Option(names = "--download", description = "download a standard dataset found nowhere (default: off on a cluster)")
    boolean download;

    @Option(names = "--log-every-steps", defaultValue = "100", description = "a progress line every N steps (0: none)")
    int logEverySteps;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SparkSuiteJob()).execute(args));
    }

    @Override
    public Integer call() {
        Logger log = LoggerFactory.getLogger(SparkSuiteJob.class);
        SparkConf conf = new SparkConf().setAppName("vae-repro " + suite.getFileName());
        conf.setIfMissing("spark.executorEnv.OMP_NUM_THREADS", conf.get("spark.task.cpus", "1"));
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            SuiteOnSpark.Result result = SuiteOnSpark.run(spark, settings(), baseline, TaskFault.NONE, log::info);
            if (!result.deviations().isEmpty()) {
                log.error("{} deviation(s) from {}:\n  {}", result.deviations().size(), baseline,
                        String.join("\n  ", result.deviations()));
                return 1;
            }
            return 0;
        } catch (RuntimeException e) {
            log.error("vae-spark failed: {}", e.getMessage(), e);
            return 2;
        }
    }

    SessionSettings settings() {
        return new SessionSettings(suite.toAbsolutePath(), output.toAbsolutePath(), experiments, Shard.ALL, firstSeeds,
                dataDir == null ? null : dataDir.toAbsolutePath(), null, Path.of(System.getProperty("user.home")),
                download, lpipsWeights.toAbsolutePath(), null, false, logEverySteps, Parallelism.SERIAL);
    }
}
