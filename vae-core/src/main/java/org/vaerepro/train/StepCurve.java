package org.vaerepro.train;

import java.util.List;
import org.vaerepro.io.Preconditions;

/**
 * A learning curve finer and earlier than the per-epoch one: {@code measurement} taken at each of the declared
 * global {@code steps} (1-based, increasing), right after the optimizer step that completes it. Steps past the
 * end of training are not reached and not measured.
 */
public record StepCurve(List<Long> steps, StepMeasurement measurement) {
    public StepCurve {
        steps = List.copyOf(Preconditions.notNull(steps, "steps"));
        Preconditions.notNull(measurement, "measurement");
        for (int i = 0; i < steps.size(); i++) {
            Preconditions.check(steps.get(i) > 0 && (i == 0 || steps.get(i) > steps.get(i - 1)),
                    "curve steps must be positive and increasing, got " + steps);
        }
    }

    /** Whether global step {@code step} is measured. */
    public boolean declares(long step) {
        return java.util.Collections.binarySearch(steps, step) >= 0;
    }
}
