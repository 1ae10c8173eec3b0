package org.vaerepro.experiment;

import java.util.List;
import org.vaerepro.data.DatasetReference;
import org.vaerepro.metrics.SmallImagePolicy;
import org.vaerepro.model.Architecture;
import org.vaerepro.model.DecoderDenseActivation;
import org.vaerepro.model.KlReduction;
import org.vaerepro.model.ReconstructionLoss;
import org.vaerepro.model.ReconstructionReduction;

/**
 * The part of an experiment that decides the trained model and what is recorded while it trains: the data (the first
 * {@code trainSubset} training images, 0 = all, of which the last {@code validation} are held out), the
 * architecture, its encoder's channel counts ({@code encoderChannels}, mirrored by the decoder) and its bottleneck,
 * the loss (its reconstruction term reduced over pixels by {@code reconstructionReduction}, its KL term over latent
 * dimensions by {@code klReduction}) and the optimisation settings, a step budget ({@code maxSteps}, 0 = the epochs
 * decide), and the early learning curve measured at the global steps {@code curveSteps} on {@code curveTestImages}
 * test images, every {@code curveTestStride}-th from test image {@code curveTestOffset} (by default the first ones; empty: none; measuring never changes training, but the curve can only be
 * recorded while training), under the LPIPS small-image rules {@code lpipsSmallImageRules} beside the standard ones
 * (the final evaluation measures them too). A change here retrains a run. Each field is declared once, in {@link ExperimentSchema}.
 */
public record TrainingFields(DatasetReference dataset, int trainSubset, Architecture architecture, int latentDim,
        ReconstructionLoss loss, double beta, int batchSize, double learningRate,
        DecoderDenseActivation decoderDenseActivation, int validation, KlReduction klReduction, int maxSteps,
        List<Long> curveSteps, int curveTestImages, int curveTestOffset, int curveTestStride,
        List<Integer> encoderChannels,
        ReconstructionReduction reconstructionReduction, List<SmallImagePolicy> lpipsSmallImageRules) {

    public TrainingFields {
        curveSteps = List.copyOf(curveSteps);
        encoderChannels = List.copyOf(encoderChannels);
        lpipsSmallImageRules = List.copyOf(lpipsSmallImageRules);
    }
}
