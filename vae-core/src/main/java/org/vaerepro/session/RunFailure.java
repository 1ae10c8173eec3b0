package org.vaerepro.session;

import org.vaerepro.experiment.Run;

/** One run that failed in a step's {@code phase}, and why. */
public record RunFailure(Run run, RunPhase phase, Exception error) {

    /** The message to show: the error's own, or its type when it has none. */
    public String message() {
        return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    }
}
