package org.vaerepro.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Against SciPy 1.10.1: scipy.stats.ttest_rel(b, a) and the Student-t interval of b - a. */
class PairedTestTest {
    @Test
    void matchesScipy() {
        // mnist-vae-d2's PSNR, seeds 1-3, under the first and the converged protocol.
        PairedTest test = PairedTest.of(new double[] {14.813, 14.859, 14.868}, new double[] {14.884, 14.970, 14.928});
        assertEquals(5.205806034981944, test.t(), 1e-9);
        assertEquals(0.03497540897698394, test.twoSidedP(), 1e-9);
        assertEquals(0.08066666666666696, test.differences().mean(), 1e-12);
        assertEquals(0.0666718374088214, test.differences().halfWidth(), 1e-9);
        assertEquals(3, test.differences().n());
    }

    @Test
    void isSymmetricInItsSign() {
        PairedTest forward = PairedTest.of(new double[] {1, 2, 4}, new double[] {1.5, 2.1, 4.9});
        PairedTest backward = PairedTest.of(new double[] {1.5, 2.1, 4.9}, new double[] {1, 2, 4});
        assertEquals(-forward.t(), backward.t(), 1e-12);
        assertEquals(forward.twoSidedP(), backward.twoSidedP(), 1e-12);
    }

    @Test
    void equalDifferencesAreCertainAndNoDifferenceIsNone() {
        PairedTest shifted = PairedTest.of(new double[] {1, 2}, new double[] {2, 3});
        assertEquals(Double.POSITIVE_INFINITY, shifted.t());
        assertEquals(0, shifted.twoSidedP());
        PairedTest same = PairedTest.of(new double[] {1, 2}, new double[] {1, 2});
        assertTrue(Double.isNaN(same.t()));
        assertEquals(1, same.twoSidedP());
    }

    @Test
    void needsTwoPairsOfTheSameUnits() {
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
                () -> PairedTest.of(new double[] {1}, new double[] {2}));
        assertTrue(one.getMessage().contains("at least two pairs"), one.getMessage());
        IllegalArgumentException unequal = assertThrows(IllegalArgumentException.class,
                () -> PairedTest.of(new double[] {1, 2, 3}, new double[] {2, 3}));
        assertTrue(unequal.getMessage().contains("3 and 2"), unequal.getMessage());
    }
}
