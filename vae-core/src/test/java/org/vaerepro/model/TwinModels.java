package org.vaerepro.model;

import static org.vaerepro.BitIdentical.assertBitIdentical;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaerepro.SharedData;
import org.vaerepro.data.Split;
import org.vaerepro.data.StandardDataset;

/**
 * Two models that differ only in one option of their config, built from one seed (so with the same parameters,
 * checked), and one input and noise for both: how the tests of an objective option compare its two readings.
 */
record TwinModels(AutoencoderModel first, AutoencoderModel second, INDArray images, INDArray eps) {

    /** {@code first} and {@code second} from {@code seed}; the first {@code n} test images of the configs' dataset. */
    static TwinModels of(ModelConfig first, ModelConfig second, StandardDataset dataset, long seed, int n) {
        AutoencoderModel a = AutoencoderModel.create(first, seed);
        AutoencoderModel b = AutoencoderModel.create(second, seed);
        assertBitIdentical(a.parameters(), b.parameters(), "same seed, same parameters");
        INDArray x = SharedData.repository().load(dataset, Split.TEST).range(0, n).images();
        INDArray eps = first.architecture().variational()
                ? GaussianNoise.sample(seed, 1, n, first.latentDim(), a.dataType()) : null;
        return new TwinModels(a, b, x, eps);
    }
}
