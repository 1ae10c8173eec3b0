package org.vaerepro.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaerepro.BitIdentical.assertBitIdentical;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaerepro.data.StandardDataset;

/**
 * The KL term summed over latent dimensions (the default, as before the option existed) or averaged over them:
 * on one input, parameters and noise, the two objectives' KL terms differ by exactly the factor d, the KL itself
 * and the reconstruction term not at all (files without the field: ModelConfigOptionsTest).
 */
class KlReductionTest {
    private static final int D = 10;

    @Test
    void theMeanReductionDividesTheObjectivesKlTermByTheLatentDimension() {
        ModelConfig sum = ModelConfig.of(new Architecture.Vae(), StandardDataset.MNIST.shape(), D);
        TwinModels twins = TwinModels.of(sum, sum.withKlReduction(KlReduction.MEAN), StandardDataset.MNIST, 5, 32);
        AutoencoderModel a = twins.first();
        AutoencoderModel b = twins.second();
        INDArray x = twins.images();
        INDArray eps = twins.eps();
        Map<String, Double> summed = a.losses(x, eps);
        Map<String, Double> averaged = b.losses(x, eps);
        assertEquals(summed.get(GraphNames.RECONSTRUCTION_LOSS), averaged.get(GraphNames.RECONSTRUCTION_LOSS), 0.0);
        assertEquals(summed.get(GraphNames.KL), averaged.get(GraphNames.KL), 0.0, "kl is the KL divergence either way");
        double klSum = summed.get(GraphNames.WEIGHTED_KL);
        assertTrue(klSum > 1e-3, "a KL term worth comparing: " + klSum);
        assertEquals(summed.get(GraphNames.KL), klSum, 0.0, "beta 1, summed: the term is the KL");
        assertEquals(klSum / D, averaged.get(GraphNames.WEIGHTED_KL), 1e-6 * klSum / D);

        // The training path (the replayed gradient function) computes the same terms.
        BatchGradients trained = b.gradients(x, eps);
        assertEquals(averaged.get(GraphNames.WEIGHTED_KL), trained.weightedKl(), 1e-6 * trained.weightedKl());
        assertEquals(trained.reconstruction() + trained.weightedKl(), trained.loss(), 0.0);
        BatchGradients defaultStep = a.gradients(x, eps);
        assertEquals(klSum, defaultStep.weightedKl(), 1e-6 * klSum);
    }

    @Test
    void theKlReductionChangesTheGradientOfTheEncoderOnly() {
        // Same parameters and noise: the decoder's gradients see only the reconstruction term, the mean and
        // log-variance heads also see the KL term, which the mean reduction scales down.
        ModelConfig sum = ModelConfig.of(new Architecture.Vae(), StandardDataset.MNIST.shape(), D);
        TwinModels twins = TwinModels.of(sum, sum.withKlReduction(KlReduction.MEAN), StandardDataset.MNIST, 6, 16);
        Map<String, INDArray> ga = twins.first().gradients(twins.images(), twins.eps()).gradients();
        Map<String, INDArray> gb = twins.second().gradients(twins.images(), twins.eps()).gradients();
        assertBitIdentical(ga.get("decoder2_W"), gb.get("decoder2_W"), "decoder gradient");
        double difference = ga.get("logVariance_b").sub(gb.get("logVariance_b")).norm2Number().doubleValue();
        assertTrue(difference > 1e-3, "the log-variance head's gradient must change: " + difference);
    }
}
