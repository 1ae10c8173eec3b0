package org.vaerepro.regression;

/**
 * The tolerances of the baseline gate ({@link BaselineCheck}), two-sided: a seed the baseline recorded is held to
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

    private Tolerances() {
    }
}
