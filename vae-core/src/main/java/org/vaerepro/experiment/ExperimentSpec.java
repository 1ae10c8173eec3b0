package org.vaerepro.experiment;

import org.vaerepro.data.DatasetReference;
import org.vaerepro.metrics.SmallImagePolicy;
import org.vaerepro.model.Architecture;
import org.vaerepro.model.ReconstructionLoss;

/**
 * One declared experiment. {@code trainSubset}/{@code testSubset} (0 = all) take the first N images
 * of the split, for quick suites. {@code reported} is optional.
 */
public record ExperimentSpec(String id, DatasetReference dataset, int trainSubset, int testSubset,
        Architecture architecture, int latentDim, ReconstructionLoss loss, double beta, int epochs, int batchSize,
        double learningRate, long seed, SmallImagePolicy lpipsSmallImages, ReportedValues reported) {

    /**
     * The fields that decide the trained model; the evaluation-only ones (test subset, LPIPS size rule,
     * reported values) are cleared, so changing them re-evaluates without retraining.
     */
    public ExperimentSpec forTraining() {
        return new ExperimentSpec(id, dataset, trainSubset, 0, architecture, latentDim, loss, beta, epochs, batchSize,
                learningRate, seed, null, null);
    }

    /** This spec with another epoch count. */
    public ExperimentSpec withEpochs(int newEpochs) {
        return new ExperimentSpec(id, dataset, trainSubset, testSubset, architecture, latentDim, loss, beta, newEpochs,
                batchSize, learningRate, seed, lpipsSmallImages, reported);
    }
}
