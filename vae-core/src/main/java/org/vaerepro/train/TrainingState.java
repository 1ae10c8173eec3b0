package org.vaerepro.train;

import java.util.List;

/**
 * Where a run stands: the next (epoch, step) to run, the global step, the epoch reports so far, the
 * running sums of the current epoch and the training seconds spent. With the seed, this is all the
 * RNG state there is: shuffling depends on (seed, epoch) and noise on (seed, global step). With early
 * stopping, {@code convergence} is its state (the best epoch's parameters travel in the checkpoint).
 */
public record TrainingState(int epoch, int stepInEpoch, long globalStep, List<EpochReport> history,
        double epochLossSum, double epochReconstructionSum, double epochKlSum, int epochSteps, double seconds,
        Convergence convergence) {
    public TrainingState {
        history = List.copyOf(history);
    }

    /** {@code convergence} is null without early stopping. */
    public static TrainingState start(boolean earlyStopping) {
        return new TrainingState(0, 0, 0, List.of(), 0, 0, 0, 0, 0, earlyStopping ? Convergence.start() : null);
    }
}
