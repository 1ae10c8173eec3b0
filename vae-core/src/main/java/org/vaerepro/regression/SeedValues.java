package org.vaerepro.regression;

/** The headline metrics of one seed's run, as a baseline keeps them. */
public record SeedValues(double psnr, double lpips, double ssim) {
}
