package org.vaerepro.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.vaerepro.BitIdentical.assertBitIdentical;
import static org.vaerepro.model.GraphNames.KL;
import static org.vaerepro.model.GraphNames.RECONSTRUCTION_LOSS;
import static org.vaerepro.model.GraphNames.WEIGHTED_KL;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaerepro.SharedData;
import org.vaerepro.data.ImageDataset;
import org.vaerepro.data.Split;
import org.vaerepro.data.StandardDataset;

/**
 * The replayed gradient function against SameDiff's own execution: the full-size models on real images,
 * several steps with parameter updates in between and a change of batch size (a second recording),
 * losses and every gradient compared bit for bit. A replay that reused an array still being read, skipped
 * an op or missed a parameter update would differ here.
 */
class ReplayedGradientsTest {

    @ParameterizedTest
    @CsvSource({"MNIST, vae, 10", "MNIST, vae-upsample, 2", "MNIST, ae, 10", "CIFAR10, vae, 128",
            "CIFAR10, vae-upsample, 64", "CIFAR10, ae, 128"})
    void replayIsBitIdenticalToSameDiff(StandardDataset dataset, String architecture, int latentDim) {
        ImageDataset images = SharedData.repository().load(dataset, Split.TRAIN).firstN(64);
        ModelConfig config = ModelConfig.of(Architecture.fromId(architecture), dataset.shape(), latentDim);
        AutoencoderModel reference = AutoencoderModel.create(config, 3);
        AutoencoderModel replayed = AutoencoderModel.create(config, 3);
        reference.prepareGradients();
        List<String> params = new ArrayList<>(reference.parameters().keySet());
        boolean variational = config.architecture().variational();
        List<String> losses = variational ? List.of(RECONSTRUCTION_LOSS, KL, WEIGHTED_KL) : List.of(RECONSTRUCTION_LOSS);

        int[][] batches = {{0, 16}, {16, 32}, {32, 39}, {39, 55}, {55, 62}};
        double previousLoss = Double.NaN;
        for (int step = 0; step < batches.length; step++) {
            INDArray x = images.range(batches[step][0], batches[step][1]).images();
            INDArray eps = variational ? GaussianNoise.sample(3, step + 1, (int) x.size(0), latentDim,
                    reference.dataType()) : null;
            OutAndGrad expected = reference.sameDiff().calculateGradientsAndOutputs(reference.feed(x, eps), losses,
                    params);
            BatchGradients actual = replayed.gradients(x, eps);

            String what = dataset + " " + architecture + " step " + step;
            assertEquals(expected.getOutputs().get(RECONSTRUCTION_LOSS).getDouble(0), actual.reconstruction(),
                    0.0, what + ": reconstruction loss");
            if (variational) {
                assertEquals(expected.getOutputs().get(KL).getDouble(0), actual.kl(), 0.0, what + ": KL");
            }
            assertBitIdentical(expected.getGradients(), actual.gradients(), what + " gradient");
            assertNotEquals(previousLoss, actual.loss(), what + ": the loss did not change between steps");
            previousLoss = actual.loss();

            // The same update on both models, so later steps also check that the replay reads live parameters.
            update(reference.parameters(), expected.getGradients());
            update(replayed.parameters(), actual.gradients());
        }
        assertBitIdentical(reference.parameters(), replayed.parameters(), dataset + " " + architecture + " parameters");
    }

    private static void update(Map<String, INDArray> params, Map<String, INDArray> gradients) {
        params.forEach((name, value) -> value.subi(gradients.get(name).mul(1e-3)));
    }
}
