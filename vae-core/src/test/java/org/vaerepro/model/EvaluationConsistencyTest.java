package org.vaerepro.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaerepro.data.ImageShape;
import org.vaerepro.data.ImageDataset;
import org.vaerepro.data.ByteImageDataset;
import org.vaerepro.train.Trainer;
import org.vaerepro.train.TrainerConfig;

/**
 * Guards against native kernels that return wrong values on repeated or post-training calls (ND4J's
 * oneDNN xw_plus_b did: first call right, later calls off by up to 0.5). After training steps, each
 * evaluation must equal a second evaluation and an independent double-precision copy of the model.
 */
class EvaluationConsistencyTest {
    @ParameterizedTest
    @ValueSource(strings = {"vae", "vae-upsample", "ae"})
    void evaluationAfterTrainingIsRepeatableAndMatchesDoublePrecision(String arch) {
        for (int side : new int[] {28, 32}) {
            int channels = side == 28 ? 1 : 3;
            ModelConfig config = ModelConfig.of(Architecture.fromId(arch), new ImageShape(channels, side, side), 6);
            AutoencoderModel model = AutoencoderModel.create(config, 4);
            ImageDataset data = randomImages(config.input(), 64);
            new Trainer(new TrainerConfig(1, 32, 1e-3, 4, 0, 0), List.of()).train(model, data, null);

            AutoencoderModel reference = AutoencoderModel.create(config, 4, DataType.DOUBLE);
            ModelFile.assignParameters(java.nio.file.Path.of("memory"), reference, model.parameters());
            INDArray x = data.range(0, 8).images();
            INDArray z = Nd4j.rand(DataType.FLOAT, 8, 6);
            for (int call = 0; call < 3; call++) {
                assertClose(reference.reconstruct(x), model.reconstruct(x), arch + side + " reconstruct call " + call);
                assertClose(reference.encode(x).mean(), model.encode(x).mean(), arch + side + " encode call " + call);
                assertClose(reference.decode(z.castTo(DataType.DOUBLE)), model.decode(z), arch + side + " decode " + call);
            }
        }
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        double maxError = expected.castTo(DataType.DOUBLE).sub(actual.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
        assertEquals(0.0, maxError, 1e-4, what + ": max abs error " + maxError);
    }

    static ImageDataset randomImages(ImageShape shape, int count) {
        byte[] pixels = new byte[count * shape.pixels()];
        new java.util.Random(1).nextBytes(pixels);
        return new ByteImageDataset("random", shape, pixels, new byte[count], List.of("0"), "none");
    }
}
