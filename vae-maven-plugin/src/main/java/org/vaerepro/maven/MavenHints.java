package org.vaerepro.maven;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vaerepro.experiment.NotTrainedException;
import org.vaerepro.regression.GateCheck;
import org.vaerepro.regression.Judgement;
import org.vaerepro.regression.MissingBaselineException;

/**
 * Maven's words for what the core reports (after jib's {@code MavenHelpfulSuggestions}): the core names
 * settings and steps; this adds the goal to run or the {@code -D} property to set.
 */
final class MavenHints {
    /** Setting name (as core messages write it: setting 'x') to the goal parameter's user property. */
    private static final Map<String, String> PROPERTIES = Map.of(
            "suiteFile", "vae.suite",
            "outputDirectory", "vae.outputDirectory",
            "dataDir", "vae.dataDir",
            "download", "vae.download",
            "lpipsWeights", "vae.lpipsWeights",
            "logEverySteps", "vae.logEverySteps",
            "shard", "vae.shard",
            "firstSeeds", "vae.firstSeeds");
    private static final Pattern SETTING = Pattern.compile("setting '(\\w+)'");

    private MavenHints() {
    }

    /**
     * How to accept a deliberate change the gate caught: re-record the baseline and the verdict record (one goal writes
     * both) after reviewing the new numbers; empty when no baseline or recorded-verdict check failed.
     */
    static String reRecord(Judgement judgement) {
        boolean recorded = judgement.gate().failures().stream().anyMatch(check -> check.kind() == GateCheck.Kind.BASELINE
                || check.kind() == GateCheck.Kind.RECORDED_VERDICT);
        return recorded ? "  Hint: if the change is deliberate, review the new numbers, then record them again with"
                + " 'mvn vae:baseline -Dvae.suite=" + judgement.suiteFile() + "' (add -Dvae.outputDirectory=... if the"
                + " results are elsewhere) and commit the files it writes." : "";
    }

    /** The error's message followed by what to do about it in a Maven build, when there is something to say. */
    static String explain(Throwable error) {
        String message = String.valueOf(error.getMessage());
        Set<String> hints = new LinkedHashSet<>();
        if (error instanceof NotTrainedException) {
            hints.add("run vae:train (or vae:reproduce) first");
        }
        if (error instanceof MissingBaselineException) {
            hints.add("record it with 'mvn -B -pl reproductions vae:baseline -Dvae.suite=<suite file>' after a reviewed run");
        }
        Matcher setting = SETTING.matcher(message);
        while (setting.find()) {
            String property = PROPERTIES.get(setting.group(1));
            if (property != null) {
                hints.add("set it with -D" + property + "=... or <" + setting.group(1)
                        + "> in the plugin's configuration");
            }
        }
        return hints.isEmpty() ? message : message + "\n  Hint: " + String.join("; ", hints) + ".";
    }
}
