package org.vaerepro.train;

import java.util.List;

/**
 * A finished run: per-epoch means, steps taken, training seconds (summed over resumes), whether it resumed,
 * with early stopping its {@link Convergence} (best epoch, why it ended; null without), the points of its
 * {@link StepCurve} (empty without one; training.json files written before curves existed lack the field), and the
 * losses of its first {@link Trainer#RECORDED_STEPS} steps ({@code firstSteps}: its early-step trajectory; empty in
 * files written before they were recorded).
 */
public record TrainingResult(List<EpochReport> epochs, long steps, double seconds, boolean resumed,
        Convergence convergence, List<StepPoint> stepPoints, List<StepLoss> firstSteps) {
    public TrainingResult {
        epochs = List.copyOf(epochs);
        stepPoints = stepPoints == null ? List.of() : List.copyOf(stepPoints);
        firstSteps = firstSteps == null ? List.of() : List.copyOf(firstSteps);
    }

    /** A run without a recorded trajectory. */
    public TrainingResult(List<EpochReport> epochs, long steps, double seconds, boolean resumed,
            Convergence convergence, List<StepPoint> stepPoints) {
        this(epochs, steps, seconds, resumed, convergence, stepPoints, List.of());
    }

    /** A run without a step curve. */
    public TrainingResult(List<EpochReport> epochs, long steps, double seconds, boolean resumed,
            Convergence convergence) {
        this(epochs, steps, seconds, resumed, convergence, List.of(), List.of());
    }

    public EpochReport last() {
        return epochs.get(epochs.size() - 1);
    }
}
