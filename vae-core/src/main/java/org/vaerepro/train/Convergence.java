package org.vaerepro.train;

import java.util.List;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;

/**
 * Where early stopping stands: the best epoch so far (0-based; -1 before the first validation) and its
 * validation loss, the epochs since it, and, once the run has ended, why ({@code reason}: stopped early, or
 * the maximum number of epochs reached) with the epoch count it trained ({@code epochsTrained}).
 */
public record Convergence(int bestEpoch, double bestLoss, int epochsWithoutImprovement, String reason,
        Integer epochsTrained) {

    static Convergence start() {
        return new Convergence(-1, Double.POSITIVE_INFINITY, 0, null, null);
    }

    /**
     * The state {@code rule} reaches over the validation losses of {@code history}, epoch by epoch, with at most
     * {@code maxEpochs}; it ends at the first epoch where the rule or the maximum ends the run, and the epochs after
     * that are not looked at.
     */
    static Convergence replay(List<EpochReport> history, EarlyStopping rule, int maxEpochs) {
        return over(history.size(), epoch -> history.get(epoch).validation().loss(), rule, maxEpochs);
    }

    /**
     * The state {@code rule} reaches over a curve of validation losses (one per epoch, e.g. a simulated one), with at
     * most {@code maxEpochs}: what a run with that curve would have done, as training decides it.
     */
    public static Convergence over(double[] validationLosses, EarlyStopping rule, int maxEpochs) {
        return over(validationLosses.length, epoch -> validationLosses[epoch], rule, maxEpochs);
    }

    private static Convergence over(int epochs, IntToDoubleFunction loss, EarlyStopping rule, int maxEpochs) {
        Convergence state = start();
        for (int epoch = 0; epoch < epochs && !state.ended(); epoch++) {
            state = state.after(epoch, loss.applyAsDouble(epoch), rule, maxEpochs);
        }
        return state;
    }

    /**
     * The state after {@code epoch} (0-based) whose validation loss is {@code loss}: a new best, or one more
     * epoch without improvement; ended, with the reason, when the rule's patience is used up or
     * {@code maxEpochs} is reached.
     */
    Convergence after(int epoch, double loss, EarlyStopping rule, int maxEpochs) {
        Convergence next = loss < bestLoss - rule.minDelta() ? new Convergence(epoch, loss, 0, null, null)
                : new Convergence(bestEpoch, bestLoss, epochsWithoutImprovement + 1, null, null);
        if (next.exhausted(rule)) {
            return next.ended(String.format(Locale.ROOT, "stopped early: validation loss did not improve by more "
                    + "than %s for %d epochs after the best epoch %d (%.4f)", rule.minDelta(), rule.patience(),
                    next.bestEpoch + 1, next.bestLoss), epoch + 1);
        }
        if (epoch + 1 == maxEpochs) {
            return next.ended(String.format(Locale.ROOT, "reached the maximum of %d epochs; best epoch %d (%.4f)",
                    maxEpochs, next.bestEpoch + 1, next.bestLoss), epoch + 1);
        }
        return next;
    }

    /**
     * Ended because the maximum number of epochs came before {@code rule}'s patience ran out: the validation
     * loss may still have been improving, so the kept model is what the budget reached, not a converged one.
     */
    public boolean reachedMaximum(EarlyStopping rule) {
        return ended() && !exhausted(rule);
    }

    boolean improvedAt(int epoch) {
        return bestEpoch == epoch;
    }

    boolean exhausted(EarlyStopping rule) {
        return epochsWithoutImprovement >= rule.patience();
    }

    private Convergence ended(String why, int epochs) {
        return new Convergence(bestEpoch, bestLoss, epochsWithoutImprovement, why, epochs);
    }

    public boolean ended() {
        return reason != null;
    }
}
