package org.vaerepro.session;

import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.vaerepro.data.ImageShape;
import org.vaerepro.experiment.Run;

/**
 * A run's expected cost in pixel-passes, for starting the longest runs first (so the last runs to finish
 * are short ones and the workers end together) and for the ETA. An estimate for ordering, not a
 * measurement: early stopping may end a run sooner.
 *
 * <p>One evaluated image counts as {@value #EVALUATION_WEIGHT} trained ones (reconstruction, SSIM, LPIPS, latent
 * probes), a validation image (a forward pass each epoch, LPIPS on a fifth of them) as
 * {@value #VALIDATION_WEIGHT}: the ratios of the times measured per image (README, "Running a suite").
 */
record RunCost(double pixelPasses) {
    static final double EVALUATION_WEIGHT = 2.5;
    static final double VALIDATION_WEIGHT = 0.8;

    static RunCost of(ImageShape shape, int trainImages, int validationImages, int epochs, int testImages,
            boolean training, boolean evaluating) {
        double pixels = (double) shape.channels() * shape.height() * shape.width();
        double images = (training ? (double) epochs * (trainImages + VALIDATION_WEIGHT * validationImages) : 0)
                + (evaluating ? EVALUATION_WEIGHT * testImages : 0);
        return new RunCost(images * pixels);
    }

    /** The runs ordered by cost, largest first; equal costs keep the suite's order. */
    static List<Run> longestFirst(List<Run> runs, ToDoubleFunction<Run> cost) {
        return runs.stream().sorted(Comparator.comparingDouble(cost).reversed()).toList();
    }
}
