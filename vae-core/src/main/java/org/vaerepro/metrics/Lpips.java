package org.vaerepro.metrics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * LPIPS (Zhang et al. 2018), AlexNet backbone, linear heads v0.1: the default of the reference
 * implementation. Inputs are images in [0,1], NCHW; grey images are repeated to RGB and images under
 * 32x32 are resized or padded per {@link SmallImagePolicy}. Not thread-safe.
 */
public final class Lpips {
    public static final String WEIGHTS_PROPERTY = "vae.lpipsWeights";
    public static final String WEIGHTS_FILE = "lpips-alex-v0.1.npz";
    static final int MIN_SIDE = 32;
    private static final double[] SHIFT = {-0.030, -0.088, -0.188};
    private static final double[] SCALE = {0.458, 0.448, 0.450};
    private static final String[] CONV_KEYS = {"features.0", "features.3", "features.6", "features.8", "features.10"};
    private static final int[][] CONV_GEOMETRY = {{11, 4, 2}, {5, 1, 2}, {3, 1, 1}, {3, 1, 1}, {3, 1, 1}};

    private final SameDiff sd;
    private final Path weightsFile;

    private Lpips(SameDiff sd, Path weightsFile) {
        this.sd = sd;
        this.weightsFile = weightsFile;
    }

    /** Weights from {@code -Dvae.lpipsWeights}, else {@code ~/.vae/weights/lpips-alex-v0.1.npz}. */
    public static Path defaultWeights() {
        String property = System.getProperty(WEIGHTS_PROPERTY);
        return property != null && !property.isBlank() ? Path.of(property)
                : Path.of(System.getProperty("user.home"), ".vae", "weights", WEIGHTS_FILE);
    }

    public static Lpips load(Path weightsFile) {
        if (!Files.isRegularFile(weightsFile)) {
            throw new IllegalArgumentException("LPIPS weights not found at " + weightsFile.toAbsolutePath()
                    + ": expected the AlexNet v0.1 file " + WEIGHTS_FILE + " (PyTorch key names). Set -D"
                    + WEIGHTS_PROPERTY + "=<path> or put it in ~/.vae/weights/.");
        }
        Map<String, INDArray> weights;
        try {
            weights = Nd4j.createFromNpzFile(weightsFile.toFile());
        } catch (Exception e) {
            throw new IllegalArgumentException(weightsFile + ": not a readable .npz file: " + e.getMessage(), e);
        }
        int[] channels = {64, 192, 384, 256, 256};
        for (int i = 0; i < 5; i++) {
            require(weightsFile, weights, CONV_KEYS[i] + ".weight");
            require(weightsFile, weights, CONV_KEYS[i] + ".bias");
            INDArray lin = require(weightsFile, weights, "lin" + i + ".model.1.weight");
            if (lin.length() != channels[i]) {
                throw new IllegalArgumentException(weightsFile + ": lin" + i + ".model.1.weight has " + lin.length()
                        + " values, expected " + channels[i]);
            }
        }
        return new Lpips(build(weights), weightsFile);
    }

    private static INDArray require(Path file, Map<String, INDArray> weights, String key) {
        INDArray value = weights.get(key);
        if (value == null) {
            throw new IllegalArgumentException(file + ": missing array '" + key + "' (expected LPIPS AlexNet v0.1 keys)");
        }
        return value;
    }

    private static SameDiff build(Map<String, INDArray> weights) {
        SameDiff sd = SameDiff.create();
        // Both images of every pair go through AlexNet as one batch [a; b]: half the op calls, larger GEMMs.
        SDVariable pairs = sd.placeHolder("pairs", DataType.FLOAT, -1, 3, -1, -1);
        SDVariable[] convW = new SDVariable[5];
        SDVariable[] convB = new SDVariable[5];
        SDVariable[] lin = new SDVariable[5];
        for (int i = 0; i < 5; i++) {
            // PyTorch's [out, in, kH, kW] permuted once to ND4J's native [kH, kW, in, out], so no call reorders it.
            convW[i] = sd.constant("w" + i, weights.get(CONV_KEYS[i] + ".weight").castTo(DataType.FLOAT)
                    .permute(2, 3, 1, 0).dup('c'));
            convB[i] = sd.constant("b" + i, weights.get(CONV_KEYS[i] + ".bias").castTo(DataType.FLOAT));
            INDArray l = weights.get("lin" + i + ".model.1.weight").castTo(DataType.FLOAT);
            lin[i] = sd.constant("lin" + i, l.reshape(1, l.length(), 1, 1));
        }
        INDArray shift = Nd4j.create(SHIFT, new long[] {1, 3, 1, 1}, DataType.FLOAT);
        INDArray scale = Nd4j.create(SCALE, new long[] {1, 3, 1, 1}, DataType.FLOAT);
        SDVariable[] taps = trunk(sd, pairs, shift, scale, convW, convB);
        SDVariable total = null;
        for (int i = 0; i < 5; i++) {
            SDVariable[] halves = sd.split(unitNormalise(sd, taps[i]), 2, 0);
            SDVariable d = halves[0].sub(halves[1]);
            SDVariable layer = d.mul(d).mul(lin[i]).sum(1).mean(1, 2);
            total = total == null ? layer : total.add(layer);
        }
        total.rename("lpips");
        return sd;
    }

    /** AlexNet features after each of conv1..conv5 (+ReLU), with the two max-pools in between. */
    private static SDVariable[] trunk(SameDiff sd, SDVariable x, INDArray shift, INDArray scale, SDVariable[] w,
            SDVariable[] b) {
        SDVariable h = x.mul(2).sub(1).sub(sd.constant(shift)).div(sd.constant(scale));
        SDVariable[] taps = new SDVariable[5];
        for (int i = 0; i < 5; i++) {
            if (i == 1 || i == 2) {
                h = sd.cnn().maxPooling2d(h, Pooling2DConfig.builder().kH(3).kW(3).sH(2).sW(2)
                        .paddingMode(PaddingMode.VALID).isNHWC(false).build());
            }
            int[] g = CONV_GEOMETRY[i];
            h = sd.nn().relu(sd.cnn().conv2d(h, w[i], b[i], Conv2DConfig.builder().kH(g[0]).kW(g[0]).sH(g[1])
                    .sW(g[1]).pH(g[2]).pW(g[2]).dataFormat("NCHW").build()), 0);
            taps[i] = h;
        }
        return taps;
    }

    private static SDVariable unitNormalise(SameDiff sd, SDVariable x) {
        SDVariable norm = sd.math().sqrt(x.mul(x).sum(true, 1)).add(1e-10);
        return x.div(norm);
    }

    public Path weightsFile() {
        return weightsFile;
    }

    /** LPIPS of each pair in two batches of images in [0,1], [N, C, H, W] with C = 1 or 3. */
    public double[] distances(INDArray a, INDArray b, SmallImagePolicy policy) {
        if (!java.util.Arrays.equals(a.shape(), b.shape())) {
            throw new IllegalArgumentException("LPIPS needs two batches of one shape, got "
                    + java.util.Arrays.toString(a.shape()) + " and " + java.util.Arrays.toString(b.shape()));
        }
        Map<String, INDArray> feed = new HashMap<>();
        feed.put("pairs", Nd4j.concat(0, prepare(a, policy), prepare(b, policy)));
        return sd.output(feed, "lpips").get("lpips").castTo(DataType.DOUBLE).data().asDouble();
    }

    /** Whether images of this size are under AlexNet's 32x32 minimum, so a {@link SmallImagePolicy} applies. */
    public static boolean belowMinimum(long height, long width) {
        return height < MIN_SIDE || width < MIN_SIDE;
    }

    /** RGB, at least 32x32, float. */
    static INDArray prepare(INDArray images, SmallImagePolicy policy) {
        INDArray x = images.castTo(DataType.FLOAT);
        if (x.size(1) == 1) {
            x = Nd4j.concat(1, x, x, x);
        } else if (x.size(1) != 3) {
            throw new IllegalArgumentException("LPIPS needs 1 or 3 channels, got " + x.size(1));
        }
        if (!belowMinimum(x.size(2), x.size(3))) {
            return x;
        }
        int h = (int) Math.max(MIN_SIDE, x.size(2));
        int w = (int) Math.max(MIN_SIDE, x.size(3));
        return policy == SmallImagePolicy.RESIZE ? ImageResize.bilinear(x, h, w) : ImageResize.zeroPad(x, h, w);
    }
}
