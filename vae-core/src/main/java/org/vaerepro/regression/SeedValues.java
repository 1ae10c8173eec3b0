package org.vaerepro.regression;

import java.util.List;
import org.vaerepro.train.StepLoss;

/**
 * The headline metrics of one seed's run, as a baseline keeps them, and the losses of its first steps
 * ({@code firstSteps}: as many as the baseline's trajectory check holds; empty in files before version 4, or when the
 * run recorded none).
 */
public record SeedValues(double psnr, double lpips, double ssim, List<StepLoss> firstSteps) {
    public SeedValues {
        firstSteps = firstSteps == null ? List.of() : List.copyOf(firstSteps);
    }

    /** A seed without a recorded trajectory. */
    public SeedValues(double psnr, double lpips, double ssim) {
        this(psnr, lpips, ssim, List.of());
    }
}
