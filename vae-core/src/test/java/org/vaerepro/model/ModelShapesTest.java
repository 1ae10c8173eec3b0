package org.vaerepro.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junitpioneer.jupiter.cartesian.CartesianTest;
import org.junitpioneer.jupiter.cartesian.CartesianTest.Values;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaerepro.data.ImageShape;

class ModelShapesTest {
    @CartesianTest
    void shapesForEveryArchitectureInputAndBottleneck(@Values(strings = {"vae", "vae-upsample", "ae"}) String arch,
            @Values(ints = {28, 32}) int side, @Values(ints = {2, 10, 64}) int latent) {
        int channels = side == 28 ? 1 : 3;
        ModelConfig config = ModelConfig.of(Architecture.fromId(arch), new ImageShape(channels, side, side), latent);
        AutoencoderModel model = AutoencoderModel.create(config, 7);
        INDArray x = Nd4j.rand(DataType.FLOAT, 5, channels, side, side);
        LatentCode code = model.encode(x);
        assertArrayEquals(new long[] {5, latent}, code.mean().shape());
        if (config.architecture().variational()) {
            assertArrayEquals(new long[] {5, latent}, code.logVariance().shape());
        } else {
            assertNull(code.logVariance());
        }
        INDArray reconstruction = model.reconstruct(x);
        assertArrayEquals(x.shape(), reconstruction.shape());
        assertTrue(reconstruction.minNumber().doubleValue() >= 0 && reconstruction.maxNumber().doubleValue() <= 1);
        assertArrayEquals(new long[] {3, channels, side, side}, model.sample(3, 1).shape());
        assertArrayEquals(new long[] {2, channels, side, side}, model.decode(code.mean().get(
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 2))).shape());
    }

    @org.junit.jupiter.api.Test
    void reconstructDecodesTheMeanAndMatchesDecode() {
        ModelConfig config = ModelConfig.of(new Architecture.Vae(), new ImageShape(1, 28, 28), 4);
        AutoencoderModel model = AutoencoderModel.create(config, 3);
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 1, 28, 28);
        INDArray viaMean = model.decode(model.encode(x).mean());
        assertEquals(0.0, model.reconstruct(x).sub(viaMean).norm2Number().doubleValue(), 1e-5);
    }

    @org.junit.jupiter.api.Test
    void invalidConfigsAndInputsAreRejected() {
        ImageShape mnist = new ImageShape(1, 28, 28);
        assertThrows(IllegalArgumentException.class, () -> ModelConfig.of(new Architecture.Vae(), mnist, 0));
        assertThrows(IllegalArgumentException.class, () -> ModelConfig.of(new Architecture.Vae(),
                new ImageShape(1, 64, 64), 2));
        AutoencoderModel model = AutoencoderModel.create(ModelConfig.of(new Architecture.Autoencoder(), mnist, 2), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.reconstruct(Nd4j.rand(DataType.FLOAT, 2, 3, 32, 32)));
        assertTrue(e.getMessage().contains("[N, 1x28x28]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> model.decode(Nd4j.rand(DataType.FLOAT, 2, 3)));
    }

    @org.junit.jupiter.api.Test
    void sameSeedSameInitialParameters() {
        ModelConfig config = ModelConfig.of(new Architecture.UpsampleVae(), new ImageShape(3, 32, 32), 8);
        var a = AutoencoderModel.create(config, 11).parameters();
        var b = AutoencoderModel.create(config, 11).parameters();
        var c = AutoencoderModel.create(config, 12).parameters();
        assertEquals(a, b);
        assertTrue(!a.get("encoder0_W").equals(c.get("encoder0_W")));
    }

    @org.junit.jupiter.api.Test
    void theDecoderDenseActivationIsPartOfTheFunction() {
        ImageShape cifar = new ImageShape(3, 32, 32);
        ModelConfig relu = ModelConfig.of(new Architecture.Vae(), cifar, 8);
        ModelConfig none = new ModelConfig(relu.architecture(), cifar, 8, relu.channels(), relu.loss(), relu.beta(),
                DecoderDenseActivation.NONE);
        AutoencoderModel a = AutoencoderModel.create(relu, 3);
        AutoencoderModel b = AutoencoderModel.create(none, 3);
        // Same seed, same parameter shapes: the same initial parameters, so only the activation differs.
        org.junit.jupiter.api.Assertions.assertEquals(a.parameters(), b.parameters());
        org.nd4j.linalg.api.ndarray.INDArray z = org.nd4j.linalg.factory.Nd4j.rand(
                org.nd4j.linalg.api.buffer.DataType.FLOAT, 4, 8).subi(0.5).muli(6);
        double difference = a.decode(z).sub(b.decode(z)).norm2Number().doubleValue();
        org.junit.jupiter.api.Assertions.assertTrue(difference > 1e-3, "decoders agree: " + difference);
    }
}
