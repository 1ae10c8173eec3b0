package org.vaerepro.statistics;

import org.apache.commons.statistics.distribution.TDistribution;
import org.vaerepro.io.Preconditions;

/**
 * A metric over n independent runs (seeds): mean, sample standard deviation (n - 1 in the denominator)
 * and the two-sided confidence interval of the mean from Student's t with n - 1 degrees of freedom,
 * mean ± t(1 - (1 - confidence) / 2, n - 1) · s / √n. With one run there is no spread to measure: the
 * standard deviation and half-width are NaN, and the interval is unknown, not zero.
 */
public record SampleSummary(int n, double mean, double standardDeviation, double confidence, double halfWidth) {
    public static final double CONFIDENCE_95 = 0.95;

    public static SampleSummary of(double[] values, double confidence) {
        Preconditions.check(values.length > 0, "a summary needs at least one value");
        Preconditions.check(confidence > 0 && confidence < 1, "confidence must be in (0, 1), got " + confidence);
        int n = values.length;
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / n;
        if (n == 1) {
            return new SampleSummary(1, mean, Double.NaN, confidence, Double.NaN);
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(squares / (n - 1));
        return new SampleSummary(n, mean, sd, confidence, studentQuantile(confidence, n - 1) * sd / Math.sqrt(n));
    }

    /** The two-sided Student-t quantile t(1 - (1 - confidence) / 2, degreesOfFreedom). */
    public static double studentQuantile(double confidence, int degreesOfFreedom) {
        return TDistribution.of(degreesOfFreedom).inverseCumulativeProbability(1 - (1 - confidence) / 2);
    }

    public double low() {
        return mean - halfWidth;
    }

    public double high() {
        return mean + halfWidth;
    }

    /** "20.412 ± 0.210 (3 seeds)" or "20.412 (1 seed, no interval)", numbers in {@code format} (e.g. "%.3f"). */
    public String describe(String format) {
        return hasInterval() ? String.format(java.util.Locale.ROOT, format + " ± " + format + " (%d seeds)", mean,
                halfWidth, n) : String.format(java.util.Locale.ROOT, format + " (1 seed, no interval)", mean);
    }

    /** Whether the interval is known (at least two runs). */
    public boolean hasInterval() {
        return n > 1;
    }
}
