package org.vaerepro.metrics;

import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.factory.Nd4j;
import org.vaerepro.settings.Setting;

/**
 * LPIPS (Zhang et al. 2018), AlexNet backbone, linear heads v0.1: the default of the reference
 * implementation. Inputs are images in [0,1], NCHW, mapped to [-1,1] as the reference expects (or passed
 * unscaled, {@link LpipsScaling}); grey images are repeated to RGB and images under 32x32 are resized or padded
 * per {@link SmallImagePolicy}. Not thread-safe.
 */
public final class Lpips {
    public static final String WEIGHTS_FILE = "lpips-alex-v0.1.npz";
    static final int MIN_SIDE = 32;
    private static final WorkspaceConfiguration WORKSPACE = WorkspaceConfiguration.builder()
            .policyAllocation(AllocationPolicy.STRICT).policyLearning(LearningPolicy.FIRST_LOOP)
            .policySpill(SpillPolicy.REALLOCATE).build();

    private final String workspaceId = "lpips-" + System.identityHashCode(this);
    private final Map<String, INDArray> weights;
    /** The 1x1 "lin" weights per tap: how much each channel's normalised difference counts. */
    private final float[][] linear = new float[5][];
    /** One trunk per input size (key height * 65536 + width): which layers are lowered depends on it. */
    private final Map<Integer, AlexNetTrunk> trunks = new HashMap<>();

    private Lpips(Map<String, INDArray> weights) {
        this.weights = weights;
        for (int i = 0; i < 5; i++) {
            linear[i] = weights.get("lin" + i + ".model.1.weight").castTo(DataType.FLOAT).data().asFloat();
        }
    }

    public static Lpips load(Path weightsFile) {
        if (!Files.isRegularFile(weightsFile)) {
            throw new IllegalArgumentException("LPIPS weights not found at " + weightsFile.toAbsolutePath()
                    + ": expected the AlexNet v0.1 file " + WEIGHTS_FILE + " (PyTorch key names). Point the "
                    + Setting.LPIPS_WEIGHTS + " at it.");
        }
        Map<String, INDArray> weights;
        try {
            weights = Nd4j.createFromNpzFile(weightsFile.toFile());
        } catch (Exception e) {
            throw new IllegalArgumentException(weightsFile + ": not a readable .npz file: " + e.getMessage(), e);
        }
        int[] channels = {64, 192, 384, 256, 256};
        for (int i = 0; i < 5; i++) {
            require(weightsFile, weights, AlexNetTrunk.CONV_KEYS[i] + ".weight");
            require(weightsFile, weights, AlexNetTrunk.CONV_KEYS[i] + ".bias");
            INDArray lin = require(weightsFile, weights, "lin" + i + ".model.1.weight");
            if (lin.length() != channels[i]) {
                throw new IllegalArgumentException(weightsFile + ": lin" + i + ".model.1.weight has " + lin.length()
                        + " values, expected " + channels[i]);
            }
        }
        return new Lpips(weights);
    }

    private static INDArray require(Path file, Map<String, INDArray> weights, String key) {
        INDArray value = weights.get(key);
        if (value == null) {
            throw new IllegalArgumentException(file + ": missing array '" + key + "' (expected LPIPS AlexNet v0.1 keys)");
        }
        return value;
    }

    /** LPIPS of each pair in two batches of images in [0,1], [N, C, H, W] with C = 1 or 3, mapped to [-1,1]. */
    public double[] distances(INDArray a, INDArray b, SmallImagePolicy policy) {
        return distances(a, b, policy, LpipsScaling.SIGNED);
    }

    /** As {@link #distances(INDArray, INDArray, SmallImagePolicy)}, the images entering the network per {@code scaling}. */
    public double[] distances(INDArray a, INDArray b, SmallImagePolicy policy, LpipsScaling scaling) {
        return distances(a, List.of(b), policy, scaling)[0];
    }

    /**
     * LPIPS of each image of {@code reference} against the same image of each batch in {@code others} (result
     * [batch][image]): the reference's features are computed once for all of them.
     */
    public double[][] distances(INDArray reference, List<INDArray> others, SmallImagePolicy policy,
            LpipsScaling scaling) {
        for (INDArray other : others) {
            if (!java.util.Arrays.equals(reference.shape(), other.shape())) {
                throw new IllegalArgumentException("LPIPS needs batches of one shape, got "
                        + java.util.Arrays.toString(reference.shape()) + " and " + java.util.Arrays.toString(other.shape()));
            }
        }
        // Every intermediate lives in one reused workspace: fresh native buffers per batch cost page faults
        // and zeroing comparable to the convolutions themselves.
        try (MemoryWorkspace workspace = Nd4j.getWorkspaceManager().getAndActivateWorkspace(WORKSPACE, workspaceId)) {
            INDArray[] prepared = new INDArray[others.size() + 1];
            prepared[0] = prepare(reference, policy);
            for (int i = 0; i < others.size(); i++) {
                prepared[i + 1] = prepare(others.get(i), policy);
            }
            INDArray images = Nd4j.concat(0, prepared);
            INDArray[] taps = trunk((int) images.size(2), (int) images.size(3)).features(images, scaling);
            int n = (int) reference.size(0);
            double[][] result = new double[others.size()][];
            for (int i = 0; i < others.size(); i++) {
                result[i] = pairDistances(taps, n, (i + 1) * n);
            }
            return result;
        }
    }

    private AlexNetTrunk trunk(int height, int width) {
        // Built outside the workspace: its weights outlive every batch.
        try (MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return trunks.computeIfAbsent(height * 65536 + width, key -> new AlexNetTrunk(weights, height, width));
        }
    }

    /**
     * Sums, over the five taps, the spatial mean of sum_c w_c (a_c/|a| - b_c/|b|)^2, where a and b are the pair's
     * activations at one position (image n and image n + secondOffset of the taps) and |.| + 1e-10 normalises
     * over channels, as the reference does. One fused
     * pass over the activations instead of a dozen whole-tensor ops; pairs are independent, so they run in
     * parallel and each pair's sum keeps its order (deterministic).
     */
    private double[] pairDistances(INDArray[] taps, int pairs, int secondOffset) {
        FloatBuffer[] values = new FloatBuffer[taps.length];
        for (int i = 0; i < taps.length; i++) {
            // Read in place from native memory: copying every activation out costs as much as this whole pass.
            INDArray dense = taps[i].ordering() == 'c' && !taps[i].isView() && taps[i].offset() == 0
                    ? taps[i] : taps[i].dup('c');
            values[i] = dense.data().asNioFloat();
        }
        int[] positions = new int[taps.length];
        for (int i = 0; i < taps.length; i++) {
            positions[i] = (int) (taps[i].size(2) * taps[i].size(3));
        }
        double[] total = new double[pairs];
        IntStream.range(0, pairs).parallel().forEach(n -> {
            double sum = 0;
            for (int i = 0; i < taps.length; i++) {
                sum += layerDistance(values[i], linear[i], positions[i], n, n + secondOffset);
            }
            total[n] = sum;
        });
        return total;
    }

    private static double layerDistance(FloatBuffer f, float[] weights, int positions, int first, int second) {
        int channels = weights.length;
        int a = first * channels * positions;
        int b = second * channels * positions;
        double[] normA = new double[positions];
        double[] normB = new double[positions];
        for (int c = 0; c < channels; c++) {
            for (int p = 0; p < positions; p++) {
                double va = f.get(a + c * positions + p);
                double vb = f.get(b + c * positions + p);
                normA[p] += va * va;
                normB[p] += vb * vb;
            }
        }
        for (int p = 0; p < positions; p++) {
            normA[p] = 1 / (Math.sqrt(normA[p]) + 1e-10);
            normB[p] = 1 / (Math.sqrt(normB[p]) + 1e-10);
        }
        double sum = 0;
        for (int c = 0; c < channels; c++) {
            double w = weights[c];
            for (int p = 0; p < positions; p++) {
                double d = f.get(a + c * positions + p) * normA[p] - f.get(b + c * positions + p) * normB[p];
                sum += w * d * d;
            }
        }
        return sum / positions;
    }

    /** Whether images of this size are under AlexNet's 32x32 minimum, so a {@link SmallImagePolicy} applies. */
    public static boolean belowMinimum(long height, long width) {
        return height < MIN_SIDE || width < MIN_SIDE;
    }

    /** RGB, at least 32x32 (below it, the rule's size: 64x64 under {@link SmallImagePolicy#RESIZE64}), float. */
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
        return switch (policy) {
            case RESIZE -> ImageResize.bilinear(x, h, w);
            case PAD -> ImageResize.zeroPad(x, h, w);
            default -> ImageResize.resample(x, policy.resampling(), policy.side(), policy.side());
        };
    }
}
