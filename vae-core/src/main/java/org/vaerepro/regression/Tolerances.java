package org.vaerepro.regression;

/**
 * The tolerances of the baseline gate ({@link BaselineCheck}), two-sided. The early-step trajectories and the
 * reference models are held to windows derived from the spread measured across thread counts and native builds
 * ({@link GateCalibration}; docs/gate.md has the measurement). At the end of training, a seed the baseline recorded is held to
 * its own value within the numerical-noise floor; another seed must fall inside the {@link #GATE_CONFIDENCE}
 * prediction interval for one new run, mean ± t(n - 1) · s · √(1 + 1/n), at least the floor; a baseline with one
 * value per row (version 1) keeps the fixed window. How the floor was measured is in the README ("The
 * reproducibility gate"). The margins of a published table are a suite's own
 * ({@link org.vaerepro.experiment.PublishedMargins}).
 */
public final class Tolerances {
    /** Two-sided confidence of the baseline gate's prediction interval. */
    public static final double GATE_CONFIDENCE = 0.95;
    /**
     * The smallest window the gate uses, dB: numerical noise between machines. The same code and seed give
     * bit-identical results on one machine but not across CPU models (other kernels, other summation orders); the
     * floor rounds up the largest cross-machine move measured, so a gate recorded on one machine does not fail a
     * change-free run on another.
     */
    public static final double GATE_PSNR_FLOOR_DB = 0.25;
    /** The LPIPS counterpart of {@link #GATE_PSNR_FLOOR_DB}. */
    public static final double GATE_LPIPS_FLOOR = 0.008;
    /** Fixed |PSNR - baseline| window for baselines without a measured spread, dB. */
    public static final double BASELINE_PSNR_DB = 0.3;
    /** Fixed |LPIPS - baseline| window for baselines without a measured spread. */
    public static final double BASELINE_LPIPS = 0.01;

    /** How many first steps of each recorded seed's training the trajectory check holds ({@link TrajectoryWindows}). */
    public static final int TRAJECTORY_STEPS = 50;
    /**
     * The relative window of a trajectory step is this many times the largest relative spread measured at that step
     * or any before it, over every row and every other configuration of the calibration: so it grows with the step, as
     * the runs' arithmetic drifts apart, and leaves room for a processor the calibration did not see.
     */
    public static final double TRAJECTORY_SAFETY = 10;
    /** The smallest relative window of a trajectory step (float32 losses summed over a batch). */
    public static final double TRAJECTORY_FLOOR = 1e-6;
    /** A reference model's window is this many times the largest difference measured across configurations... */
    public static final double REFERENCE_SAFETY = 10;
    /** ...and at least this fraction of the recorded value (evaluation is not chaotic: about 1e-5 was expected). */
    public static final double REFERENCE_RELATIVE_FLOOR = 1e-6;

    /** The allowed |measured - recorded| of a reference model's number {@code value} whose measured spread is {@code spread}. */
    public static double referenceHalfWidth(double value, double spread) {
        return Math.max(REFERENCE_SAFETY * spread, REFERENCE_RELATIVE_FLOOR * Math.abs(value));
    }

    /** The rule of {@link #referenceHalfWidth}, in words. */
    public static String referenceRule() {
        return REFERENCE_SAFETY + " x the largest difference measured across the calibration's configurations, at least "
                + REFERENCE_RELATIVE_FLOOR + " x |value|";
    }

    /** The relative window of a trajectory step whose largest spread up to it is {@code spreadSoFar}. */
    public static double trajectoryWindow(double spreadSoFar) {
        return Math.max(TRAJECTORY_SAFETY * spreadSoFar, TRAJECTORY_FLOOR);
    }

    /** The rule of {@link #trajectoryWindow}, in words. */
    public static String trajectoryRule() {
        return TRAJECTORY_SAFETY + " x the largest relative spread measured at this step or before across the "
                + "calibration's configurations, at least " + TRAJECTORY_FLOOR;
    }

    private Tolerances() {
    }
}
