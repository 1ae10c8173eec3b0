package org.vaerepro.statistics;

import org.apache.commons.statistics.distribution.TDistribution;
import org.vaerepro.io.Preconditions;

/**
 * Student's paired t-test of two samples measured on the same units (one metric of the same seeds under two
 * protocols: a seed fixes initialisation, shuffling and noise, so pairing removes the seed-to-seed spread): the
 * differences b - a summarised ({@link SampleSummary}: their mean and its Student-t interval), t = mean / (s / √n)
 * and its two-sided p with n - 1 degrees of freedom. When all differences are equal, t is infinite (p 0) or, when
 * they are all zero, NaN (p 1).
 */
public record PairedTest(SampleSummary differences, double t, double twoSidedP) {

    /** The test of {@code b[i] - a[i]}; the two arrays list the same units in the same order, at least two. */
    public static PairedTest of(double[] a, double[] b) {
        Preconditions.check(a.length == b.length, "a paired test needs the same units on both sides, got "
                + a.length + " and " + b.length + " values");
        Preconditions.check(a.length >= 2, "a paired test needs at least two pairs, got " + a.length);
        double[] differences = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            differences[i] = b[i] - a[i];
        }
        SampleSummary summary = SampleSummary.of(differences, SampleSummary.CONFIDENCE_95);
        if (summary.standardDeviation() == 0) {
            return summary.mean() == 0 ? new PairedTest(summary, Double.NaN, 1)
                    : new PairedTest(summary, Math.signum(summary.mean()) * Double.POSITIVE_INFINITY, 0);
        }
        double t = summary.mean() / (summary.standardDeviation() / Math.sqrt(summary.n()));
        double p = 2 * TDistribution.of(summary.n() - 1).survivalProbability(Math.abs(t));
        return new PairedTest(summary, t, Math.min(1, p));
    }
}
