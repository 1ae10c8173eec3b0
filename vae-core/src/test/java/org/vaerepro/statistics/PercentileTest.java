package org.vaerepro.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Against NumPy 1.24's numpy.percentile (linear interpolation, its default). */
class PercentileTest {
    @Test
    void interpolatesBetweenOrderStatisticsAsNumpyDoes() {
        assertEquals(3.7, Percentile.of(new double[] {3, 1, 2, 4}, 90), 1e-12);
        assertEquals(2.5, Percentile.of(new double[] {3, 1, 2, 4}, 50), 1e-12);
        assertEquals(25, Percentile.of(new double[] {25, 25, 24, 25, 23, 22, 25, 25, 21, 25}, 50), 0);
        assertEquals(7, Percentile.of(new double[] {7}, 50), 0);
        assertEquals(4, Percentile.of(new double[] {3, 1, 2, 4}, 100), 0, "100 is the largest value, inside the range");
    }

    @Test
    void refusesAnEmptySampleAndAPercentOutsideTheRange() {
        assertThrows(IllegalArgumentException.class, () -> Percentile.of(new double[0], 50));
        assertThrows(IllegalArgumentException.class, () -> Percentile.of(new double[] {1}, 0));
        assertThrows(IllegalArgumentException.class, () -> Percentile.of(new double[] {1}, 101));
    }
}
