package org.vaerepro.train;

import java.util.List;

/**
 * A finished run: per-epoch means, steps taken, training seconds (summed over resumes), whether it resumed,
 * with early stopping its {@link Convergence} (best epoch, why it ended; null without), and the points of its
 * {@link StepCurve} (empty without one; training.json files written before curves existed lack the field).
 */
public record TrainingResult(List<EpochReport> epochs, long steps, double seconds, boolean resumed,
        Convergence convergence, List<StepPoint> stepPoints) {
    public TrainingResult {
        epochs = List.copyOf(epochs);
        stepPoints = stepPoints == null ? List.of() : List.copyOf(stepPoints);
    }

    /** A run without a step curve. */
    public TrainingResult(List<EpochReport> epochs, long steps, double seconds, boolean resumed,
            Convergence convergence) {
        this(epochs, steps, seconds, resumed, convergence, List.of());
    }

    public EpochReport last() {
        return epochs.get(epochs.size() - 1);
    }
}
