package org.vaerepro.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One point of a {@link StepCurve}: the global step (1-based: after that many optimizer steps), the 0-based epoch
 * it fell in, and the measured values by id, in the measurement's order.
 */
public record StepPoint(long step, int epoch, Map<String, Double> values) {
    public StepPoint {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
