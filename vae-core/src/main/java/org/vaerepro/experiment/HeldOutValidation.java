package org.vaerepro.experiment;

import java.util.function.Supplier;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaerepro.data.ImageDataset;
import org.vaerepro.metrics.Lpips;
import org.vaerepro.metrics.PsnrAccumulator;
import org.vaerepro.metrics.SmallImagePolicy;
import org.vaerepro.model.AutoencoderModel;
import org.vaerepro.train.Validation;
import org.vaerepro.train.ValidationReport;

/**
 * The per-epoch measurement of a run's held-out images: loss at the posterior mean, mean per-image PSNR over
 * all of them, and LPIPS over the first 1,000 ({@link #LPIPS_IMAGES}, whole evaluation batches), the costly part,
 * which keeps validation well under a tenth of an epoch (docs/benchmarks.md).
 */
final class HeldOutValidation implements Validation {
    static final int LPIPS_IMAGES = 4 * ExperimentEvaluator.EVAL_BATCH;

    private final ImageDataset images;
    private final Supplier<Lpips> lpips;
    private final SmallImagePolicy policy;

    HeldOutValidation(ImageDataset images, Supplier<Lpips> lpips, SmallImagePolicy policy) {
        this.images = images;
        this.lpips = lpips;
        this.policy = policy;
    }

    @Override
    public ValidationReport measure(AutoencoderModel model) {
        int n = images.size();
        int lpipsImages = Math.min(LPIPS_IMAGES, n);
        PsnrAccumulator psnr = new PsnrAccumulator();
        TestLoss loss = new TestLoss();
        double lpipsSum = 0;
        for (int from = 0; from < n; from += ExperimentEvaluator.EVAL_BATCH) {
            int to = Math.min(n, from + ExperimentEvaluator.EVAL_BATCH);
            INDArray x = images.range(from, to).images();
            INDArray xHat = model.reconstruct(x);
            psnr.add(x, xHat);
            loss.add(model, x);
            if (from < lpipsImages) {
                // Whole batches: LPIPS_IMAGES is a multiple of EVAL_BATCH, and below it lpipsImages is all of n.
                for (double d : lpips.get().distances(x, xHat, policy)) {
                    lpipsSum += d;
                }
            }
        }
        return new ValidationReport(n, loss.total(), loss.reconstruction(), loss.kl(), psnr.meanPsnr(), lpipsSum / lpipsImages,
                lpipsImages);
    }
}
