package org.vaerepro.train;

/**
 * Held-out validation images measured after an epoch: the loss at the posterior mean (reconstruction +
 * beta·KL, the noise set to zero so the value is deterministic), its two terms, the mean per-image PSNR
 * (dB) over all validation images, and LPIPS over the first {@code lpipsImages} of them.
 */
public record ValidationReport(int images, double loss, double reconstruction, double kl, double psnr, double lpips,
        int lpipsImages) {
}
