package org.vaerepro.spark;

/** A run that failed in a task; thrown so that Spark retries the task (up to {@code spark.task.maxFailures}). */
public final class RunFailedException extends RuntimeException {
    RunFailedException(String run, int attempt, String failures) {
        super("run " + run + " failed on attempt " + attempt + ": " + failures);
    }
}
