package org.vaerepro.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.vaerepro.data.ImageShape;

/**
 * The VAE-Variation decoder runs its 2x layers as transposed convolutions with a kernel derived from the
 * 3x3 weights. This recomputes the decoder by its literal definition (dense, then per layer nearest-
 * neighbour upsampling, crop for 4→7, 3x3 conv with padding 1) from the same parameters, in double
 * precision, and requires the model's decode to agree.
 */
class UpsamplingDecoderTest {
    @ParameterizedTest
    @ValueSource(ints = {28, 32})
    void decoderEqualsUpsampleThenConvolve(int side) {
        int channels = side == 28 ? 1 : 3;
        ModelConfig config = ModelConfig.of(Architecture.fromId("vae-upsample"), new ImageShape(channels, side, side), 5);
        AutoencoderModel model = AutoencoderModel.create(config, 11, DataType.DOUBLE);
        // Fresh parameters are small: scale them up so every ReLU and tap matters.
        model.parameters().values().forEach(p -> p.muli(3));
        Map<String, INDArray> p = model.parameters();
        INDArray z = Nd4j.randn(DataType.DOUBLE, 4, 5);

        INDArray h = Transforms.relu(z.mmul(p.get("decoderDense_W")).addRowVector(p.get("decoderDense_b")), false)
                .reshape(4, config.channels().get(2), config.bottleneckSide(), config.bottleneckSide());
        int[] sizes = side == 28 ? new int[] {7, 14, 28} : new int[] {8, 16, 32};
        Conv2DConfig conv = Conv2DConfig.builder().kH(3).kW(3).sH(1).sW(1).pH(1).pW(1).dataFormat("NCHW").build();
        for (int i = 0; i < 3; i++) {
            INDArray up = Nd4j.cnn().upsampling2d(h, 2, 2, true);
            up = up.get(all(), all(), interval(0, sizes[i]), interval(0, sizes[i])).dup();
            h = Nd4j.cnn().conv2d(up, p.get("decoder" + i + "_W"), p.get("decoder" + i + "_b"), conv);
            if (i < 2) {
                h = Transforms.relu(h, false);
            }
        }
        INDArray expected = Transforms.sigmoid(h, false);

        INDArray got = model.decode(z);
        assertArrayEquals(expected.shape(), got.shape());
        double maxDifference = Transforms.abs(expected.sub(got)).maxNumber().doubleValue();
        assertTrue(maxDifference < 1e-12, "decoder differs from upsample+conv by " + maxDifference);
        assertTrue(expected.std().getDouble(0) > 0.01, "the check needs a non-trivial output");
    }
}
