package org.vaerepro.statistics;

import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.vaerepro.io.Preconditions;

/**
 * The p-th percentile of a sample by linear interpolation between order statistics (Hyndman and Fan's type 7: R's
 * default and NumPy's {@code percentile}), so the 50th is the median and a percentile of an even count lies halfway.
 */
public final class Percentile {
    private Percentile() {
    }

    /** The {@code percent}-th percentile (0 < percent <= 100) of {@code values} (at least one). */
    public static double of(double[] values, double percent) {
        Preconditions.check(values.length > 0, "a percentile needs at least one value");
        Preconditions.check(percent > 0 && percent <= 100, "a percentile lies in (0, 100], got " + percent);
        return new org.apache.commons.math3.stat.descriptive.rank.Percentile(percent)
                .withEstimationType(EstimationType.R_7).evaluate(values);
    }
}
