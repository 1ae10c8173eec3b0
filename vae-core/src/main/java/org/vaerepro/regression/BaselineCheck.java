package org.vaerepro.regression;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vaerepro.experiment.ExperimentResult;

/** Compares a fresh result with its baseline entry; an empty list means no drift. */
public final class BaselineCheck {
    private BaselineCheck() {
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
        if (!(Math.abs(m.psnr() - baseline.psnr()) <= Tolerances.BASELINE_PSNR_DB)) {
            problems.add(String.format(Locale.ROOT, "PSNR %.4f dB differs from baseline %.4f dB by %+.4f (tolerance ±%.1f)",
                    m.psnr(), baseline.psnr(), m.psnr() - baseline.psnr(), Tolerances.BASELINE_PSNR_DB));
        }
        if (!(Math.abs(m.lpips() - baseline.lpips()) <= Tolerances.BASELINE_LPIPS)) {
            problems.add(String.format(Locale.ROOT, "LPIPS %.5f differs from baseline %.5f by %+.5f (tolerance ±%.2f)",
                    m.lpips(), baseline.lpips(), m.lpips() - baseline.lpips(), Tolerances.BASELINE_LPIPS));
        }
        return problems;
    }
}
