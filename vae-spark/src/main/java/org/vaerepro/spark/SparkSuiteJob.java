package org.vaerepro.spark;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vaerepro.session.RawSettings;
import org.vaerepro.session.SessionSettings;
import org.vaerepro.settings.Setting;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The job's main class for {@code spark-submit}: reads its options into {@link SessionSettings} and
 * calls {@link SuiteOnSpark}; exit code 0 when every run finished (and matched the baseline, if one was
 * given), 1 when a run drifted from the baseline, 2 on an error. Executors get {@code OMP_NUM_THREADS}
 * equal to {@code spark.task.cpus} unless the submit sets {@code spark.executorEnv.OMP_NUM_THREADS}.
 *
 * <p>A setting's flag, description and default come from {@link Setting}: the flag is its Maven property without
 * {@code vae.}, in words joined by '-' ({@code vae.firstSeeds} is {@code --first-seeds}).
 */
@Command(name = "vae-spark", mixinStandardHelpOptions = true, description = {
    "Train and evaluate a vae-repro suite on Spark, one task per run.",
    "Paths must be readable by the driver and every executor (a shared mount such as NFS)."})
public final class SparkSuiteJob implements Callable<Integer> {
    /**
     * The settings this job takes. Not workers, threads per worker or shards: Spark spreads the runs, one task each,
     * with spark.task.cpus threads; not failFast: a task runs one run, and Spark retries a failed one.
     */
    static final List<Setting> FLAGS = List.of(Setting.SUITE_FILE, Setting.OUTPUT_DIRECTORY, Setting.DATA_DIR,
            Setting.LPIPS_WEIGHTS, Setting.EXPERIMENTS, Setting.FIRST_SEEDS, Setting.DOWNLOAD,
            Setting.LOG_EVERY_STEPS, Setting.TEMPLATE_DIRECTORY);
    /** Off on a cluster: executors would download the same dataset side by side into one shared folder. */
    private static final Map<Setting, String> CLUSTER_DEFAULTS = Map.of(Setting.DOWNLOAD, "false");
    /** Given explicitly: the driver's home says nothing about the executors'. */
    private static final List<Setting> REQUIRED_ON_A_CLUSTER = List.of(Setting.LPIPS_WEIGHTS);
    /** The names commands used before the flags came from the declaration, kept working. */
    private static final Map<Setting, String> FORMER_NAMES = Map.of(Setting.OUTPUT_DIRECTORY, "--output");

    @Spec
    CommandSpec spec;

    @Option(names = "--baseline", description = "baseline file to check every run against")
    Path baseline;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The job's command line: its own options and one flag per setting it takes. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new SparkSuiteJob());
        for (Setting setting : FLAGS) {
            commandLine.getCommandSpec().addOption(option(setting));
        }
        return commandLine;
    }

    /** {@code vae.firstSeeds}: {@code --first-seeds}. */
    static String flag(Setting setting) {
        return "--" + setting.property().substring("vae.".length()).replaceAll("([A-Z])", "-$1")
                .toLowerCase(Locale.ROOT);
    }

    private static OptionSpec option(Setting setting) {
        List<String> names = Optional.ofNullable(FORMER_NAMES.get(setting)).map(n -> List.of(flag(setting), n))
                .orElse(List.of(flag(setting)));
        OptionSpec.Builder option = OptionSpec.builder(names.toArray(String[]::new)).type(String.class)
                .paramLabel(setting.kind().label()).description(setting.description())
                .required(setting.required() || REQUIRED_ON_A_CLUSTER.contains(setting));
        Optional.ofNullable(CLUSTER_DEFAULTS.get(setting)).or(setting::defaultValue)
                .filter(value -> !value.isEmpty() && !REQUIRED_ON_A_CLUSTER.contains(setting))
                .ifPresent(value -> option.defaultValue(value).description(setting.description()
                        + " Default: ${DEFAULT-VALUE}."));
        if (setting.kind() == Setting.Kind.SWITCH) {
            option.arity("0..1").fallbackValue("true");
        }
        return option.build();
    }

    @Override
    public Integer call() {
        Logger log = LoggerFactory.getLogger(SparkSuiteJob.class);
        try {
            SessionSettings settings = settings();
            SparkConf conf = new SparkConf().setAppName("vae-repro " + settings.suiteFile().getFileName());
            conf.setIfMissing("spark.executorEnv.OMP_NUM_THREADS", conf.get("spark.task.cpus", "1"));
            try (JavaSparkContext spark = new JavaSparkContext(conf)) {
                SuiteOnSpark.Result result = SuiteOnSpark.run(spark, settings, baseline, TaskFault.NONE, log::info);
                if (!result.deviations().isEmpty()) {
                    log.error("{} deviation(s) from {}:\n  {}", result.deviations().size(), baseline,
                            String.join("\n  ", result.deviations()));
                    return 1;
                }
                return 0;
            }
        } catch (RuntimeException e) {
            log.error("vae-spark failed: {}", explain(e.getMessage()), e);
            return 2;
        }
    }

    /** The message, with the flag to set for each setting it names that this job takes. */
    static String explain(String message) {
        List<String> flags = Setting.namedIn(message).stream().filter(FLAGS::contains).map(SparkSuiteJob::flag)
                .toList();
        return flags.isEmpty() ? message : message + "\n  Hint: set it with " + String.join(", ", flags) + ".";
    }

    /** The flags as the core's raw settings; settings without a flag take their declared defaults (serial runs). */
    SessionSettings settings() {
        Path home = Path.of(System.getProperty("user.home"));
        return SessionSettings.from(new RawSettings() {
            @Override
            public Optional<String> value(Setting setting) {
                return FLAGS.contains(setting) ? Optional.ofNullable(spec.findOption(flag(setting)).getValue())
                        : Optional.empty();
            }

            @Override
            public Path homeDirectory() {
                return home;
            }
        });
    }
}
