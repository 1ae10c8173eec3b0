package org.vaerepro.metrics;

import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * AlexNet's feature trunk as LPIPS uses it (input scaling, conv1..conv5 each followed by ReLU, max-pools
 * before conv2 and conv3) for one input size, run as direct ND4J ops: a fixed forward pass needs no
 * autodiff graph, and skipping SameDiff's per-call session bookkeeping was a third of the time.
 *
 * <p>A convolution whose input has fewer positions than its kernel has taps (conv2..conv5 on 32x32 images
 * see 3x3 and 1x1 maps) mostly multiplies padding zeros. It runs instead as one matrix product with the
 * equivalent dense matrix, the same linear map built by convolving the identity basis: 2.4M instead of
 * 6.0M multiply-adds per 32x32 image.
 */
final class AlexNetTrunk {
    private static final double[] SHIFT = {-0.030, -0.088, -0.188};
    private static final double[] SCALE = {0.458, 0.448, 0.450};
    static final String[] CONV_KEYS = {"features.0", "features.3", "features.6", "features.8", "features.10"};
    /** Kernel, stride, padding of conv1..conv5. */
    private static final int[][] CONV_GEOMETRY = {{11, 4, 2}, {5, 1, 2}, {3, 1, 1}, {3, 1, 1}, {3, 1, 1}};
    /** AlexNet max-pools before conv2 and conv3. */
    private static final boolean[] POOLED_BEFORE = {false, true, true, false, false};
    private static final Pooling2DConfig POOL = Pooling2DConfig.builder().kH(3).kW(3).sH(2).sW(2)
            .paddingMode(PaddingMode.VALID).isNHWC(false).build();

    /** Per-channel gain and offset of the input scaling, by {@link LpipsScaling} ordinal. */
    private final INDArray[] gain = new INDArray[LpipsScaling.values().length];
    private final INDArray[] offset = new INDArray[LpipsScaling.values().length];
    private final Stage[] stages = new Stage[5];

    /** One convolution of the trunk (before its ReLU), run one of two equivalent ways. */
    private sealed interface Stage permits Convolution, MatrixProduct {
        INDArray apply(INDArray h);
    }

    private record Convolution(INDArray weights, INDArray bias, Conv2DConfig config) implements Stage {
        @Override
        public INDArray apply(INDArray h) {
            return Nd4j.cnn().conv2d(h, weights, bias, config);
        }
    }

    /** The convolution as h·matrix + bias over flattened [C, H, W] maps, reshaped to {@code outputShape}. */
    private record MatrixProduct(INDArray matrix, INDArray bias, long[] outputShape) implements Stage {
        @Override
        public INDArray apply(INDArray h) {
            long n = h.size(0);
            return h.reshape('c', n, matrix.size(0)).mmul(matrix).addiRowVector(bias)
                    .reshape('c', n, outputShape[0], outputShape[1], outputShape[2]);
        }
    }

    AlexNetTrunk(Map<String, INDArray> weights, int height, int width) {
        for (LpipsScaling scaling : LpipsScaling.values()) {
            // SIGNED: [0,1] -> [-1,1] -> (x - shift) / scale; RAW: [0,1] -> (x - shift) / scale. One multiply-add.
            double a = scaling == LpipsScaling.SIGNED ? 2 : 1;
            double b = scaling == LpipsScaling.SIGNED ? -1 : 0;
            double[] g = new double[3];
            double[] o = new double[3];
            for (int c = 0; c < 3; c++) {
                g[c] = a / SCALE[c];
                o[c] = (b - SHIFT[c]) / SCALE[c];
            }
            gain[scaling.ordinal()] = Nd4j.create(g, new long[] {1, 3, 1, 1}, DataType.FLOAT);
            offset[scaling.ordinal()] = Nd4j.create(o, new long[] {1, 3, 1, 1}, DataType.FLOAT);
        }
        int[] size = {height, width};
        for (int i = 0; i < 5; i++) {
            if (POOLED_BEFORE[i]) {
                size = new int[] {(size[0] - 3) / 2 + 1, (size[1] - 3) / 2 + 1};
            }
            // PyTorch's [out, in, kH, kW] permuted once to ND4J's native [kH, kW, in, out].
            INDArray w = weights.get(CONV_KEYS[i] + ".weight").castTo(DataType.FLOAT).permute(2, 3, 1, 0).dup('c');
            INDArray b = weights.get(CONV_KEYS[i] + ".bias").castTo(DataType.FLOAT);
            int[] geometry = CONV_GEOMETRY[i];
            int k = geometry[0];
            Conv2DConfig config = Conv2DConfig.builder().kH(k).kW(k).sH(geometry[1]).sW(geometry[1])
                    .pH(geometry[2]).pW(geometry[2]).dataFormat("NCHW").build();
            int[] out = {(size[0] + 2 * geometry[2] - k) / geometry[1] + 1,
                (size[1] + 2 * geometry[2] - k) / geometry[1] + 1};
            stages[i] = size[0] * size[1] < k * k ? lowered(w, b, config, size, out) : new Convolution(w, b, config);
            size = out;
        }
    }

    private static MatrixProduct lowered(INDArray w, INDArray b, Conv2DConfig config, int[] in, int[] out) {
        long channelsIn = w.size(2);
        long channelsOut = w.size(3);
        long inputs = channelsIn * in[0] * in[1];
        INDArray basis = Nd4j.eye(inputs).castTo(DataType.FLOAT).reshape('c', inputs, channelsIn, in[0], in[1]);
        INDArray matrix = Nd4j.cnn().conv2d(basis, w, config).reshape('c', inputs, channelsOut * out[0] * out[1]);
        INDArray bias = Nd4j.zeros(DataType.FLOAT, 1, channelsOut, out[0], out[1])
                .addi(b.reshape(1, channelsOut, 1, 1)).reshape('c', 1, channelsOut * out[0] * out[1]);
        return new MatrixProduct(matrix, bias, new long[] {channelsOut, out[0], out[1]});
    }

    /** Activations after ReLU 1..5 for images in [0,1], [N, 3, H, W] float, scaled per {@code scaling}; {@code images} is overwritten. */
    INDArray[] features(INDArray images, LpipsScaling scaling) {
        INDArray h = images.muli(gain[scaling.ordinal()]).addi(offset[scaling.ordinal()]);
        INDArray[] taps = new INDArray[5];
        for (int i = 0; i < 5; i++) {
            if (POOLED_BEFORE[i]) {
                h = Nd4j.cnn().maxPooling2d(h, POOL);
            }
            h = Transforms.relu(stages[i].apply(h), false);
            taps[i] = h;
        }
        return taps;
    }
}
