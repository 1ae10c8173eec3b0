package org.vaerepro.regression;

import java.util.Map;
import java.util.TreeMap;
import org.vaerepro.io.FileFormat;
import org.vaerepro.provenance.Provenance;

/**
 * A suite's own recorded results, committed to the repository so that any drift, up or down, fails
 * the build. Carries how it was made: the command, the summed wall time of its runs, and the provenance
 * (environment and source) of the runs that measured it; each row keeps the checksums of its data.
 */
public record Baseline(FileFormat format, String suite, String command, double wallSeconds, Provenance provenance,
        Map<String, BaselineEntry> experiments) {
    public static final FileFormat FORMAT = new FileFormat("vae-repro-baseline", 3);

    public Baseline {
        experiments = new TreeMap<>(experiments);
    }

    public Baseline(String suite, String command, double wallSeconds, Provenance provenance,
            Map<String, BaselineEntry> experiments) {
        this(FORMAT, suite, command, wallSeconds, provenance, experiments);
    }
}
