package org.vaerepro.regression;

/**
 * Every tolerance the project judges results by, in one place, with its meaning:
 * <ul>
 *   <li>Against a suite's own baseline, two-sided: a change larger than this in either direction is a
 *       regression to look at ({@link BaselineCheck}).</li>
 *   <li>Against a published table, one-sided: beating the table passes, falling short by more than
 *       this fails ({@link PublishedTableRule}).</li>
 * </ul>
 */
public final class Tolerances {
    /** |PSNR - baseline| allowed, dB. */
    public static final double BASELINE_PSNR_DB = 0.3;
    /** |LPIPS - baseline| allowed. */
    public static final double BASELINE_LPIPS = 0.01;
    /** How far PSNR may fall below a published value, dB. */
    public static final double PUBLISHED_PSNR_DB = 0.5;
    /** How far LPIPS may rise above a published value. */
    public static final double PUBLISHED_LPIPS = 0.02;

    private Tolerances() {
    }
}
