package org.vaerepro.report;

import org.vaerepro.experiment.ReportedValues;
import org.vaerepro.statistics.SampleSummary;

/**
 * One multi-seed experiment across its measured runs: each metric's mean, sample standard deviation and
 * 95% Student-t interval ({@link SampleSummary}), out of {@code seeds} declared. The deltas and the pass
 * mark compare the means with the reported values by {@code regression.PublishedTableRule}.
 */
public record ResultSummary(String id, int latentDim, int seeds, SampleSummary psnr, SampleSummary lpips,
        SampleSummary ssim, SampleSummary knnAccuracy, SampleSummary linearProbeAccuracy, SampleSummary silhouette,
        ReportedValues reported, Double psnrDelta, Double lpipsDelta, Boolean pass) {

    public int measured() {
        return psnr.n();
    }
}
