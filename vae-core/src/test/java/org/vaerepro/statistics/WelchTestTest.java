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
}
