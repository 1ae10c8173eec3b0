package org.vaerepro.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Against values computed with SciPy 1.17.1: scipy.stats.t.ppf(0.975, df) and Python's statistics.stdev. */
class SampleSummaryTest {
    @Test
    void meanSampleDeviationAndStudentInterval() {
        SampleSummary s = SampleSummary.of(new double[] {1, 2, 3}, 0.95);
        assertEquals(2.0, s.mean(), 1e-15);
        assertEquals(1.0, s.standardDeviation(), 1e-15);
        // t.ppf(0.975, 2) = 4.302652729749462; half-width = t * 1 / sqrt(3)
        assertEquals(4.302652729749462 / Math.sqrt(3), s.halfWidth(), 1e-9);
        assertEquals(2 - s.halfWidth(), s.low(), 0);

        SampleSummary five = SampleSummary.of(new double[] {19.31, 19.05, 19.44, 19.20, 19.12}, 0.95);
        // statistics.stdev: 0.1546932448428178; t.ppf(0.975, 4) = 2.7764451051977934
        assertEquals(19.224, five.mean(), 1e-12);
        assertEquals(0.1546932448428178, five.standardDeviation(), 1e-12);
        assertEquals(2.7764451051977934 * 0.1546932448428178 / Math.sqrt(5), five.halfWidth(), 1e-9);
        assertTrue(five.hasInterval());
    }

    @Test
    void oneRunHasNoIntervalRatherThanAZeroOne() {
        SampleSummary one = SampleSummary.of(new double[] {13.4}, 0.95);
        assertEquals(13.4, one.mean(), 0);
        assertTrue(Double.isNaN(one.halfWidth()) && Double.isNaN(one.standardDeviation()));
        assertFalse(one.hasInterval());
    }

    @Test
    void theDeviationIsExactUnderALargeCommonOffset() {
        // Squared deviations from the mean keep s = √(7/3) to 1e-15 relative; forms of v² - mean² (one pass, or
        // (v + mean)(v - mean)) add 2·mean·Σ(v - mean), and 1e9 + 7/3 is not a double, so Σ(v - mean) ≈ 1e-7 ≠ 0
        // and they are off by hundreds (Python: -233.75 instead of 4.667 for the sum of squares).
        SampleSummary offset = SampleSummary.of(new double[] {1e9 + 1, 1e9 + 2, 1e9 + 4}, 0.95);
        assertEquals(Math.sqrt(7.0 / 3), offset.standardDeviation(), 1e-12);
        assertEquals(1e9 + 7.0 / 3 + 4.302652729749462 * Math.sqrt(7.0 / 3) / Math.sqrt(3), offset.high(), 1e-6);
    }

    @Test
    void describesTheIntervalOrItsAbsence() {
        assertEquals("2.000 ± 2.484 (3 seeds)", SampleSummary.of(new double[] {1, 2, 3}, 0.95).describe("%.3f"));
        assertEquals("13.400 (1 seed, no interval)", SampleSummary.of(new double[] {13.4}, 0.95).describe("%.3f"));
    }

    @Test
    void refusesNoValuesAndAConfidenceOutsideTheOpenUnitInterval() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> SampleSummary.of(new double[0], 0.95));
        assertTrue(empty.getMessage().contains("at least one value"), empty.getMessage());
        for (double confidence : new double[] {0, 1}) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> SampleSummary.of(new double[] {1, 2}, confidence));
            assertTrue(error.getMessage().contains("confidence"), error.getMessage());
        }
    }
}
