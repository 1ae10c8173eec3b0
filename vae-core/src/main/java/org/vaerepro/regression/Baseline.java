package org.vaerepro.regression;

import java.util.Map;
import java.util.TreeMap;

/**
 * A suite's own recorded results, committed to the repository so that any drift, up or down, fails
 * the build. Carries how it was made: command, commit, date, machine, versions and wall time.
 */
public record Baseline(String suite, String command, String gitCommit, String recordedAt, String machine,
        Map<String, String> versions, double wallSeconds, Map<String, BaselineEntry> experiments) {
    /** Two-sided tolerances: a change larger than this in either direction is a regression to look at. */
    public static final double PSNR_TOLERANCE_DB = 0.3;
    public static final double LPIPS_TOLERANCE = 0.01;

    public Baseline {
        experiments = new TreeMap<>(experiments);
    }
}
