package org.vaerepro.regression;

import java.util.List;
import org.vaerepro.io.Preconditions;

/**
 * The early-step trajectory check of a baseline: how many first steps of each recorded seed's training are held
 * ({@link #steps()}) and the window of each ({@link StepWindow}), derived from the spread measured across the
 * configurations named in {@code measuredAcross} by {@code rule}.
 */
public record TrajectoryWindows(List<String> measuredAcross, String rule, List<StepWindow> steps) {
    public TrajectoryWindows {
        measuredAcross = List.copyOf(measuredAcross);
        steps = List.copyOf(steps);
        for (int i = 0; i < steps.size(); i++) {
            Preconditions.check(steps.get(i).step() == i + 1, "trajectory windows must be of steps 1, 2, ... in order; "
                    + "entry " + i + " is of step " + steps.get(i).step());
        }
    }

    /** The window of global step {@code step} (1-based), which must be held. */
    public StepWindow at(long step) {
        return steps.get((int) step - 1);
    }
}
