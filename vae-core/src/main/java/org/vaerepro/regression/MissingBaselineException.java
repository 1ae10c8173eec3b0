package org.vaerepro.regression;

import java.nio.file.Path;

/** A suite has no baseline file yet; one is recorded deliberately, from a reviewed run. */
public final class MissingBaselineException extends IllegalStateException {
    public MissingBaselineException(Path file, Throwable cause) {
        super("no baseline file " + file + "; record one deliberately from a reviewed run (the session's baseline "
                + "step), then commit it", cause);
    }
}
