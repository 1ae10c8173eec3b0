package org.vaerepro.regression;

import java.util.Locale;

/**
 * One step of the source's bottleneck claim (a larger d gives higher PSNR and lower LPIPS), decided by a
 * one-sided Welch t-test across seeds at p < {@link BottleneckClaim#ALPHA}: {@link #HOLDS} in the claimed
 * direction, {@link #CONTRADICTED} in the other, {@link #NOT_SHOWN} otherwise (or with fewer than two seeds).
 */
public enum ClaimVerdict {
    HOLDS, CONTRADICTED, NOT_SHOWN;

    /** The verdict as the page and the tests print it: "not shown". */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    @Override
    public String toString() {
        return word();
    }
}
