package org.vaerepro.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
