package org.vaerepro.session;

import java.util.List;

/**
 * What a worker JVM answers after each run, as one JSON line after {@link #PREFIX}: the run, its failures
 * (phase and message; empty when it succeeded), and the worker's resident memory after the run next to the
 * cap it runs under (JavaCPP's physical-bytes count and limit; a cap of 0 means none), so the pool can
 * replace a worker before a run of its pushes it over. Every other line a worker prints is a log line.
 */
record WorkerReply(String run, List<Failed> failures, long residentBytes, long residentCapBytes) {
    static final String PREFIX = "@vae-worker-reply ";

    /** A reply for a worker that did not answer: no memory reading. */
    static WorkerReply unanswered(String run, Failed failure) {
        return new WorkerReply(run, List.of(failure), 0, 0);
    }

    /** Whether the worker holds more than {@code fraction} of its cap; never true without a cap. */
    boolean residentAbove(double fraction) {
        return residentCapBytes > 0 && residentBytes > fraction * residentCapBytes;
    }

    record Failed(RunPhase phase, String message) {
    }
}
