package org.vaerepro.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaerepro.SharedData;
import org.vaerepro.data.Split;
import org.vaerepro.data.StandardDataset;

/**
 * The reconstruction term summed over pixels (the default, as before the option existed) or averaged over them, as
 * PyTorch's losses do by default: on one input, parameters and noise, the objective's reconstruction term differs by
 * exactly the image's C*H*W, the reported reconstruction and KL not at all; the default graph has no extra output
 * (files without the field: ModelConfigOptionsTest).
 */
class ReconstructionReductionTest {
    private static final int D = 4;

    @Test
    void theMeanReductionDividesTheObjectivesReconstructionTermByThePixels() {
        ModelConfig sum = ModelConfig.of(new Architecture.Vae(), StandardDataset.CIFAR10.shape(), D);
        TwinModels twins = TwinModels.of(sum, sum.withReconstructionReduction(ReconstructionReduction.MEAN),
                StandardDataset.CIFAR10, 7, 16);
        AutoencoderModel a = twins.first();
        AutoencoderModel b = twins.second();
        INDArray x = twins.images();
        INDArray eps = twins.eps();
        Map<String, Double> summed = a.losses(x, eps);
        Map<String, Double> averaged = b.losses(x, eps);
        assertFalse(summed.containsKey(GraphNames.WEIGHTED_RECONSTRUCTION), "the default graph is the baselines' one");
        double reconstruction = summed.get(GraphNames.RECONSTRUCTION_LOSS);
        assertEquals(reconstruction, averaged.get(GraphNames.RECONSTRUCTION_LOSS), 0.0, "reported as the sum either way");
        assertEquals(summed.get(GraphNames.KL), averaged.get(GraphNames.KL), 0.0);
        assertEquals(reconstruction / 3072, averaged.get(GraphNames.WEIGHTED_RECONSTRUCTION), 1e-6 * reconstruction / 3072);

        // The training path computes the same terms, and its objective is the weighted terms' sum.
        BatchGradients trained = b.gradients(x, eps);
        assertEquals(averaged.get(GraphNames.WEIGHTED_RECONSTRUCTION), trained.weightedReconstruction(),
                1e-6 * trained.weightedReconstruction());
        assertEquals(trained.weightedReconstruction() + trained.weightedKl(), trained.loss(), 0.0);
        BatchGradients defaultStep = a.gradients(x, eps);
        assertEquals(defaultStep.reconstruction(), defaultStep.weightedReconstruction(), 0.0);
        assertEquals(defaultStep.reconstruction() + defaultStep.weightedKl(), defaultStep.loss(), 0.0);

        // The decoder sees only the reconstruction term: its gradient shrinks by exactly the pixel count.
        INDArray decoderSum = defaultStep.gradients().get("decoder2_W");
        INDArray decoderMean = trained.gradients().get("decoder2_W");
        double ratio = decoderMean.norm2Number().doubleValue() / decoderSum.norm2Number().doubleValue();
        assertEquals(1.0 / 3072, ratio, 1e-5 / 3072);
    }

    @Test
    void anAutoencodersObjectiveIsItsWeightedReconstruction() {
        ModelConfig mean = ModelConfig.of(new Architecture.Autoencoder(), StandardDataset.MNIST.shape(), D)
                .withReconstructionReduction(ReconstructionReduction.MEAN);
        AutoencoderModel model = AutoencoderModel.create(mean, 3);
        INDArray x = SharedData.repository().load(StandardDataset.MNIST, Split.TEST).range(0, 8).images();
        BatchGradients step = model.gradients(x, null);
        assertEquals(step.reconstruction() / 784, step.loss(), 1e-6 * step.loss());
        assertEquals(0.0, step.weightedKl(), 0.0);
    }
}
