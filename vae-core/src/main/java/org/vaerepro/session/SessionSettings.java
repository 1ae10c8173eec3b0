package org.vaerepro.session;

import java.nio.file.Path;
import java.util.List;
import org.vaerepro.experiment.Shard;
import org.vaerepro.io.Preconditions;

/**
 * Every setting a session runs with, filled by a front end (the Maven goals fill it from their
 * parameters). The core reads no system property or environment variable: what the environment says
 * (a data directory variable, the home folder) arrives here as values.
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
        Preconditions.notNull(suiteFile, "setting 'suiteFile'");
        Preconditions.notNull(outputDirectory, "setting 'outputDirectory'");
        Preconditions.notNull(homeDirectory, "home directory");
        Preconditions.notNull(lpipsWeights, "setting 'lpipsWeights'");
        Preconditions.check(logEverySteps >= 0, "setting 'logEverySteps' must be >= 0, got " + logEverySteps);
        experiments = List.copyOf(experiments);
        Preconditions.notNull(shard, "setting 'shard'");
        Preconditions.check(firstSeeds >= 0, "setting 'firstSeeds' must be >= 0 (0: all seeds), got " + firstSeeds);
        Preconditions.notNull(parallelism, "setting 'parallelism'");
    }

    /** Where the LPIPS weights are looked for when no setting names them: {@code <home>/.vae/weights/}. */
    public static Path defaultLpipsWeights(Path homeDirectory) {
        return homeDirectory.resolve(".vae/weights/lpips-alex-v0.1.npz");
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
