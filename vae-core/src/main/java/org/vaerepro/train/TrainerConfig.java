package org.vaerepro.train;

/**
 * Optimisation settings: Adam with the given learning rate, mini-batches, epochs and the seed that
 * decides shuffling and the reparameterisation noise. {@code checkpointEverySteps} adds mid-epoch
 * checkpoints (0: one per epoch only); {@code logEverySteps} spaces the progress lines. {@code epochs}
 * is the maximum when {@code earlyStopping} (may be null: off) ends the run sooner; {@code maxSteps} > 0 ends it
 * after that many optimisation steps, mid-epoch if need be (a step budget; not with early stopping).
 */
public record TrainerConfig(int epochs, int batchSize, double learningRate, long seed, int logEverySteps,
        int checkpointEverySteps, EarlyStopping earlyStopping, long maxSteps) {
    public TrainerConfig {
        if (epochs <= 0) {
            throw new IllegalArgumentException("epochs must be > 0, got " + epochs);
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize must be > 0, got " + batchSize);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be finite and > 0, got " + learningRate);
        }
        if (logEverySteps < 0 || checkpointEverySteps < 0) {
            throw new IllegalArgumentException("logEverySteps and checkpointEverySteps must be >= 0");
        }
        if (maxSteps < 0 || (maxSteps > 0 && earlyStopping != null)) {
            throw new IllegalArgumentException("maxSteps must be >= 0 and cannot be combined with early stopping, got "
                    + maxSteps);
        }
    }

    /** How the run ends, for messages: "at most 25 epochs, stopping after 4 epochs without improvement by more than 0.1". */
    public String describeStopping() {
        return earlyStopping == null ? "exactly " + epochs + " epochs (no early stopping)"
                : "at most " + epochs + " epochs, stopping after " + earlyStopping.patience()
                        + " epochs without improvement by more than " + earlyStopping.minDelta();
    }

    /** Without a step budget. */
    public TrainerConfig(int epochs, int batchSize, double learningRate, long seed, int logEverySteps,
            int checkpointEverySteps, EarlyStopping earlyStopping) {
        this(epochs, batchSize, learningRate, seed, logEverySteps, checkpointEverySteps, earlyStopping, 0);
    }

    /** Without early stopping: {@code epochs} epochs exactly. */
    public TrainerConfig(int epochs, int batchSize, double learningRate, long seed, int logEverySteps,
            int checkpointEverySteps) {
        this(epochs, batchSize, learningRate, seed, logEverySteps, checkpointEverySteps, null, 0);
    }

    /** Whether the step budget is spent at {@code globalStep} steps. */
    public boolean budgetSpent(long globalStep) {
        return maxSteps > 0 && globalStep >= maxSteps;
    }
}
