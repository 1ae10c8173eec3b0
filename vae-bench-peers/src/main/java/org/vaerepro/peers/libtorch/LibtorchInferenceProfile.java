package org.vaerepro.peers.libtorch;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.vaerepro.data.Split;
import org.vaerepro.data.StandardDataset;

/**
 * The libtorch peer's inference pass alone (reconstruct on test images, batch 128), as StepProfileBenchmark
 * {@code -Dbench.pass=reconstruct} runs the project's: 5 warm-up passes, then {@code passes} timed ones, with the
 * minimum and median wall time of a pass. Run with ONEDNN_VERBOSE=1 on both sides, reproductions/bench/onednn-profile.py
 * splits each pass into its oneDNN kernels (docs/benchmarks.md, the CIFAR-10 inference gap).
 * Usage: {@code LibtorchInferenceProfile <data dir> <conv_transpose2d.pt> <configuration> <passes>}.
 */
public final class LibtorchInferenceProfile {
    static final int WARM_UP = 5;

    private LibtorchInferenceProfile() {
    }

    public static void main(String[] args) {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: LibtorchInferenceProfile <data dir> <conv_transpose2d.pt> "
                    + "<configuration, e.g. cifar10/vae> <passes>");
        }
        PeerParameters plan = PeerParameters.of(args[2]);
        int passes = Integer.parseInt(args[3]);
        Engine engine = Engine.getEngine("PyTorch");
        engine.setRandomSeed(1);
        int batch = LibtorchThroughputPeer.BATCH;
        PeerImages test = PeerImages.first(Path.of(args[0]), StandardDataset.fromId(args[2].split("/")[0]), Split.TEST,
                batch * (WARM_UP + passes));
        try (ConvTransposeModule convTranspose = ConvTransposeModule.load(Path.of(args[1]));
                NDManager manager = engine.newBaseManager();
                LibtorchModel model = new LibtorchModel(plan, manager, convTranspose.block())) {
            double[] ms = new double[passes];
            for (int p = 0; p < WARM_UP + passes; p++) {
                NDArray x = test.range(manager, p * batch, (p + 1) * batch);
                long started = System.nanoTime();
                LibtorchThroughputPeer.reconstruct(model, x, manager);
                if (p >= WARM_UP) {
                    ms[p - WARM_UP] = (System.nanoTime() - started) / 1e6;
                }
                x.close();
            }
            Arrays.sort(ms);
            System.out.printf(Locale.ROOT, "# libtorch %s reconstruct profile: %s, batch %d, %d passes after %d warm-up, "
                    + "threads %d%n", engine.getVersion(), plan, batch, passes, WARM_UP,
                    ai.djl.pytorch.jni.JniUtils.getNumThreads());
            System.out.printf(Locale.ROOT, "# pass\t%.1f ms (min)\t%.1f ms (median)%n", ms[0], ms[passes / 2]);
        }
    }
}
