package org.vaerepro.train;

import java.util.List;

/** A finished run: per-epoch means, steps taken, training seconds (summed over resumes) and whether it resumed. */
public record TrainingResult(List<EpochReport> epochs, long steps, double seconds, boolean resumed) {
    public TrainingResult {
        epochs = List.copyOf(epochs);
    }

    public EpochReport last() {
        return epochs.get(epochs.size() - 1);
    }
}
