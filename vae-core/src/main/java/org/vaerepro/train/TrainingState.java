package org.vaerepro.train;

import java.util.List;

/**
 * Where a run stands: the next (epoch, step) to run, the global step, the epoch reports so far, the
 * running sums of the current epoch and the training seconds spent. With the seed, this is all the
 * RNG state there is: shuffling depends on (seed, epoch) and noise on (seed, global step). With early
 * stopping, {@code convergence} is its state (the best epoch's parameters travel in the checkpoint).
 * {@code stepPoints} are the points of a {@link StepCurve} measured so far (empty without one, and in
 * checkpoints written before curves existed); {@code firstSteps} the losses of the first
 * {@link Trainer#RECORDED_STEPS} steps taken so far (empty in checkpoints written before they were recorded).
 */
public record TrainingState(int epoch, int stepInEpoch, long globalStep, List<EpochReport> history,
        double epochLossSum, double epochReconstructionSum, double epochKlSum, int epochSteps, double seconds,
        Convergence convergence, List<StepPoint> stepPoints, List<StepLoss> firstSteps) {
    public TrainingState {
        history = List.copyOf(history);
        stepPoints = stepPoints == null ? List.of() : List.copyOf(stepPoints);
        firstSteps = firstSteps == null ? List.of() : List.copyOf(firstSteps);
    }

    /**
     * Whether a run trained under {@code rule} (null: no early stopping) for at most {@code maxEpochs} can go on
     * from this state and end exactly as if it had been trained under them from the start. The parameters,
     * Adam's state and every random stream depend on (seed, epoch, step) alone, never on the stopping rule; so
     * that holds when the maximum is not below the epochs already trained and {@code rule}, replayed over the
     * recorded validation losses, neither ends the run before those epochs nor picks another best epoch (the
     * state's parameters for the kept model are that epoch's, no other's). This is what lets a run that stopped
     * early, or reached its maximum, continue when the patience or the maximum is raised.
     */
    public boolean continuableUnder(int maxEpochs, EarlyStopping rule) {
        int trained = history.size();
        if (trained > maxEpochs || (trained == maxEpochs && stepInEpoch > 0) || (rule == null) != (convergence == null)) {
            return false;
        }
        if (rule == null) {
            return true;
        }
        if (history.stream().anyMatch(report -> report.validation() == null)) {
            return false;
        }
        Convergence replayed = Convergence.replay(history, rule, maxEpochs);
        boolean endsBefore = replayed.ended() && replayed.epochsTrained() < trained;
        return !endsBefore && replayed.bestEpoch() == convergence.bestEpoch();
    }

    /** {@code convergence} is null without early stopping. */
    public static TrainingState start(boolean earlyStopping) {
        return new TrainingState(0, 0, 0, List.of(), 0, 0, 0, 0, 0, earlyStopping ? Convergence.start() : null,
                List.of(), List.of());
    }
}
