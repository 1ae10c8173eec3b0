package org.vaerepro.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vaerepro.io.AtomicFiles;
import org.vaerepro.io.FileFormat;

/**
 * The runs of a suite whose results are {@link RunStatus.Current current} in an output folder, as a file
 * ({@code runs.json}, format {@code vae-repro-current-runs} version 1) for programs outside the JVM: each run's
 * experiment, seed, folder (absolute) and whether it is a committed snapshot (no model file). Such a program reads the
 * listed folders' files; whether a result counts stays {@link RunStatus}'s answer, as on the page.
 */
public record CurrentRunsExport(FileFormat format, String suite, List<Listed> runs) {
    public static final FileFormat FORMAT = new FileFormat("vae-repro-current-runs", 1);
    public static final String FILE = "runs.json";

    public CurrentRunsExport {
        runs = List.copyOf(runs);
    }

    /** One current run. */
    public record Listed(String experiment, long seed, String folder, boolean snapshot) {
    }

    /** The current runs of {@code results}, whose folders lie in {@code layout}, in suite order. */
    public static CurrentRunsExport of(SuiteResults results, OutputLayout layout) {
        List<Listed> runs = new ArrayList<>();
        for (Map.Entry<Run, RunStatus> entry : results.statuses().entrySet()) {
            if (entry.getValue() instanceof RunStatus.Current current) {
                Run run = entry.getKey();
                runs.add(new Listed(run.experiment().id(), run.seed(),
                        layout.run(results.suite(), run).directory().toAbsolutePath().normalize().toString(),
                        current.snapshot()));
            }
        }
        return new CurrentRunsExport(FORMAT, results.suite().name(), runs);
    }

    /** Writes the list to {@code folder}/{@value #FILE} and returns that file. */
    public Path write(Path folder) {
        Path file = folder.resolve(FILE);
        AtomicFiles.writeJson(file, this);
        return file;
    }
}
