package org.vaerepro.train;

/** Observes a training run; the Maven plugin and tests hook in here. Throwing stops the run. */
public interface TrainingListener {
    default void onStep(StepReport step) {
    }

    default void onEpochEnd(EpochReport epoch) {
    }
}
