package org.vaerepro.statistics;

import org.apache.commons.statistics.distribution.TDistribution;
import org.vaerepro.io.Preconditions;

/**
 * Welch's unequal-variance t-test of two independent samples (e.g. one metric over the seeds of two
 * bottleneck sizes): t = (mean(b) - mean(a)) / √(s_a²/n_a + s_b²/n_b), with the Welch-Satterthwaite
 * degrees of freedom. {@code pGreater} is the one-sided p-value for mean(b) > mean(a), {@code pLess} for
 * mean(b) < mean(a). Both samples need at least two values.
 */
public record WelchTest(double meanDifference, double t, double degreesOfFreedom, double pGreater, double pLess) {

    public static WelchTest of(double[] a, double[] b) {
        Preconditions.check(a.length >= 2 && b.length >= 2, "Welch's test needs at least two values per sample, got "
                + a.length + " and " + b.length);
        SampleSummary sa = SampleSummary.of(a, SampleSummary.CONFIDENCE_95);
        SampleSummary sb = SampleSummary.of(b, SampleSummary.CONFIDENCE_95);
        double va = sa.standardDeviation() * sa.standardDeviation() / a.length;
        double vb = sb.standardDeviation() * sb.standardDeviation() / b.length;
        double difference = sb.mean() - sa.mean();
        if (va + vb == 0) {
            // No spread at all: the difference is certain in its direction (or there is none).
            return new WelchTest(difference, Math.signum(difference) * Double.POSITIVE_INFINITY, Double.NaN,
                    difference > 0 ? 0 : 1, difference < 0 ? 0 : 1);
        }
        double t = difference / Math.sqrt(va + vb);
        double df = (va + vb) * (va + vb) / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
        TDistribution distribution = TDistribution.of(df);
        return new WelchTest(difference, t, df, distribution.survivalProbability(t), distribution.cumulativeProbability(t));
    }
}
