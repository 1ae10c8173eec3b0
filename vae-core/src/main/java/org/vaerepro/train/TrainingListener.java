package org.vaerepro.train;

/** Observes a training run; the Maven plugin and tests hook in here. Throwing stops the run. */
public interface TrainingListener {
    default void onStep(StepReport step) {
    }

    default void onEpochEnd(EpochReport epoch) {
    }

    /** A checkpoint was written, after it is safely in place. */
    default void onCheckpoint(java.nio.file.Path file, int epoch, int stepInEpoch) {
    }
}
