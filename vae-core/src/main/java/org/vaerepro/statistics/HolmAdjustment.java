package org.vaerepro.statistics;

import java.util.Comparator;
import java.util.stream.IntStream;
import org.vaerepro.io.Preconditions;

/**
 * Holm's step-down adjustment of a family of p-values (Holm 1979): sorted ascending, the i-th smallest of m is
 * multiplied by m - i, then made non-decreasing and capped at 1. Rejecting every hypothesis whose adjusted value
 * is below alpha keeps the family-wise error rate (the chance of any false rejection) at alpha, whatever the
 * dependence between the tests; it is uniformly more powerful than Bonferroni. Values are R's
 * {@code p.adjust(p, "holm")}.
 */
public final class HolmAdjustment {
    private HolmAdjustment() {
    }

    /** The adjusted p-values, in the order given (the argument is not changed). */
    public static double[] adjust(double[] pValues) {
        for (double p : pValues) {
            Preconditions.check(p >= 0 && p <= 1, "a p-value must lie in [0, 1], got " + p);
        }
        int m = pValues.length;
        Integer[] order = IntStream.range(0, m).boxed().sorted(Comparator.comparingDouble(i -> pValues[i]))
                .toArray(Integer[]::new);
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int index = order[rank];
            running = Math.max(running, Math.min(1, (m - rank) * pValues[index]));
            adjusted[index] = running;
        }
        return adjusted;
    }
}
