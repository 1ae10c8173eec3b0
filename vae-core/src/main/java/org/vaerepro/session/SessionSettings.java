package org.vaerepro.session;

import java.nio.file.Path;
import java.util.List;
import org.vaerepro.experiment.Shard;
import org.vaerepro.io.Preconditions;
import org.vaerepro.settings.Setting;

/**
 * Every setting a session runs with, as {@link Setting} declares them, built by {@link #from} from the values a front
 * end holds (the Maven goals' parameters, the Spark job's flags). The core reads no system property or environment
 * variable: what the environment says (a data directory variable, the home folder) arrives here as values.
 *
 * @param suiteFile the suite file (JSON) declaring the experiments
 * @param outputDirectory root of outputs: {@code <dir>/<suite>/<experiment>/} and {@code <dir>/<suite>/index.html}
 * @param experiments ids of the experiments to run; empty for all
 * @param shard the slice of the selected runs this process runs ({@link Shard#ALL} for all of them)
 * @param firstSeeds run only each experiment's first this many seeds (0: all), e.g. 1 for a gate that checks
 *        one seed against a baseline recorded over several
 * @param dataDirectory the folder holding the datasets, searched first; null for none
 * @param environmentDataDirectory a data folder the front end's environment names, searched second; null for none
 * @param homeDirectory the user's home; {@code <home>/.vae/data} is searched third
 * @param download whether a standard dataset found nowhere is downloaded from its official source
 * @param lpipsWeights the LPIPS AlexNet v0.1 weights (.npz); {@link #defaultLpipsWeights} when the front end has no
 *        setting of its own
 * @param templateDirectory a folder with {@code results.ftlh} overriding the packaged template; null for none
 * @param failFast stop at the first failing experiment instead of running the rest
 * @param logEverySteps a progress line every this many training steps (0: none)
 * @param parallelism how many worker JVMs run the runs, with how many threads each ({@link Parallelism#SERIAL}:
 *        all in this process)
 */
public record SessionSettings(Path suiteFile, Path outputDirectory, List<String> experiments, Shard shard,
        int firstSeeds, Path dataDirectory,
        Path environmentDataDirectory, Path homeDirectory, boolean download, Path lpipsWeights, Path templateDirectory,
        boolean failFast, int logEverySteps, Parallelism parallelism) {

    public SessionSettings {
        Preconditions.notNull(suiteFile, Setting.SUITE_FILE.toString());
        Preconditions.notNull(outputDirectory, Setting.OUTPUT_DIRECTORY.toString());
        Preconditions.notNull(homeDirectory, "home directory");
        Preconditions.notNull(lpipsWeights, Setting.LPIPS_WEIGHTS.toString());
        Preconditions.check(logEverySteps >= 0, Setting.LOG_EVERY_STEPS + " must be >= 0, got " + logEverySteps);
        experiments = List.copyOf(experiments);
        Preconditions.notNull(shard, Setting.SHARD.toString());
        Preconditions.check(firstSeeds >= 0, Setting.FIRST_SEEDS + " must be >= 0 (0: all seeds), got " + firstSeeds);
        Preconditions.notNull(parallelism, "parallelism");
    }

    /**
     * The settings a front end gives, read as {@link Setting} declares them: each value's text, else the declared
     * default; an error names the setting, the value and what was expected. Workers are started as {@code raw}'s
     * launch says; without one, every run runs in this JVM.
     */
    public static SessionSettings from(RawSettings raw) {
        SettingValues values = new SettingValues(raw);
        return new SessionSettings(values.path(Setting.SUITE_FILE), values.path(Setting.OUTPUT_DIRECTORY),
                values.ids(Setting.EXPERIMENTS), values.shard(Setting.SHARD), values.count(Setting.FIRST_SEEDS),
                values.path(Setting.DATA_DIR), values.path(Setting.ENVIRONMENT_DATA_DIR), raw.homeDirectory(),
                values.isOn(Setting.DOWNLOAD), values.path(Setting.LPIPS_WEIGHTS),
                values.path(Setting.TEMPLATE_DIRECTORY), values.isOn(Setting.FAIL_FAST),
                values.count(Setting.LOG_EVERY_STEPS), Parallelism.resolve(values.count(Setting.WORKERS),
                        values.count(Setting.THREADS_PER_WORKER), raw.workerLaunch().orElse(null)));
    }

    /** Where the LPIPS weights are looked for when no setting names them: {@code <home>/.vae/weights/}. */
    public static Path defaultLpipsWeights(Path homeDirectory) {
        return SettingValues.path(Setting.LPIPS_WEIGHTS, Setting.LPIPS_WEIGHTS.defaultValue().orElseThrow(),
                homeDirectory);
    }

    /**
     * Settings for steps that only read results (render, judge, check against a baseline, publish to a site): the
     * suite's every experiment, each one's first {@code firstSeeds} seeds (0: all), serial, nothing downloaded.
     */
    public static SessionSettings readingResults(Path suiteFile, Path outputDirectory, int firstSeeds,
            Path templateDirectory, Path homeDirectory) {
        return new SessionSettings(suiteFile, outputDirectory, List.of(), Shard.ALL, firstSeeds, null, null,
                homeDirectory, false, defaultLpipsWeights(homeDirectory), templateDirectory, false, 0,
                Parallelism.SERIAL);
    }

    /** As {@link #readingResults(Path, Path, int, Path, Path)}, with the four settings it reads taken from {@code raw}. */
    public static SessionSettings readingResults(RawSettings raw) {
        SettingValues values = new SettingValues(raw);
        return readingResults(values.path(Setting.SUITE_FILE), values.path(Setting.OUTPUT_DIRECTORY),
                values.count(Setting.FIRST_SEEDS), values.path(Setting.TEMPLATE_DIRECTORY), raw.homeDirectory());
    }

    /**
     * These settings with the datasets looked for in {@code dataDirectory} first and the LPIPS weights in
     * {@code lpipsWeights}: what a check that measures the baseline's reference models needs beside the results.
     */
    public SessionSettings withData(Path dataDirectory, Path lpipsWeights) {
        return new SessionSettings(suiteFile, outputDirectory, experiments, shard, firstSeeds, dataDirectory,
                environmentDataDirectory, homeDirectory, download, lpipsWeights, templateDirectory, failFast,
                logEverySteps, parallelism);
    }

    public SessionSettings withParallelism(Parallelism other) {
        return new SessionSettings(suiteFile, outputDirectory, experiments, shard, firstSeeds, dataDirectory,
                environmentDataDirectory, homeDirectory, download, lpipsWeights, templateDirectory, failFast,
                logEverySteps, other);
    }
}
