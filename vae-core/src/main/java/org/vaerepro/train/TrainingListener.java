package org.vaerepro.train;

/** Observes a training run; the Maven plugin and tests hook in here. Throwing stops the run. */
public interface TrainingListener {
    default void onStep(StepReport step) {
    }

    /** Every step, after it: where its time went (the benchmarks' split of a step). */
    default void onStepTimed(StepPhases phases) {
    }

    default void onEpochEnd(EpochReport epoch) {
    }

    /** The checkpoint to resume from was unreadable; training resumes from its previous generation instead. */
    default void onCheckpointRecovered(java.nio.file.Path damaged, java.nio.file.Path used, String problem) {
    }

    /** How the checkpoint reader reports a recovery to the listeners. */
    @FunctionalInterface
    interface Recovery {
        void recovered(java.nio.file.Path damaged, java.nio.file.Path used, String problem);
    }
}
