package org.vaerepro.experiment;

import org.vaerepro.data.DatasetReference;
import org.vaerepro.model.Architecture;
import org.vaerepro.model.DecoderDenseActivation;
import org.vaerepro.model.ReconstructionLoss;

/**
 * The part of an experiment that decides the trained model, up to when training ends: the data (the first
 * {@code trainSubset} training images, 0 = all, of which the last {@code validation} are held out), the
 * architecture and its bottleneck, the loss and the optimisation settings. A change here retrains a run.
 * Each field is declared once, in {@link ExperimentSchema}.
 */
public record TrainingFields(DatasetReference dataset, int trainSubset, Architecture architecture, int latentDim,
        ReconstructionLoss loss, double beta, int batchSize, double learningRate,
        DecoderDenseActivation decoderDenseActivation, int validation) {
}
