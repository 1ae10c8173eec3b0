package org.vaerepro.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaerepro.data.DataLocations;
import org.vaerepro.data.DatasetRepository;
import org.vaerepro.data.ImageDataset;
import org.vaerepro.data.Split;
import org.vaerepro.data.StandardDataset;
import org.vaerepro.model.Architecture;
import org.vaerepro.model.AutoencoderModel;
import org.vaerepro.model.GaussianNoise;
import org.vaerepro.model.ModelConfig;
import org.vaerepro.model.OpTimes;
import org.vaerepro.provenance.EnvironmentProvenance;

/**
 * Where one training step's gradient pass, or one reconstruction (inference: encoder and decoder at the posterior
 * mean, as evaluation runs it), spends its time, per op, for one configuration (e.g. mnist/vae, d = 10 on MNIST and
 * 128 on CIFAR-10, batch 128, real images: training images for the gradient pass, test images for inference):
 * {@code steps} replayed passes after the recorded one and 4 warm-up passes, each op's time per pass, reported as the
 * minimum over passes (the least disturbed by other load) and the median. Ops are grouped as the convolution kernels (conv2d, deconv2d and their backward ops), the
 * matrix products (the dense layers) and everything else (element-wise ops, reductions, the loss, layout and copy
 * ops): what the last group costs is what is not the arithmetic itself. The Adam update is not in the pass and
 * is not profiled here. The PyTorch peer is src/bench/python/step_profile_peer.py.
 */
public final class StepProfileBenchmark {
    private static final int BATCH = 128;
    private static final int WARM_UP = 4;
    private static final List<String> PASSES = List.of("gradient", "reconstruct");

    private StepProfileBenchmark() {
    }

    public static void main(String[] args) {
        if (args.length != 5 || !PASSES.contains(args[3]) || !List.of("true", "false").contains(args[4])) {
            throw new IllegalArgumentException("usage: StepProfileBenchmark <data dir> <configuration, e.g. mnist/vae> "
                    + "<profiled steps> <pass: " + String.join(" or ", PASSES) + "> <oneDNN kernels: true or false>");
        }
        boolean inference = args[3].equals("reconstruct");
        // false: libnd4j's own kernels instead of its oneDNN platform helpers, to see what the helpers are worth
        // (the outputs move in the last bits, so training and evaluation never turn them off).
        boolean oneDnn = Boolean.parseBoolean(args[4]);
        Nd4j.getEnvironment().allowHelpers(oneDnn);
        DatasetRepository data = new DatasetRepository(DataLocations.of(Path.of(args[0])));
        String[] configuration = args[1].split("/", 2);
        StandardDataset dataset = StandardDataset.fromId(configuration[0]);
        Architecture architecture = Architecture.fromId(configuration.length > 1 ? configuration[1] : "");
        int steps = Integer.parseInt(args[2]);
        int latentDim = dataset == StandardDataset.MNIST ? 10 : 128;
        ImageDataset images = ModelThroughputBenchmark.firstImages(data, dataset, inference ? Split.TEST : Split.TRAIN,
                BATCH * (1 + WARM_UP + steps));
        AutoencoderModel model = AutoencoderModel.create(ModelConfig.of(architecture, dataset.shape(), latentDim), 1);
        List<Map<String, Long>> passes = new ArrayList<>();
        Map<String, Integer> calls = Map.of();
        for (int step = 0; step < 1 + WARM_UP + steps; step++) {
            INDArray batch = images.range(step * BATCH, (step + 1) * BATCH).images();
            OpTimes times = new OpTimes();
            if (inference) {
                model.reconstruct(batch, times);
            } else {
                INDArray eps = architecture.variational()
                        ? GaussianNoise.sample(1, step + 1, BATCH, latentDim, model.dataType()) : null;
                model.gradients(batch, eps, times);
            }
            if (step > WARM_UP) {
                passes.add(times.nanosByOp());
                calls = times.callsByOp();
            }
        }
        System.out.printf(Locale.ROOT, "# vae-repro %s profile: %s, d=%d, batch %d, %d passes, %s kernels, %s%n",
                args[3], args[1], latentDim, BATCH, passes.size(), oneDnn ? "oneDNN" : "libnd4j (no oneDNN)",
                EnvironmentProvenance.current().summary());
        System.out.println("op\tcalls\tmin_ms\tmedian_ms\tgroup");
        Map<String, double[]> groups = new LinkedHashMap<>();
        double[] total = new double[2];
        for (var op : passes.get(0).keySet()) {
            double[] ms = passes.stream().mapToDouble(p -> p.getOrDefault(op, 0L) / 1e6).sorted().toArray();
            double min = ms[0];
            double median = ms[ms.length / 2];
            String group = group(op);
            System.out.printf(Locale.ROOT, "%s\t%d\t%.3f\t%.3f\t%s%n", op, calls.get(op), min, median, group);
            double[] sums = groups.computeIfAbsent(group, g -> new double[2]);
            sums[0] += min;
            sums[1] += median;
            total[0] += min;
            total[1] += median;
        }
        groups.forEach((group, sums) -> System.out.printf(Locale.ROOT, "# %s\t%.1f ms (min)\t%.1f ms (median)%n",
                group, sums[0], sums[1]));
        System.out.printf(Locale.ROOT, "# total\t%.1f ms (sum of minima)\t%.1f ms (sum of medians)%n", total[0], total[1]);
    }

    static String group(String op) {
        if (op.contains("conv2d")) {
            return "convolution kernels";
        }
        if (op.equals("matmul") || op.equals("mmul") || op.startsWith("matmul_bp") || op.equals("tensormmul")) {
            return "matrix products";
        }
        return "other";
    }
}
