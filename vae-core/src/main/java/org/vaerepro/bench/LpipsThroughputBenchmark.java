package org.vaerepro.bench;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaerepro.data.DataLocations;
import org.vaerepro.data.DatasetRepository;
import org.vaerepro.data.ImageDataset;
import org.vaerepro.data.Split;
import org.vaerepro.data.StandardDataset;
import org.vaerepro.metrics.Lpips;
import org.vaerepro.metrics.SmallImagePolicy;
import org.vaerepro.provenance.EnvironmentProvenance;

/**
 * LPIPS (AlexNet v0.1) throughput on 32x32 RGB pairs, batch 256: CIFAR-10 test images against their
 * horizontally shifted copies, 2 warm-up batches, then {@code batches} timed ones. The PyTorch peer
 * (src/bench/python/lpips_peer.py) runs the reference computation with the same weights and protocol.
 */
public final class LpipsThroughputBenchmark {
    static final int BATCH = 256;

    private LpipsThroughputBenchmark() {
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: LpipsThroughputBenchmark <data dir> <batches> <LPIPS weights .npz>");
        }
        ImageDataset test = new DatasetRepository(DataLocations.of(Path.of(args[0]))).load(StandardDataset.CIFAR10,
                Split.TEST);
        int batches = Integer.parseInt(args[1]);
        Lpips lpips = Lpips.load(Path.of(args[2]));
        List<INDArray[]> pairs = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            INDArray x = test.range((b * BATCH) % 9984, (b * BATCH) % 9984 + BATCH).images();
            // A 1-pixel shift: a realistic small distortion, so distances are not zero.
            INDArray y = Nd4j.concat(3, x.get(all(), all(), all(), interval(1, 32)),
                    x.get(all(), all(), all(), interval(0, 1)));
            pairs.add(new INDArray[] {x, y});
        }
        for (int b = 0; b < 2; b++) {
            lpips.distances(pairs.get(b)[0], pairs.get(b)[1], SmallImagePolicy.RESIZE);
        }
        double sum = 0;
        long started = System.nanoTime();
        for (INDArray[] pair : pairs) {
            for (double d : lpips.distances(pair[0], pair[1], SmallImagePolicy.RESIZE)) {
                sum += d;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "java-nd4j\tlpips_img_s\t%.1f\tmean_lpips\t%.6f\tthreads\t%d\trss_mib\t%d%n",
                batches * BATCH / seconds, sum / (batches * BATCH), EnvironmentProvenance.current().threads(),
                ResidentMemory.now().currentBytes() >> 20);
    }
}
