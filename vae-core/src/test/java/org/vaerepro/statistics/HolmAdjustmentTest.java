package org.vaerepro.statistics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HolmAdjustmentTest {
    @Test
    void multipliesTheIthSmallestByMMinusIAndKeepsTheOrderMonotone() {
        // Sorted 0.005, 0.01, 0.03, 0.04 -> x4, x3, x2, x1 = 0.02, 0.03, 0.06, 0.04 -> non-decreasing: 0.06 for the last.
        // R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") = 0.03 0.06 0.06 0.02
        double[] p = {0.01, 0.04, 0.03, 0.005};
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, HolmAdjustment.adjust(p), 1e-15);
        assertArrayEquals(new double[] {0.01, 0.04, 0.03, 0.005}, p, 0, "the argument is left as it was");
    }

    @Test
    void capsAtOneAndLeavesASingleTestAlone() {
        assertArrayEquals(new double[] {1, 1}, HolmAdjustment.adjust(new double[] {0.6, 0.5}), 0);
        assertArrayEquals(new double[] {0.03}, HolmAdjustment.adjust(new double[] {0.03}), 0);
        assertArrayEquals(new double[0], HolmAdjustment.adjust(new double[0]), 0);
        // 0 and 1 are p-values (a certain rejection, no evidence at all), not out of range.
        assertArrayEquals(new double[] {0, 1}, HolmAdjustment.adjust(new double[] {0, 1}), 0);
    }

    @Test
    void aValueOutsideZeroToOneIsNamed() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> HolmAdjustment.adjust(new double[] {0.2, 1.5}));
        assertTrue(error.getMessage().contains("1.5"), error.getMessage());
    }
}
