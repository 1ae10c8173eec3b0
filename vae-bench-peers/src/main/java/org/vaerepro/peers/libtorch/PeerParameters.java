package org.vaerepro.peers.libtorch;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.vaerepro.io.Preconditions;

/**
 * The peer's parameters of one measured configuration, by the names vae-core's models give them, in PyTorch's layouts
 * (convolution [out, in, k, k], transposed convolution [in, out, k, k], linear [out, in]) with the fan-in of PyTorch's
 * default initialisation. Pure Java, so the test that holds it to vae-core's models runs without libtorch.
 *
 * @param side      28 (MNIST) or 32 (CIFAR-10)
 * @param channels  1 or 3
 * @param architecture {@code vae}, {@code vae-upsample} or {@code ae}
 * @param latentDim d
 */
record PeerParameters(int side, int channels, String architecture, int latentDim) {
    /** The encoder's channels and the flattened 128x4x4 bottleneck, as vae-core's defaults. */
    static final int[] CHANNELS = {32, 64, 128};
    static final int FLAT = 128 * 4 * 4;

    PeerParameters {
        Preconditions.check(side == 28 || side == 32, "side must be 28 (MNIST) or 32 (CIFAR-10), got " + side);
        Preconditions.check(Arrays.asList("vae", "vae-upsample", "ae").contains(architecture),
                "architecture '" + architecture + "': expected vae, vae-upsample or ae");
        Preconditions.positive(latentDim, "latentDim");
    }

    /**
     * A configuration as the benchmarks name it: {@code mnist/vae} (d = 10) or {@code cifar10/ae} (d = 128), the
     * latent sizes of ModelThroughputBenchmark.
     */
    static PeerParameters of(String configuration) {
        String[] parts = configuration.split("/", -1);
        if (parts.length != 2 || !(parts[0].equals("mnist") || parts[0].equals("cifar10"))) {
            throw new IllegalArgumentException("configuration '" + configuration + "': expected <dataset>/<architecture> "
                    + "with dataset mnist or cifar10 and architecture vae, vae-upsample or ae");
        }
        boolean mnist = parts[0].equals("mnist");
        return new PeerParameters(mnist ? 28 : 32, mnist ? 1 : 3, parts[1], mnist ? 10 : 128);
    }

    boolean variational() {
        return !architecture.equals("ae");
    }

    boolean upsampling() {
        return architecture.equals("vae-upsample");
    }

    /** Kernel of decoder layer i's transposed convolution: 28 px needs 4→7 (k3) then 7→14→28 (k4); 32 px is k4. */
    int decoderKernel(int layer) {
        return side == 28 && layer == 0 ? 3 : 4;
    }

    /** Side of decoder layer i's output. */
    int decoderSide(int layer) {
        return (side == 28 ? new int[] {7, 14, 28} : new int[] {8, 16, 32})[layer];
    }

    /** A parameter's shape and the fan-in of its U(-1/sqrt(fanIn), 1/sqrt(fanIn)) initialisation. */
    record Shape(long[] dims, int fanIn) {
        long size() {
            return Arrays.stream(dims).reduce(1, (a, b) -> a * b);
        }

        @Override
        public String toString() {
            return Arrays.toString(dims);
        }
    }

    /** Every parameter, in the order the peer creates them. */
    Map<String, Shape> shapes() {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        int in = channels;
        for (int i = 0; i < 3; i++) {
            conv(shapes, "encoder" + i, CHANNELS[i], in, 3);
            in = CHANNELS[i];
        }
        linear(shapes, "mean", latentDim, FLAT);
        if (variational()) {
            linear(shapes, "logVariance", latentDim, FLAT);
        }
        linear(shapes, "decoderDense", FLAT, latentDim);
        int[] plan = {CHANNELS[2], CHANNELS[1], CHANNELS[0], channels};
        for (int i = 0; i < 3; i++) {
            if (upsampling()) {
                conv(shapes, "decoder" + i, plan[i + 1], plan[i], 3);
            } else {
                int k = decoderKernel(i);
                // ConvTranspose2d's weight is [in, out, k, k] and PyTorch takes its fan-in from dimension 1.
                int fanIn = plan[i + 1] * k * k;
                shapes.put("decoder" + i + "_W", new Shape(new long[] {plan[i], plan[i + 1], k, k}, fanIn));
                shapes.put("decoder" + i + "_b", new Shape(new long[] {plan[i + 1]}, fanIn));
            }
        }
        return shapes;
    }

    private static void conv(Map<String, Shape> shapes, String name, int out, int in, int k) {
        shapes.put(name + "_W", new Shape(new long[] {out, in, k, k}, in * k * k));
        shapes.put(name + "_b", new Shape(new long[] {out}, in * k * k));
    }

    private static void linear(Map<String, Shape> shapes, String name, int out, int in) {
        shapes.put(name + "_W", new Shape(new long[] {out, in}, in));
        shapes.put(name + "_b", new Shape(new long[] {out}, in));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s/%s d=%d", side == 28 ? "mnist" : "cifar10", architecture, latentDim);
    }
}
