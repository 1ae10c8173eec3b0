package org.vaerepro.train;

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

    /** The state after one more epoch whose validation loss is {@code loss}. */
    Convergence after(int epoch, double loss, EarlyStopping rule) {
        if (loss < bestLoss - rule.minDelta()) {
            return new Convergence(epoch, loss, 0, null, null);
        }
        return new Convergence(bestEpoch, bestLoss, epochsWithoutImprovement + 1, null, null);
    }

    boolean improvedAt(int epoch) {
        return bestEpoch == epoch;
    }

    boolean exhausted(EarlyStopping rule) {
        return epochsWithoutImprovement >= rule.patience();
    }

    Convergence ended(String why, int epochs) {
        return new Convergence(bestEpoch, bestLoss, epochsWithoutImprovement, why, epochs);
    }

    Convergence reopened() {
        return new Convergence(bestEpoch, bestLoss, epochsWithoutImprovement, null, null);
    }

    public boolean ended() {
        return reason != null;
    }
}
