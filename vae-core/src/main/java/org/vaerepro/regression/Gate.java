package org.vaerepro.regression;

import java.util.List;

/**
 * Every check the reproducibility gate made of a suite ({@link SuiteGate}), with the files it held the suite to: the
 * baseline (null when none was found) and the verdict record (null when the suite has none), and the checks it could
 * not make and why ({@code notes}: an older baseline without trajectories or reference models). The gate passes when
 * every check does.
 */
public record Gate(String baselineFile, String verdictRecordFile, List<GateCheck> checks, List<String> notes) {

    public Gate {
        checks = List.copyOf(checks);
        notes = List.copyOf(notes);
    }

    public List<GateCheck> failures() {
        return checks.stream().filter(check -> !check.passed()).toList();
    }

    public boolean passed() {
        return failures().isEmpty();
    }

    public List<GateCheck> ofKind(GateCheck.Kind kind) {
        return checks.stream().filter(check -> check.kind() == kind).toList();
    }

    /** "15 checks, 2 failed" */
    public String summary() {
        return checks.size() + " check" + (checks.size() == 1 ? "" : "s") + ", " + failures().size() + " failed";
    }
}
