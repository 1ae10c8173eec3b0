package org.vaerepro.peers.libtorch;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vaerepro.bench.ResidentMemory;
import org.vaerepro.data.ShuffledBatches;
import org.vaerepro.data.Split;
import org.vaerepro.data.StandardDataset;

/**
 * The libtorch peer of ModelThroughputBenchmark and throughput_peer.py: the same configurations, batch (128), images
 * (the first 128*steps of each split), protocol (one warm-up epoch of {@code steps} batches, then the images/s of
 * {@code epochs} measured epochs of forward, backward and Adam at 1e-3, with the mean split of a measured step into
 * batch assembly, gradient pass (the loss read) and Adam update; inference times reconstruct on 128*steps test
 * images after 3 warm-up batches) and output columns as the Python peer. Threads: OMP_NUM_THREADS (libtorch reads
 * it; the header prints the count it uses). One configuration per process gives each its own peak resident set.
 *
 * <p>Usage: {@code LibtorchThroughputPeer <data dir> <conv_transpose2d.pt> [steps, default 20] [epochs, default 2]
 * [configuration, e.g. cifar10/vae; default all six]}, normally through {@code mvn -pl vae-bench-peers -Plibtorch
 * exec:exec@bench-libtorch}.
 */
public final class LibtorchThroughputPeer {
    static final int BATCH = 128;
    static final List<String> CONFIGURATIONS = List.of("mnist/vae", "mnist/vae-upsample", "mnist/ae", "cifar10/vae",
            "cifar10/vae-upsample", "cifar10/ae");

    private LibtorchThroughputPeer() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: LibtorchThroughputPeer <data dir> <conv_transpose2d.pt> "
                    + "[steps per epoch, default 20] [measured epochs, default 2] [configuration, e.g. mnist/vae]");
        }
        Path data = Path.of(args[0]);
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int epochs = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        String only = args.length > 4 && !args[4].isBlank() ? args[4] : null;
        List<String> configurations = only == null ? CONFIGURATIONS : List.of(only);
        configurations.forEach(PeerParameters::of); // fails on an unknown configuration before anything is read
        Engine engine = Engine.getEngine("PyTorch");
        engine.setRandomSeed(1);
        try (ConvTransposeModule convTranspose = ConvTransposeModule.load(Path.of(args[1]));
                NDManager manager = engine.newBaseManager()) {
            System.out.printf(Locale.ROOT, "# libtorch %s peer (DJL %s): batch %d, %d steps/epoch, 1 warm-up + %d measured "
                    + "epochs, threads %d, features %s%n", engine.getVersion(), Engine.getDjlVersion(), BATCH, steps,
                    epochs, JniUtils.getNumThreads(), new java.util.TreeSet<>(JniUtils.getFeatures()));
            System.out.println("dataset\tarchitecture\td\ttrain_img_s\tinfer_img_s\tpeak_rss_mib\tbatch_ms\tpass_ms\tupdate_ms");
            for (StandardDataset dataset : List.of(StandardDataset.MNIST, StandardDataset.CIFAR10)) {
                List<String> here = configurations.stream().filter(c -> c.startsWith(dataset.id() + "/")).toList();
                if (here.isEmpty()) {
                    continue;
                }
                PeerImages train = PeerImages.first(data, dataset, Split.TRAIN, BATCH * steps);
                PeerImages test = PeerImages.first(data, dataset, Split.TEST, BATCH * steps);
                for (String configuration : here) {
                    System.out.println(measure(manager, convTranspose, PeerParameters.of(configuration), train, test,
                            steps, epochs));
                }
            }
        }
        refuseNd4j();
    }

    private static String measure(NDManager parent, ConvTransposeModule convTranspose, PeerParameters plan,
            PeerImages train, PeerImages test, int steps, int epochs) {
        try (LibtorchModel model = new LibtorchModel(plan, parent, convTranspose.block());
                NDManager inference = parent.newSubManager()) {
            Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build();
            int n = BATCH * steps;
            long[] phases = new long[3]; // batch assembly, gradient pass, Adam update
            double measuredSeconds = 0;
            for (int epoch = 0; epoch <= epochs; epoch++) {
                ShuffledBatches order = new ShuffledBatches(n, BATCH, 1, epoch);
                long started = System.nanoTime();
                for (int s = 0; s < steps; s++) {
                    long t0 = System.nanoTime();
                    try (NDManager step = parent.newSubManager()) {
                        NDArray x = train.batch(step, order.indices(s));
                        NDArray eps = plan.variational() ? step.randomNormal(new Shape(BATCH, plan.latentDim())) : null;
                        long t1 = System.nanoTime();
                        try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                            NDArray loss = model.loss(x, eps);
                            collector.backward(loss);
                            loss.getFloat();
                        }
                        long t2 = System.nanoTime();
                        for (Map.Entry<String, NDArray> p : model.parameters().entrySet()) {
                            try (NDArray gradient = p.getValue().getGradient()) {
                                adam.update(p.getKey(), p.getValue(), gradient);
                                gradient.subi(gradient); // libtorch adds the next pass's gradient to it
                            }
                        }
                        if (epoch > 0) {
                            phases[0] += t1 - t0;
                            phases[1] += t2 - t1;
                            phases[2] += System.nanoTime() - t2;
                        }
                    }
                }
                if (epoch > 0) {
                    measuredSeconds += (System.nanoTime() - started) / 1e9;
                }
            }
            List<NDArray> inputs = new ArrayList<>();
            for (int b = 0; b < steps; b++) {
                inputs.add(test.range(inference, b * BATCH, (b + 1) * BATCH));
            }
            for (NDArray x : inputs.subList(0, Math.min(3, steps))) {
                reconstruct(model, x, parent);
            }
            long started = System.nanoTime();
            for (NDArray x : inputs) {
                reconstruct(model, x, parent);
            }
            double infer = (double) n / ((System.nanoTime() - started) / 1e9);
            double msPerStep = 1e6 * steps * epochs;
            return String.format(Locale.ROOT, "%s\t%s\t%d\t%.1f\t%.1f\t%d\t%.2f\t%.2f\t%.2f", plan.side() == 28 ? "mnist"
                    : "cifar10", plan.architecture(), plan.latentDim(), (double) n * epochs / measuredSeconds, infer,
                    ResidentMemory.now().peakBytes() >> 20, phases[0] / msPerStep, phases[1] / msPerStep,
                    phases[2] / msPerStep);
        }
    }

    /**
     * One inference pass whose intermediate tensors are freed when it ends, as Python's reference counts free the
     * Python peer's: DJL keeps every result in the manager of its first operand until that manager closes.
     */
    static void reconstruct(LibtorchModel model, NDArray x, NDManager parent) {
        try (NDManager pass = parent.newSubManager()) {
            x.tempAttach(pass);
            model.reconstruct(x);
        }
    }

    /**
     * The peer reads its images through vae-core's pure-Java readers; were ND4J's native library loaded too, its
     * peak resident set would carry the other engine's. Fails if it is mapped into this process.
     */
    private static void refuseNd4j() throws IOException {
        Path maps = Path.of("/proc/self/maps");
        if (Files.isReadable(maps) && Files.readString(maps).contains("libnd4jcpu")) {
            throw new IllegalStateException("ND4J's native library is loaded in the libtorch peer's process: its "
                    + "resident memory is not libtorch's alone");
        }
    }
}
