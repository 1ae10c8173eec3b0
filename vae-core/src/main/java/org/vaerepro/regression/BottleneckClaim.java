package org.vaerepro.regression;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vaerepro.statistics.HolmAdjustment;
import org.vaerepro.statistics.WelchTest;

/**
 * The source's conclusion, "a larger bottleneck gives better images", tested per architecture and dataset
 * and per step in d: for each pair of consecutive bottleneck sizes, a one-sided Welch t-test across seeds
 * that PSNR rises and one that LPIPS falls ({@link ClaimVerdict}).
 *
 * <p>A suite tests many such steps (18 for the seed's tables: 3 architectures, 3 steps in d, 2 metrics), and each
 * step has two chances at a verdict (holds or contradicted) at {@link #ALPHA} each, so with no real effect
 * anywhere about 1.8 of them would still come out "holds" or "contradicted". {@link #acrossFamily} therefore
 * also gives each step a family-wise verdict: the two-sided p-value (twice the smaller one-sided one) adjusted
 * by Holm's method over every tested step of the suite, so the chance of any family-wise verdict other than
 * "not shown" without a real difference is at most {@link #ALPHA}. The step verdict stays the test's
 * decision (as the source's claim is stated per step); the family-wise one says which of them survive the
 * number of tests.
 */
public final class BottleneckClaim {
    /** The significance level of each one-sided test. */
    public static final double ALPHA = 0.05;

    private BottleneckClaim() {
    }

    /** One bottleneck size's per-seed values. */
    public record Size(int latentDim, double[] psnr, double[] lpips) {
    }

    /**
     * One step from a smaller to a larger d, for one metric; {@code familyWise} is null until
     * {@link #acrossFamily} has adjusted it, and stays null for a step without a test.
     */
    public record Step(int fromDim, int toDim, TableMetric metric, WelchTest test, ClaimVerdict verdict, FamilyWise familyWise) {

        /** The one-sided p-value in the claimed direction (PSNR up, LPIPS down). */
        double claimedP() {
            return BottleneckClaim.claimedP(metric, test);
        }

        public String describe() {
            if (test == null) {
                return String.format(Locale.ROOT, "d=%d→%d %s: %s (fewer than two seeds)", fromDim, toDim, metric,
                        verdict.word());
            }
            String step = String.format(Locale.ROOT, "d=%d→%d %s: difference %+.4f, Welch t %.2f (df %.1f), one-sided p %.3g: %s",
                    fromDim, toDim, metric, test.meanDifference(), test.t(), test.degreesOfFreedom(),
                    claimedP(), verdict.word());
            return familyWise == null ? step : step + String.format(Locale.ROOT,
                    "; family-wise (Holm over %d tested steps) p %.3g: %s", familyWise.tests(), familyWise.adjustedP(),
                    familyWise.verdict().word());
        }
    }

    /** A step's verdict once the number of tested steps is accounted for (Holm-adjusted two-sided p). */
    public record FamilyWise(int tests, double adjustedP, ClaimVerdict verdict) {
    }

    /** The steps of a column of sizes (sorted by d): PSNR up, LPIPS down, each step tested. */
    public static List<Step> steps(List<Size> sizes) {
        List<Step> steps = new ArrayList<>();
        for (int i = 1; i < sizes.size(); i++) {
            Size from = sizes.get(i - 1);
            Size to = sizes.get(i);
            steps.add(step(from.latentDim(), to.latentDim(), TableMetric.PSNR, from.psnr(), to.psnr()));
            steps.add(step(from.latentDim(), to.latentDim(), TableMetric.LPIPS, from.lpips(), to.lpips()));
        }
        return steps;
    }

    private static Step step(int fromDim, int toDim, TableMetric metric, double[] from, double[] to) {
        if (from.length < 2 || to.length < 2) {
            return new Step(fromDim, toDim, metric, null, ClaimVerdict.NOT_SHOWN, null);
        }
        WelchTest test = WelchTest.of(from, to);
        double opposite = metric.higherIsBetter() ? test.pLess() : test.pGreater();
        ClaimVerdict verdict = claimedP(metric, test) < ALPHA ? ClaimVerdict.HOLDS
                : opposite < ALPHA ? ClaimVerdict.CONTRADICTED : ClaimVerdict.NOT_SHOWN;
        return new Step(fromDim, toDim, metric, test, verdict, null);
    }

    /** The claim's direction per metric: PSNR rises with d, LPIPS falls. */
    private static double claimedP(TableMetric metric, WelchTest test) {
        return metric.higherIsBetter() ? test.pGreater() : test.pLess();
    }

    /**
     * The columns' steps with their family-wise verdicts: every tested step of every column is one hypothesis
     * of the family. A step is significant family-wise when its Holm-adjusted two-sided p is below
     * {@link #ALPHA}; its direction is then the one its means took.
     */
    public static List<List<Step>> acrossFamily(List<List<Step>> columns) {
        List<Step> tested = columns.stream().flatMap(List::stream).filter(step -> step.test() != null).toList();
        double[] adjusted = HolmAdjustment.adjust(tested.stream().mapToDouble(step -> step.test().twoSidedP()).toArray());
        List<List<Step>> result = new ArrayList<>();
        int next = 0;
        for (List<Step> column : columns) {
            List<Step> withFamily = new ArrayList<>();
            for (Step step : column) {
                if (step.test() == null) {
                    withFamily.add(step);
                    continue;
                }
                double p = adjusted[next++];
                boolean towardClaim = step.claimedP() < 0.5;
                ClaimVerdict verdict = p >= ALPHA ? ClaimVerdict.NOT_SHOWN
                        : towardClaim ? ClaimVerdict.HOLDS : ClaimVerdict.CONTRADICTED;
                withFamily.add(new Step(step.fromDim(), step.toDim(), step.metric(), step.test(), step.verdict(),
                        new FamilyWise(tested.size(), p, verdict)));
            }
            result.add(List.copyOf(withFamily));
        }
        return List.copyOf(result);
    }
}
