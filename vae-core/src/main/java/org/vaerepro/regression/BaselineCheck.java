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
        var p = measured.provenance();
        if (!baseline.trainChecksum().equals(p.trainChecksum()) || !baseline.testChecksum().equals(p.testChecksum())) {
            problems.add("measured on different data: baseline train/test SHA-256 " + baseline.trainChecksum() + " / "
                    + baseline.testChecksum() + ", now " + p.trainChecksum() + " / " + p.testChecksum());
        }
        if (baseline.testImages() != m.testImages() || !baseline.lpipsSmallImages().equals(m.lpipsSmallImages())) {
            problems.add("evaluated differently: baseline " + baseline.testImages() + " test images, LPIPS rule "
                    + baseline.lpipsSmallImages() + "; now " + m.testImages() + ", " + m.lpipsSmallImages());
        }
        if (!(Math.abs(m.psnr() - baseline.psnr()) <= Baseline.PSNR_TOLERANCE_DB)) {
            problems.add(String.format(Locale.ROOT, "PSNR %.4f dB differs from baseline %.4f dB by %+.4f (tolerance ±%.1f)",
                    m.psnr(), baseline.psnr(), m.psnr() - baseline.psnr(), Baseline.PSNR_TOLERANCE_DB));
        }
        if (!(Math.abs(m.lpips() - baseline.lpips()) <= Baseline.LPIPS_TOLERANCE)) {
            problems.add(String.format(Locale.ROOT, "LPIPS %.5f differs from baseline %.5f by %+.5f (tolerance ±%.2f)",
                    m.lpips(), baseline.lpips(), m.lpips() - baseline.lpips(), Baseline.LPIPS_TOLERANCE));
        }
        return problems;
    }
}
