package org.vaerepro.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Against SciPy 1.17.1: scipy.stats.ttest_ind(b, a, equal_var=False, alternative='greater' / 'less'). */
class WelchTestTest {
    @Test
    void matchesScipy() {
        WelchTest w = WelchTest.of(new double[] {13.1, 13.4, 12.9, 13.3}, new double[] {13.9, 14.2, 13.6});
        assertEquals(3.525417908358018, w.t(), 1e-9);
        assertEquals(3.574584357380371, w.degreesOfFreedom(), 1e-9);
        assertEquals(0.014622580670054576, w.pGreater(), 1e-9);
        assertEquals(0.9853774193299454, w.pLess(), 1e-9);
        assertEquals(13.9 - 13.175, w.meanDifference(), 1e-12);
    }

    @Test
    void needsTwoValuesPerSample() {
        assertThrows(IllegalArgumentException.class, () -> WelchTest.of(new double[] {1}, new double[] {1, 2}));
    }

    @Test
    void givesTheIntervalOfTheDifferenceAndTheSameTestFromSummaries() {
        double[] a = {13.1, 13.4, 12.9, 13.3};
        double[] b = {13.9, 14.2, 13.6};
        WelchTest w = WelchTest.of(a, b);
        // SciPy: ttest_ind(b, a, equal_var=False).confidence_interval(0.95) = (0.126202, 1.323798); p 0.029245.
        assertEquals(0.20564937798755104, w.standardError(), 1e-12);
        assertEquals(0.5987981124928885, w.halfWidth(0.95), 1e-9);
        assertEquals(0.12620188750711114, w.meanDifference() - w.halfWidth(0.95), 1e-9);
        assertEquals(0.02924516134010915, w.twoSidedP(), 1e-9);
        assertEquals(w, WelchTest.of(SampleSummary.of(a, 0.95), SampleSummary.of(b, 0.95)));
        WelchTest flat = WelchTest.of(new double[] {1, 1}, new double[] {2, 2});
        assertEquals(0, flat.halfWidth(0.95));
        assertEquals(0, flat.twoSidedP());
    }

    @Test
    void samplesOfEqualSpreadAreTestedNotTakenAsCertain() {
        // Equal nonzero variances (va = vb): only a zero total variance skips the t distribution.
        // SciPy: ttest_ind([1, 2, 3], [4, 5, 6], equal_var=False, alternative="less") -> t = -3.674234614174767, df = 4,
        // p = 0.010655820564378356.
        WelchTest w = WelchTest.of(new double[] {4, 5, 6}, new double[] {1, 2, 3});
        assertEquals(-3.674234614174767, w.t(), 1e-9);
        assertEquals(4, w.degreesOfFreedom(), 1e-12);
        assertEquals(0.010655820564378356, w.pLess(), 1e-9);
    }

    @Test
    void withoutSpreadTheDirectionIsCertainAndNoDifferenceIsNoEvidence() {
        WelchTest up = WelchTest.of(new double[] {1, 1}, new double[] {2, 2});
        assertEquals(Double.POSITIVE_INFINITY, up.t());
        assertEquals(0, up.pGreater());
        assertEquals(1, up.pLess());
        WelchTest down = WelchTest.of(new double[] {2, 2}, new double[] {1, 1});
        assertEquals(Double.NEGATIVE_INFINITY, down.t());
        assertEquals(1, down.pGreater());
        assertEquals(0, down.pLess());
        WelchTest same = WelchTest.of(new double[] {3, 3}, new double[] {3, 3});
        assertEquals(1, same.pGreater());
        assertEquals(1, same.pLess());
        assertEquals(1, same.twoSidedP());
    }

    @Test
    void theIntervalNeedsAConfidenceInTheOpenUnitInterval() {
        WelchTest w = WelchTest.of(new double[] {13.1, 13.4, 12.9, 13.3}, new double[] {13.9, 14.2, 13.6});
        for (double confidence : new double[] {0, 1}) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> w.halfWidth(confidence));
            assertTrue(error.getMessage().contains("confidence"), error.getMessage());
        }
    }
}
