package org.vaerepro.regression;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.statistics.distribution.TDistribution;
import org.vaerepro.experiment.ExperimentResult;

/**
 * Compares a fresh result with its baseline entry; an empty list means no drift. With a measured spread
 * the window is the prediction interval for one new run ({@link Tolerances}); without, the fixed window.
 */
public final class BaselineCheck {
    private BaselineCheck() {
    }

    /** The allowed |value - baseline mean| for one metric, and how it was derived. */
    public record Window(double halfWidth, String derivation) {
    }

    /** The PSNR window of an entry, dB. */
    public static Window psnrWindow(BaselineEntry entry) {
        return entry.hasSpread() ? predictionWindow(entry.psnrStandardDeviation(), entry.seedCount(),
                Tolerances.GATE_PSNR_FLOOR_DB) : new Window(Tolerances.BASELINE_PSNR_DB, "fixed window, no measured spread");
    }

    /** The LPIPS window of an entry. */
    public static Window lpipsWindow(BaselineEntry entry) {
        return entry.hasSpread() ? predictionWindow(entry.lpipsStandardDeviation(), entry.seedCount(),
                Tolerances.GATE_LPIPS_FLOOR) : new Window(Tolerances.BASELINE_LPIPS, "fixed window, no measured spread");
    }

    /** t(1 - (1 - c)/2, n - 1) · s · √(1 + 1/n), at least {@code floor}. */
    static Window predictionWindow(double sd, int n, double floor) {
        double t = TDistribution.of(n - 1).inverseCumulativeProbability(1 - (1 - Tolerances.GATE_CONFIDENCE) / 2);
        double interval = t * sd * Math.sqrt(1 + 1.0 / n);
        return new Window(Math.max(floor, interval), String.format(Locale.ROOT,
                "%.0f%% prediction interval for one new run over %d seeds: t(%d) %.3f x s %.4g x sqrt(1 + 1/%d) = %.4g%s",
                100 * Tolerances.GATE_CONFIDENCE, n, n - 1, t, sd, n, interval, interval < floor ? ", floor " + floor : ""));
    }

    public static List<String> deviations(BaselineEntry baseline, ExperimentResult measured) {
        List<String> problems = new ArrayList<>();
        var m = measured.metrics();
        String train = measured.provenance().data().train().sha256();
        String test = measured.provenance().data().test().sha256();
        if (!baseline.trainChecksum().equals(train) || !baseline.testChecksum().equals(test)) {
            problems.add("measured on different data: baseline train/test SHA-256 " + baseline.trainChecksum() + " / "
                    + baseline.testChecksum() + ", now " + train + " / " + test);
        }
        if (baseline.testImages() != m.testImages() || !baseline.lpipsSmallImages().equals(m.lpipsSmallImages())) {
            problems.add("evaluated differently: baseline " + baseline.testImages() + " test images, LPIPS rule "
                    + baseline.lpipsSmallImages() + "; now " + m.testImages() + ", " + m.lpipsSmallImages());
        }
        Window psnr = psnrWindow(baseline);
        if (!(Math.abs(m.psnr() - baseline.psnr()) <= psnr.halfWidth())) {
            problems.add(String.format(Locale.ROOT, "PSNR %.4f dB differs from baseline %.4f dB by %+.4f (allowed ±%.4f: %s)",
                    m.psnr(), baseline.psnr(), m.psnr() - baseline.psnr(), psnr.halfWidth(), psnr.derivation()));
        }
        Window lpips = lpipsWindow(baseline);
        if (!(Math.abs(m.lpips() - baseline.lpips()) <= lpips.halfWidth())) {
            problems.add(String.format(Locale.ROOT, "LPIPS %.5f differs from baseline %.5f by %+.5f (allowed ±%.5f: %s)",
                    m.lpips(), baseline.lpips(), m.lpips() - baseline.lpips(), lpips.halfWidth(), lpips.derivation()));
        }
        return problems;
    }
}
