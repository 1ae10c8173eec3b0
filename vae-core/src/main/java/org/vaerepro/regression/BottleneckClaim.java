package org.vaerepro.regression;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vaerepro.statistics.WelchTest;

/**
 * The source's conclusion, "a larger bottleneck gives better images", tested per architecture and dataset
 * and per step in d: for each pair of consecutive bottleneck sizes, a one-sided Welch t-test across seeds
 * that PSNR rises and one that LPIPS falls ({@link ClaimVerdict}).
 */
public final class BottleneckClaim {
    /** The significance level of each one-sided test. */
    public static final double ALPHA = 0.05;

    private BottleneckClaim() {
    }

    /** One bottleneck size's per-seed values. */
    public record Size(int latentDim, double[] psnr, double[] lpips) {
    }

    /** One step from a smaller to a larger d, for one metric. */
    public record Step(int fromDim, int toDim, String metric, WelchTest test, ClaimVerdict verdict) {
        public String describe() {
            if (test == null) {
                return String.format(Locale.ROOT, "d=%d→%d %s: %s (fewer than two seeds)", fromDim, toDim, metric,
                        verdict.word());
            }
            return String.format(Locale.ROOT, "d=%d→%d %s: difference %+.4f, Welch t %.2f (df %.1f), one-sided p %.3g: %s",
                    fromDim, toDim, metric, test.meanDifference(), test.t(), test.degreesOfFreedom(),
                    metric.equals("PSNR") ? test.pGreater() : test.pLess(), verdict.word());
        }
    }

    /** The steps of a column of sizes (sorted by d): PSNR up, LPIPS down, each step tested. */
    public static List<Step> steps(List<Size> sizes) {
        List<Step> steps = new ArrayList<>();
        for (int i = 1; i < sizes.size(); i++) {
            Size from = sizes.get(i - 1);
            Size to = sizes.get(i);
            steps.add(step(from.latentDim(), to.latentDim(), "PSNR", from.psnr(), to.psnr(), true));
            steps.add(step(from.latentDim(), to.latentDim(), "LPIPS", from.lpips(), to.lpips(), false));
        }
        return steps;
    }

    private static Step step(int fromDim, int toDim, String metric, double[] from, double[] to, boolean shouldRise) {
        if (from.length < 2 || to.length < 2) {
            return new Step(fromDim, toDim, metric, null, ClaimVerdict.NOT_SHOWN);
        }
        WelchTest test = WelchTest.of(from, to);
        double claimed = shouldRise ? test.pGreater() : test.pLess();
        double opposite = shouldRise ? test.pLess() : test.pGreater();
        ClaimVerdict verdict = claimed < ALPHA ? ClaimVerdict.HOLDS
                : opposite < ALPHA ? ClaimVerdict.CONTRADICTED : ClaimVerdict.NOT_SHOWN;
        return new Step(fromDim, toDim, metric, test, verdict);
    }
}
