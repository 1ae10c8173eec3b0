package org.vaerepro.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PowerLawFitTest {
    private static final double[] EPOCHS = new double[21];

    static {
        for (int i = 0; i < EPOCHS.length; i++) {
            EPOCHS[i] = 5 + i;
        }
    }

    @Test
    void recoversAnExactCurve() {
        double[] y = new double[EPOCHS.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = 90 + 25 * Math.pow(EPOCHS[i], -0.5);
        }
        PowerLawFit fit = PowerLawFit.of(EPOCHS, y, y[y.length - 1] - 5, 50, 1);
        assertEquals(90, fit.a(), 1e-6);
        assertEquals(25, fit.b(), 1e-6);
        assertEquals(0.5, fit.c(), 1e-8);
        assertEquals(0, fit.residualStandardDeviation(), 1e-7);
        assertEquals(90 + 25 / 10.0, fit.at(100), 1e-6);
        assertEquals(25 * 0.5 * Math.pow(25, -1.5), fit.fallRate(25), 1e-8);
    }

    /** The same points and start as scipy.optimize.curve_fit (SciPy 1.10.1, maxfev 20000) was given. */
    @Test
    void matchesScipysLeastSquaresOnNoisyPoints() {
        double[] y = {101.1807089335062, 100.29583092284912, 99.36687046862203, 98.57165721320466, 98.19693209778181,
            97.60820018392201, 97.55582669522333, 97.61894293853669, 96.78609049724997, 96.49538857786463,
            96.60192485873458, 96.35706610244802, 96.0950149006077, 95.61341609647543, 95.72661780002505,
            95.79876090208695, 95.05218289171428, 95.19273318057819, 94.64249352948661, 94.71624230886279,
            94.44747948866248};
        PowerLawFit fit = PowerLawFit.of(EPOCHS, y, y[y.length - 1] - 5, 50, 1);
        // curve_fit stops at its own tolerance (1.5e-8 relative): the optimum agrees to about 1e-4.
        assertEquals(83.97621521745187, fit.a(), 1e-3);
        assertEquals(27.229904966904975, fit.b(), 1e-3);
        assertEquals(0.29041585033529754, fit.c(), 1e-5);
        assertEquals(0.23307778502562673, fit.residualStandardDeviation(), 1e-7);
        assertEquals(21, fit.points());
    }

    @Test
    void refusesTooFewPointsAndXAtOrBelowZero() {
        IllegalArgumentException few = assertThrows(IllegalArgumentException.class,
                () -> PowerLawFit.of(new double[] {1, 2, 3}, new double[] {3, 2, 1}, 0, 1, 1));
        assertTrue(few.getMessage().contains("at least 4 points"), few.getMessage());
        IllegalArgumentException unpaired = assertThrows(IllegalArgumentException.class,
                () -> PowerLawFit.of(new double[] {1, 2, 3, 4, 5}, new double[] {5, 4, 3, 2}, 0, 1, 1));
        assertTrue(unpaired.getMessage().contains("5 x and 4 y"), unpaired.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> PowerLawFit.of(new double[] {0, 1, 2, 3}, new double[] {4, 3, 2, 1}, 0, 1, 1));
        assertTrue(zero.getMessage().contains("x > 0"), zero.getMessage());
    }
}
