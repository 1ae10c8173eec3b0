package org.vaerepro.session;

/** A run that failed inside a worker JVM (its message is the worker's), or whose worker JVM died under it. */
public final class WorkerRunException extends RuntimeException {
    WorkerRunException(String message) {
        super(message);
    }
}
