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

    public RunFolder run(Suite suite, ExperimentSpec spec) {
        return new RunFolder(suiteDirectory(suite.name()).resolve(spec.id()));
    }
}
