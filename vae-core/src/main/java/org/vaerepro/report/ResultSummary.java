package org.vaerepro.report;

import org.vaerepro.statistics.SampleSummary;

/**
 * One multi-seed experiment across its measured runs: each metric's mean, sample standard deviation and
 * 95% Student-t interval ({@link SampleSummary}), out of {@code seeds} declared, {@code atEpochLimit} of
 * them ended at the maximum number of epochs before early stopping did. Its verdict against published values
 * is the page's {@link VerdictRow}.
 */
public record ResultSummary(String id, int latentDim, int seeds, int atEpochLimit, SampleSummary psnr, SampleSummary lpips,
        SampleSummary ssim, SampleSummary knnAccuracy, SampleSummary linearProbeAccuracy, SampleSummary silhouette) {

    public int measured() {
        return psnr.n();
    }
}
