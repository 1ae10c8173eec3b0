package org.vaerepro.regression;

/**
 * How far the losses of global step {@code step} (1-based) may move from a recorded trajectory, relative to the
 * recorded value: {@code loss} (the objective), {@code reconstruction} and {@code kl} are allowed relative
 * half-widths; the {@code ...Spread} fields the largest relative difference measured at this step between the
 * recorded runs and the same runs under each other configuration of the baseline's calibration (other thread counts
 * and native builds), over every row.
 */
public record StepWindow(long step, double lossSpread, double reconstructionSpread, double klSpread, double loss,
        double reconstruction, double kl) {
}
