package org.vaerepro.experiment;

import java.nio.file.Path;

/**
 * Where a suite's outputs live under an output root: {@code <root>/<suite>/index.html} for the page
 * and {@code <root>/<suite>/<experiment>/} for each experiment's {@link RunFolder}. Every reader and
 * writer of results asks this type for paths, so the layout is spelled out once.
 */
public record OutputLayout(Path root) {
    public static final String PAGE_FILE = "index.html";

    public Path suiteDirectory(String suite) {
        return root.resolve(suite);
    }

    public Path page(String suite) {
        return suiteDirectory(suite).resolve(PAGE_FILE);
    }

    /** The folder of one run: {@code <root>/<suite>/<id>/}, or {@code .../<id>/seed-<seed>/} with several seeds. */
    public RunFolder run(Suite suite, Run run) {
        return new RunFolder(suiteDirectory(suite.name()).resolve(run.id()));
    }

    /** The folder of a single-seed experiment's one run. */
    public RunFolder run(Suite suite, ExperimentSpec spec) {
        if (spec.multiSeed()) {
            throw new IllegalArgumentException("experiment '" + spec.id() + "' has seeds " + spec.seeds()
                    + ": name the run, one folder per seed");
        }
        return run(suite, new Run(spec, spec.seed()));
    }
}
