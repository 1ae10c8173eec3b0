package org.vaerepro.settings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every setting a session runs with, declared once (after jib's {@code PropertyNames}): the name a core message
 * gives it, the user property a Maven build sets it with ({@code -Dvae.firstSeeds=1}), how its text is read, its
 * default and what it does. A message about a setting names it as {@link #toString} writes it, so a front end finds
 * the setting in any message ({@link #namedIn}) and says how to set it there. Adding a setting is one line here plus
 * its use in {@code session.SessionSettings#from}; the front ends' tests then ask for its parameter, flag or
 * property.
 */
public enum Setting {
    SUITE_FILE("suiteFile", "vae.suite", Kind.PATH, mandatory(), "The suite file (JSON) declaring the experiments."),
    OUTPUT_DIRECTORY("outputDirectory", "vae.outputDirectory", Kind.PATH, mandatory(),
            "Root of the outputs: a folder per suite, holding a folder per experiment and the results page."),
    EXPERIMENTS("experiments", "vae.experiments", Kind.IDS, defaultsTo(""),
            "Ids of the experiments to run, comma-separated; every experiment of the suite when empty."),
    SHARD("shard", "vae.shard", Kind.SHARD, defaultsTo("0/1"), "Run only slice i of n of the selected runs (i/n, "
            + "0-based), for one task of a Slurm job array or a Kubernetes Indexed Job against a shared output folder."),
    FIRST_SEEDS("firstSeeds", "vae.firstSeeds", Kind.COUNT, defaultsTo("0"),
            "Run only each experiment's first N seeds (0: every declared seed)."),
    DATA_DIR("dataDir", "vae.dataDir", Kind.PATH, none(),
            "Folder holding the datasets in their official layouts; searched first."),
    ENVIRONMENT_DATA_DIR("environmentDataDir", "vae.environmentDataDir", Kind.PATH, none(),
            "A second data folder, searched after dataDir; the Maven goals take the VAE_DATA_DIR environment variable."),
    DOWNLOAD("download", "vae.download", Kind.SWITCH, defaultsTo("true"),
            "Download a standard dataset found nowhere from its official source (checked against the publisher's MD5)."),
    LPIPS_WEIGHTS("lpipsWeights", "vae.lpipsWeights", Kind.PATH, defaultsTo("~/.vae/weights/lpips-alex-v0.1.npz"),
            "LPIPS AlexNet v0.1 weights (.npz, PyTorch key names)."),
    TEMPLATE_DIRECTORY("templateDirectory", "vae.templates", Kind.PATH, none(),
            "Folder with results.ftlh or summary.ftlh overriding the packaged templates."),
    FAIL_FAST("failFast", "vae.failFast", Kind.SWITCH, defaultsTo("false"),
            "Stop at the first failing experiment instead of running the rest."),
    LOG_EVERY_STEPS("logEverySteps", "vae.logEverySteps", Kind.COUNT, defaultsTo("100"),
            "A progress line every N training steps (0: none)."),
    WORKERS("workers", "vae.workers", Kind.COUNT, defaultsTo("0"), "Worker JVMs that run the runs side by side, "
            + "longest first (0: one per core, fewer when memory holds fewer at 4 GiB each; 1: every run in this JVM, "
            + "one after another)."),
    THREADS_PER_WORKER("threadsPerWorker", "vae.threadsPerWorker", Kind.COUNT, defaultsTo("0"),
            "Native threads (OMP_NUM_THREADS) of each worker JVM (0: the cores divided among the workers).");

    /** How a setting's text is read. */
    public enum Kind {
        /** A file or folder; {@code ~/} at its start is the user's home. */
        PATH("<path>"),
        /** Ids separated by commas. */
        IDS("<id,id>"),
        /** {@code i/n}: slice i of n, 0-based. */
        SHARD("<i/n>"),
        /** A whole number. */
        COUNT("<n>"),
        /** {@code true} or {@code false}. */
        SWITCH("<true|false>");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** How a command line's help shows a value of this kind. */
        public String label() {
            return label;
        }
    }

    private static final Pattern NAMED = Pattern.compile("setting '(\\w+)'");

    private final String id;
    private final String property;
    private final Kind kind;
    private final Default fallback;
    private final String description;

    Setting(String id, String property, Kind kind, Default fallback, String description) {
        this.id = id;
        this.property = property;
        this.kind = kind;
        this.fallback = fallback;
        this.description = description;
    }

    /** The name messages give it, and the Maven goals' parameter name: {@code firstSeeds}. */
    public String id() {
        return id;
    }

    /** The user property a Maven build sets it with: {@code vae.firstSeeds}. */
    public String property() {
        return property;
    }

    public Kind kind() {
        return kind;
    }

    /** The value when none is given, as text; empty for a setting that is then unset (or {@link #required}). */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(fallback.value());
    }

    /** Whether a session cannot start without a value for it. */
    public boolean required() {
        return fallback.required();
    }

    /** One sentence: what it does. */
    public String description() {
        return description;
    }

    /** How every message names it: {@code setting 'firstSeeds'}. */
    @Override
    public String toString() {
        return "setting '" + id + "'";
    }

    public static Optional<Setting> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    /** The settings a message names (as {@link #toString} writes them), in the order it names them, once each. */
    public static List<Setting> namedIn(String message) {
        List<Setting> named = new ArrayList<>();
        Matcher m = NAMED.matcher(message == null ? "" : message);
        while (m.find()) {
            byId(m.group(1)).filter(s -> !named.contains(s)).ifPresent(named::add);
        }
        return named;
    }

    private static Default mandatory() {
        return new Default(true, null);
    }

    private static Default none() {
        return new Default(false, null);
    }

    private static Default defaultsTo(String value) {
        return new Default(false, value);
    }

    /** What a setting is when no value is given: required, unset ({@code value} null) or {@code value}. */
    private record Default(boolean required, String value) {
    }
}
