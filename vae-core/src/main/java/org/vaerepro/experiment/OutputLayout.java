package org.vaerepro.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a suite's outputs live under an output root: {@code <root>/<suite>/index.html} for the page
 * and {@code <root>/<suite>/<experiment>/} for each experiment's {@link RunFolder}. Every reader and
 * writer of results asks this type for paths, so the layout is spelled out once.
 */
public record OutputLayout(Path root) {
    public static final String PAGE_FILE = "index.html";
    /** The suite's judgement as a versioned file, beside its page. */
    public static final String JUDGEMENT_FILE = "judgement.json";

    /**
     * Why outputs cannot be written under the root, if they cannot: the root, or a folder above it, is a file.
     * Found before any run starts, so the error names the cause rather than the first run folder that fails.
     */
    public Optional<String> problem() {
        for (Path at = root.toAbsolutePath(); at != null; at = at.getParent()) {
            if (Files.exists(at) && !Files.isDirectory(at)) {
                return Optional.of(at.equals(root.toAbsolutePath()) ? "output folder " + root + " is a file"
                        : "output folder " + root + " cannot be created: " + at + " is a file");
            }
        }
        return Optional.empty();
    }

    public Path suiteDirectory(String suite) {
        return root.resolve(suite);
    }

    public Path page(String suite) {
        return suiteDirectory(suite).resolve(PAGE_FILE);
    }

    /**
     * The record of the suite's last baseline check, {@code <root>/<suite>/baseline-check.json}: its deviations, the
     * checks it skipped and the reference models' numbers as measured there (what a calibration reads back).
     */
    public Path baselineCheck(String suite) {
        return suiteDirectory(suite).resolve("baseline-check.json");
    }

    /** The folder of one run: {@code <root>/<suite>/<id>/}, or {@code .../<id>/seed-<seed>/} with several seeds. */
    public Path judgement(String suite) {
        return suiteDirectory(suite).resolve(JUDGEMENT_FILE);
    }

    public RunFolder run(Suite suite, Run run) {
        return new RunFolder(suiteDirectory(suite.name()).resolve(run.id()));
    }

    /** The folder of a single-seed experiment's one run. */
    public RunFolder run(Suite suite, ExperimentSpec spec) {
        if (spec.multiSeed()) { // several folders: the caller must say which
            throw new IllegalArgumentException("experiment '" + spec.id() + "' has seeds " + spec.seeds()
                    + ": name the run, one folder per seed");
        }
        return run(suite, new Run(spec, spec.seed()));
    }
}
