package org.vaerepro.experiment;

import org.vaerepro.data.StandardDataset;
import org.vaerepro.metrics.SmallImagePolicy;
import org.vaerepro.model.Architecture;
import org.vaerepro.model.ReconstructionLoss;

/**
 * One declared experiment. {@code trainSubset}/{@code testSubset} (0 = all) take the first N images
 * of the split, for quick suites. {@code reported} is optional.
 */
public record ExperimentSpec(String id, StandardDataset dataset, int trainSubset, int testSubset,
        Architecture architecture, int latentDim, ReconstructionLoss loss, double beta, int epochs, int batchSize,
        double learningRate, long seed, SmallImagePolicy lpipsSmallImages, ReportedValues reported) {
}
