package org.vaerepro.statistics;

import org.apache.commons.statistics.distribution.TDistribution;
import org.vaerepro.io.Preconditions;

/**
 * Welch's unequal-variance t-test of two independent samples (e.g. one metric over the seeds of two
 * bottleneck sizes): t = (mean(b) - mean(a)) / √(s_a²/n_a + s_b²/n_b), with the Welch-Satterthwaite
 * degrees of freedom. {@code pGreater} is the one-sided p-value for mean(b) > mean(a), {@code pLess} for
 * mean(b) < mean(a); {@code standardError} is the denominator of t. Both samples need at least two values.
 */
public record WelchTest(double meanDifference, double standardError, double t, double degreesOfFreedom, double pGreater,
        double pLess) {

    public static WelchTest of(double[] a, double[] b) {
        return of(SampleSummary.of(a, SampleSummary.CONFIDENCE_95), SampleSummary.of(b, SampleSummary.CONFIDENCE_95));
    }

    /** The same test from each sample's size, mean and sample standard deviation. */
    public static WelchTest of(SampleSummary a, SampleSummary b) {
        Preconditions.check(a.n() >= 2 && b.n() >= 2, "Welch's test needs at least two values per sample, got "
                + a.n() + " and " + b.n());
        double va = a.standardDeviation() * a.standardDeviation() / a.n();
        double vb = b.standardDeviation() * b.standardDeviation() / b.n();
        double difference = b.mean() - a.mean();
        if (va + vb == 0) {
            // No spread at all: the difference is certain in its direction (or there is none).
            return new WelchTest(difference, 0, Math.signum(difference) * Double.POSITIVE_INFINITY, Double.NaN,
                    difference > 0 ? 0 : 1, difference < 0 ? 0 : 1);
        }
        double standardError = Math.sqrt(va + vb);
        double t = difference / standardError;
        double df = (va + vb) * (va + vb) / (va * va / (a.n() - 1) + vb * vb / (b.n() - 1));
        TDistribution distribution = TDistribution.of(df);
        return new WelchTest(difference, standardError, t, df, distribution.survivalProbability(t),
                distribution.cumulativeProbability(t));
    }

    /** Twice the smaller one-sided p-value, at most 1: the chance of a difference this large either way. */
    public double twoSidedP() {
        return Math.min(1, 2 * Math.min(pGreater, pLess));
    }

    /**
     * Half the width of the two-sided confidence interval of the difference,
     * t(1 - (1 - confidence) / 2, df) · standard error; 0 when neither sample has any spread.
     */
    public double halfWidth(double confidence) {
        Preconditions.check(confidence > 0 && confidence < 1, "confidence must be in (0, 1), got " + confidence);
        if (standardError == 0) {
            return 0;
        }
        return TDistribution.of(degreesOfFreedom).inverseCumulativeProbability(1 - (1 - confidence) / 2) * standardError;
    }
}
