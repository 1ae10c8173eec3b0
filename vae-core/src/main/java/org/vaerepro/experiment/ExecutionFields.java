package org.vaerepro.experiment;

/**
 * The part of an experiment that decides how a run is carried out, never what it computes: a mid-epoch
 * checkpoint every {@code checkpointEverySteps} steps (0: one per epoch), which bounds what a lost worker or
 * executor costs. Resuming is exact, so a change here never makes a result stale.
 */
public record ExecutionFields(int checkpointEverySteps) {
}
