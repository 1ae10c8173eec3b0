package org.vaerepro.experiment;

import org.vaerepro.train.EarlyStopping;

/**
 * The part of an experiment that decides when a run ends, never what it computes up to then: at most
 * {@code epochs} epochs, and with {@code patience} > 0 early stopping on the validation loss (improvement by
 * more than {@code minDelta}). A run whose only change is here can go on from its checkpoint
 * ({@link RunFolder#prepareForTraining}).
 */
public record StoppingRule(int epochs, int patience, double minDelta) {

    /** Its early-stopping rule, or null when a run trains for exactly {@code epochs} ({@code patience} 0). */
    public EarlyStopping earlyStopping() {
        return patience > 0 ? new EarlyStopping(patience, minDelta) : null;
    }
}
