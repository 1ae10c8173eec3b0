package org.vaerepro.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaerepro.data.DataLocations;
import org.vaerepro.data.DatasetRepository;
import org.vaerepro.data.ImageDataset;
import org.vaerepro.data.Split;
import org.vaerepro.data.StandardDataset;
import org.vaerepro.model.Architecture;
import org.vaerepro.model.AutoencoderModel;
import org.vaerepro.model.ModelConfig;
import org.vaerepro.provenance.EnvironmentProvenance;
import org.vaerepro.train.Trainer;
import org.vaerepro.train.TrainerConfig;
import org.vaerepro.train.TrainingResult;

/**
 * Steady-state training and inference throughput and resident memory of each architecture on MNIST
 * (d = 10) and CIFAR-10 (d = 128) shapes, batch 128, on real images. Training goes through the real
 * {@link Trainer} (batch assembly, forward, backward, Adam): one warm-up epoch of {@code steps}
 * batches, then the images/s of the following epochs. Inference times {@code reconstruct} on test
 * batches after warm-up. Threads come from OMP_NUM_THREADS (the header line prints the count ND4J
 * uses); run it as the README says, once per thread count. The PyTorch peer (src/bench/python/throughput_peer.py) follows the same protocol.
 */
public final class ModelThroughputBenchmark {
    static final int BATCH = 128;

    private ModelThroughputBenchmark() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: ModelThroughputBenchmark <data dir> <steps per epoch> "
                    + "[measured epochs, default 2]");
        }
        DatasetRepository data = new DatasetRepository(DataLocations.of(Path.of(args[0])));
        int steps = Integer.parseInt(args[1]);
        int measuredEpochs = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        System.out.printf(Locale.ROOT, "# vae-repro model throughput: batch %d, %d steps/epoch, 1 warm-up + %d measured "
                + "epochs, %s%n", BATCH, steps, measuredEpochs, EnvironmentProvenance.current().summary());
        System.out.println("dataset\tarchitecture\td\ttrain_img_s\tinfer_img_s\trss_mib\tpeak_rss_mib");
        for (StandardDataset dataset : List.of(StandardDataset.MNIST, StandardDataset.CIFAR10)) {
            ImageDataset train = data.load(dataset, Split.TRAIN).firstN(BATCH * steps);
            ImageDataset test = data.load(dataset, Split.TEST).firstN(BATCH * steps);
            int latentDim = dataset == StandardDataset.MNIST ? 10 : 128;
            for (String id : List.of("vae", "vae-upsample", "ae")) {
                Architecture architecture = Architecture.fromId(id);
                AutoencoderModel model = AutoencoderModel.create(ModelConfig.of(architecture, dataset.shape(), latentDim), 1);
                TrainingResult result = new Trainer(new TrainerConfig(1 + measuredEpochs, BATCH, 1e-3, 1, 0, 0), List.of())
                        .train(model, train, null);
                double trainImages = 0;
                double trainSeconds = 0;
                for (var epoch : result.epochs().subList(1, result.epochs().size())) {
                    trainImages += epoch.imagesPerSecond() * epoch.seconds();
                    trainSeconds += epoch.seconds();
                }
                double inference = inferenceRate(model, test, steps);
                ResidentMemory memory = ResidentMemory.now();
                String row = String.format(Locale.ROOT, "%s\t%s\t%d\t%.1f\t%.1f\t%d\t%d", dataset.id(), id, latentDim,
                        trainImages / trainSeconds, inference, memory.currentBytes() >> 20, memory.peakBytes() >> 20);
                System.out.println(row);
            }
        }
    }

    static double inferenceRate(AutoencoderModel model, ImageDataset test, int batches) {
        List<INDArray> inputs = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            inputs.add(test.range(b * BATCH, (b + 1) * BATCH).images());
        }
        for (int b = 0; b < Math.min(3, batches); b++) {
            model.reconstruct(inputs.get(b));
        }
        long started = System.nanoTime();
        for (INDArray x : inputs) {
            model.reconstruct(x);
        }
        return (double) batches * BATCH / ((System.nanoTime() - started) / 1e9);
    }
}
