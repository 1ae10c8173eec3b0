package org.vaerepro.peers.libtorch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The libtorch peer computes what it claims: its tensors have {@link PeerParameters}' shapes, the TorchScript module
 * is a transposed convolution (the adjoint of libtorch's own convolution with the same weights) that autograd reaches,
 * and DJL's interpolation mode 0 is nearest-neighbour as PyTorch's. Needs libtorch: run by
 * {@code mvn -pl vae-bench-peers -Plibtorch test}, which runs only the tests tagged libtorch.
 */
@Tag("libtorch")
class LibtorchModelTest {
    private static ConvTransposeModule module;
    private static NDManager manager;

    @BeforeAll
    static void load() {
        Engine.getEngine("PyTorch").setRandomSeed(1);
        module = ConvTransposeModule.load(Path.of(System.getProperty("vae.convTransposeModule")));
        manager = Engine.getEngine("PyTorch").newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
        module.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mnist/vae", "mnist/vae-upsample", "mnist/ae", "cifar10/vae", "cifar10/vae-upsample",
            "cifar10/ae"})
    void tensorsHaveThePlannedShapesAndTrain(String configuration) {
        PeerParameters plan = PeerParameters.of(configuration);
        try (LibtorchModel model = new LibtorchModel(plan, manager, module.block());
                NDManager step = manager.newSubManager()) {
            Map<String, NDArray> parameters = model.parameters();
            assertEquals(plan.shapes().keySet(), parameters.keySet());
            plan.shapes().forEach((name, shape) ->
                    assertArrayEquals(shape.dims(), parameters.get(name).getShape().getShape(), name));

            NDArray x = step.randomUniform(0, 1, new Shape(4, plan.channels(), plan.side(), plan.side()));
            NDArray eps = plan.variational() ? step.randomNormal(new Shape(4, plan.latentDim())) : null;
            try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                collector.backward(model.loss(x, eps));
            }
            for (Map.Entry<String, NDArray> p : parameters.entrySet()) {
                try (NDArray gradient = p.getValue().getGradient()) {
                    assertTrue(gradient.abs().sum().getFloat() > 0, p.getKey() + " has no gradient");
                }
            }
            NDArray reconstruction = model.reconstruct(x);
            assertArrayEquals(x.getShape().getShape(), reconstruction.getShape().getShape());
            assertTrue(reconstruction.min().getFloat() >= 0 && reconstruction.max().getFloat() <= 1);
        }
    }

    /** <convT(x, w), y> = <x, conv(y, w)>: the transposed convolution is the adjoint of the convolution. */
    @Test
    void moduleIsTheAdjointOfTheConvolution() {
        try (NDManager m = manager.newSubManager()) {
            NDArray x = m.randomNormal(new Shape(2, 8, 5, 5));
            NDArray w = m.randomNormal(new Shape(8, 3, 4, 4)); // [in, out, k, k] for the transposed convolution
            NDArray zeroBias = m.zeros(new Shape(3));
            NDArray y = module.block().forward(new ParameterStore(m, false), new NDList(x, w, zeroBias), false)
                    .singletonOrThrow();
            assertArrayEquals(new long[] {2, 3, 10, 10}, y.getShape().getShape());
            NDArray probe = m.randomNormal(y.getShape());
            NDArray back = Conv2d.conv2d(probe, w, m.zeros(new Shape(8)), new Shape(2, 2), new Shape(1, 1))
                    .singletonOrThrow();
            float left = y.mul(probe).sum().getFloat();
            float right = x.mul(back).sum().getFloat();
            assertEquals(left, right, 1e-3 * Math.abs(left) + 1e-3);
        }
    }

    @Test
    void interpolationModeZeroIsNearest() {
        try (NDManager m = manager.newSubManager()) {
            NDArray rows = m.arange(4f).reshape(1, 1, 4, 1).repeat(3, 4);
            NDArray up = rows.getNDArrayInternal().interpolation(new long[] {7, 4}, 0, false);
            assertArrayEquals(new float[] {0, 0, 1, 1, 2, 2, 3}, up.get("0, 0, :, 0").toFloatArray());
        }
    }
}
