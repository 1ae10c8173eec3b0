package org.vaerepro.train;

/** Training produced a NaN or infinite loss; the last good checkpoint is left in place. */
public final class NonFiniteLossException extends RuntimeException {
    private final long globalStep;

    public NonFiniteLossException(int epoch, int stepInEpoch, long globalStep, double reconstruction, double kl) {
        super("non-finite loss at epoch " + (epoch + 1) + " step " + (stepInEpoch + 1) + " (global step " + globalStep
                + "): reconstruction " + reconstruction + ", kl " + kl
                + "; parameters were not updated and the last good checkpoint is kept. Lower the learning rate or check the data.");
        this.globalStep = globalStep;
    }

    public long globalStep() {
        return globalStep;
    }
}
