package org.vaerepro.train;

import java.util.List;

/**
 * Where a run stands: the next (epoch, step) to run, the global step, the epoch reports so far, the
 * running sums of the current epoch and the training seconds spent. With the seed, this is all the
 * RNG state there is: shuffling depends on (seed, epoch) and noise on (seed, global step).
 */
public record TrainingState(int epoch, int stepInEpoch, long globalStep, List<EpochReport> history,
        double epochLossSum, double epochReconstructionSum, double epochKlSum, int epochSteps, double seconds) {
    public TrainingState {
        history = List.copyOf(history);
    }

    public static TrainingState start() {
        return new TrainingState(0, 0, 0, List.of(), 0, 0, 0, 0, 0);
    }
}
