package org.vaerepro.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wall time per op of replayed passes, summed by op name (conv2d, conv2d_bp, multiply, ...) in the order the ops
 * first ran: what a step or a reconstruction spends where, for profiling against a peer. Handed to
 * {@link AutoencoderModel#gradients(org.nd4j.linalg.api.ndarray.INDArray, org.nd4j.linalg.api.ndarray.INDArray, OpTimes)}
 * or {@link AutoencoderModel#reconstruct(org.nd4j.linalg.api.ndarray.INDArray, OpTimes)}; timing each op costs two
 * clock reads, so training and evaluation pass none. Not thread-safe.
 */
public final class OpTimes {
    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private final Map<String, Integer> calls = new LinkedHashMap<>();

    void add(String op, long elapsedNanos) {
        nanos.merge(op, elapsedNanos, Long::sum);
        calls.merge(op, 1, Integer::sum);
    }

    /** Nanoseconds per op name, summed over every call since this was created. */
    public Map<String, Long> nanosByOp() {
        return Collections.unmodifiableMap(nanos);
    }

    /** Calls per op name. */
    public Map<String, Integer> callsByOp() {
        return Collections.unmodifiableMap(calls);
    }
}
