package org.vaerepro.maven;

import java.util.LinkedHashSet;
import java.util.Set;
import org.vaerepro.experiment.NotTrainedException;
import org.vaerepro.regression.GateCheck;
import org.vaerepro.regression.Judgement;
import org.vaerepro.regression.MissingBaselineException;
import org.vaerepro.settings.Setting;

/**
 * Maven's words for what the core reports (after jib's {@code MavenHelpfulSuggestions}): the core names
 * settings and steps; this adds the goal to run or the {@code -D} property to set, for every setting
 * {@link Setting} declares (a goal's parameter is named as the setting and set by its property).
 */
final class MavenHints {
    private MavenHints() {
    }

    /**
     * How to accept a deliberate change the gate caught: re-record the baseline and the verdict record (one goal writes
     * both) after reviewing the new numbers; empty when no baseline or recorded-verdict check failed.
     */
    static String reRecord(Judgement judgement) {
        boolean recorded = judgement.gate().failures().stream().anyMatch(check -> check.kind() == GateCheck.Kind.BASELINE
                || check.kind() == GateCheck.Kind.TRAJECTORY || check.kind() == GateCheck.Kind.REFERENCE_MODEL
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
        for (Setting setting : Setting.namedIn(message)) {
            hints.add("set it with -D" + setting.property() + "=... or <" + setting.id()
                    + "> in the plugin's configuration");
        }
        return hints.isEmpty() ? message : message + "\n  Hint: " + String.join("; ", hints) + ".";
    }
}
