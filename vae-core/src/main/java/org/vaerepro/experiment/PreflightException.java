package org.vaerepro.experiment;

import java.util.List;

/** What a suite needs and cannot have, found before any training starts: every problem, each naming its file. */
public final class PreflightException extends IllegalStateException {
    private final List<String> problems;

    public PreflightException(List<String> problems) {
        super("cannot start: " + problems.size() + " input(s) missing or invalid:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
