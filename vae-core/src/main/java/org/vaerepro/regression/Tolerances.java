package org.vaerepro.regression;

/**
 * Every tolerance the project judges results by, in one place, with its meaning:
 * <ul>
 *   <li>Against a suite's own baseline, two-sided ({@link BaselineCheck}): a seed the baseline recorded is
 *       held to its own value within the numerical-noise floor; another seed must fall inside the
 *       {@link #GATE_CONFIDENCE} prediction interval for one new run, mean ± t(n - 1) · s · √(1 + 1/n), at
 *       least the floor; a baseline with one value per row (version 1, or one seed) keeps the fixed window.</li>
 *   <li>Against a published table, one-sided: beating the table passes, falling short by more than
 *       the margin fails ({@link PublishedTableRule}).</li>
 * </ul>
 */
public final class Tolerances {
    /** Two-sided confidence of the baseline gate's prediction interval. */
    public static final double GATE_CONFIDENCE = 0.95;
    /**
     * The smallest window the gate uses, dB: numerical noise between machines. The same code and seed give
     * bit-identical results on one machine, but not across CPU models (other oneDNN kernels, other
     * summation orders): commit 9455331 retrained on the 2026-11-24 machine against the ci baseline
     * recorded with the same code and seed on an earlier one moved by up to 0.207 dB PSNR (cifar-ae-d128;
     * median 0.012) and 0.0072 LPIPS over the 15 rows. The floor rounds those up, so a gate recorded on one
     * machine does not fail a change-free run on another.
     */
    public static final double GATE_PSNR_FLOOR_DB = 0.25;
    /** The LPIPS counterpart of {@link #GATE_PSNR_FLOOR_DB}. */
    public static final double GATE_LPIPS_FLOOR = 0.008;
    /** Fixed |PSNR - baseline| window for baselines without a measured spread, dB. */
    public static final double BASELINE_PSNR_DB = 0.3;
    /** Fixed |LPIPS - baseline| window for baselines without a measured spread. */
    public static final double BASELINE_LPIPS = 0.01;
    /** How far PSNR may fall below a published value, dB. */
    public static final double PUBLISHED_PSNR_DB = 0.5;
    /** How far LPIPS may rise above a published value. */
    public static final double PUBLISHED_LPIPS = 0.02;

    private Tolerances() {
    }
}
