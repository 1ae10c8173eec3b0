package org.vaerepro.session;

import java.util.List;

/**
 * What a worker JVM answers after each run, as one JSON line after {@link #PREFIX}: the run and its failures
 * (phase and message; empty when it succeeded). Every other line a worker prints is a log line.
 */
record WorkerReply(String run, List<Failed> failures) {
    static final String PREFIX = "@vae-worker-reply ";

    record Failed(String phase, String message) {
    }
}
