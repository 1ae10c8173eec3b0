package org.vaerepro.train;

import java.util.List;

/**
 * A finished run: per-epoch means, steps taken, training seconds (summed over resumes), whether it resumed,
 * and with early stopping its {@link Convergence} (best epoch, why it ended; null without).
 */
public record TrainingResult(List<EpochReport> epochs, long steps, double seconds, boolean resumed,
        Convergence convergence) {
    public TrainingResult {
        epochs = List.copyOf(epochs);
    }

    public EpochReport last() {
        return epochs.get(epochs.size() - 1);
    }
}
