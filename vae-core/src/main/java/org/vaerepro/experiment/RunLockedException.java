package org.vaerepro.experiment;

import java.nio.file.Path;

/** A run that was asked for by name is being trained by another process. */
public final class RunLockedException extends IllegalStateException {
    public RunLockedException(String run, Path directory, String holder) {
        super("run '" + run + "' is being trained or evaluated by " + holder + " (lock "
                + directory.resolve(RunLock.FILE) + "); wait for it to finish, or stop that process");
    }
}
