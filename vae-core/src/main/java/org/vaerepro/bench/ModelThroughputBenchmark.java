package org.vaerepro.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaerepro.data.ByteImageDataset;
import org.vaerepro.data.Cifar10BinaryReader;
import org.vaerepro.data.DataLocations;
import org.vaerepro.data.DatasetRepository;
import org.vaerepro.data.ImageDataset;
import org.vaerepro.data.Split;
import org.vaerepro.data.StandardDataset;
import org.vaerepro.model.Architecture;
import org.vaerepro.model.AutoencoderModel;
import org.vaerepro.model.ModelConfig;
import org.vaerepro.provenance.EnvironmentProvenance;
import org.vaerepro.train.StepPhases;
import org.vaerepro.train.Trainer;
import org.vaerepro.train.TrainerConfig;
import org.vaerepro.train.TrainingListener;
import org.vaerepro.train.TrainingResult;

/**
 * Steady-state training and inference throughput and resident memory of each architecture on MNIST
 * (d = 10) and CIFAR-10 (d = 128) shapes, batch 128, on real images. Training goes through the real
 * {@link Trainer} (batch assembly, forward, backward, Adam): one warm-up epoch of {@code steps}
 * batches, then the images/s of the following epochs, and the mean split of their steps ({@link StepPhases}: batch
 * assembly, gradient pass, Adam update, the reclaimer's collections). Inference times {@code reconstruct} on test
 * batches after warm-up. Threads come from OMP_NUM_THREADS (the header line prints the count ND4J
 * uses); run it as the README says, once per thread count. The PyTorch peer (src/bench/python/throughput_peer.py) follows the same protocol.
 *
 * <p>Like the peer, it reads both datasets before the first model, CIFAR-10's training images from the first
 * batch file only, and keeps just the images it uses (through the repository it held all 60,000 CIFAR-10
 * images, 180 MB of heap the peer never has), so the resident set it reports is the models' and the runtime's,
 * not a difference in what the two programs read.
 */
public final class ModelThroughputBenchmark {
    static final int BATCH = 128;

    private ModelThroughputBenchmark() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: ModelThroughputBenchmark <data dir> <steps per epoch> "
                    + "[measured epochs, default 2] [configuration, e.g. mnist/vae; default all six]");
        }
        DatasetRepository data = new DatasetRepository(DataLocations.of(Path.of(args[0])));
        int steps = Integer.parseInt(args[1]);
        int measuredEpochs = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        // One configuration per process gives each its own peak resident set (the peak of a six-model run is the
        // largest model's plus what the earlier ones left behind).
        String only = args.length > 3 && !args[3].isBlank() ? args[3] : null;
        System.out.printf(Locale.ROOT, "# vae-repro model throughput: batch %d, %d steps/epoch, 1 warm-up + %d measured "
                + "epochs, %s%n", BATCH, steps, measuredEpochs, EnvironmentProvenance.current().summary());
        System.out.println("dataset\tarchitecture\td\ttrain_img_s\tinfer_img_s\trss_mib\tpeak_rss_mib"
                + "\tbatch_ms\tpass_ms\tupdate_ms\treclaim_ms");
        if (only != null) {
            checkConfiguration(only);
        }
        List<StandardDataset> datasets = List.of(StandardDataset.MNIST, StandardDataset.CIFAR10).stream()
                .filter(d -> only == null || only.startsWith(d.id() + "/")).toList();
        Map<StandardDataset, ImageDataset[]> loaded = new EnumMap<>(StandardDataset.class);
        for (StandardDataset dataset : datasets) {
            ImageDataset[] splits = new ImageDataset[2];
            for (Split split : List.of(Split.TRAIN, Split.TEST)) {
                splits[split == Split.TRAIN ? 0 : 1] = firstImages(data, dataset, split, BATCH * steps);
                // What was read is garbage now; collected here, the next split is read into the same heap.
                System.gc();
            }
            loaded.put(dataset, splits);
        }
        for (StandardDataset dataset : datasets) {
            ImageDataset train = loaded.get(dataset)[0];
            ImageDataset test = loaded.get(dataset)[1];
            int latentDim = dataset == StandardDataset.MNIST ? 10 : 128;
            for (String id : List.of("vae", "vae-upsample", "ae")) {
                if (only != null && !only.equals(dataset.id() + "/" + id)) {
                    continue;
                }
                Architecture architecture = Architecture.fromId(id);
                AutoencoderModel model = AutoencoderModel.create(ModelConfig.of(architecture, dataset.shape(), latentDim), 1);
                long[] phaseNanos = new long[5]; // batch, pass, update, reclaim, measured steps
                TrainingListener split = new TrainingListener() {
                    @Override
                    public void onStepTimed(StepPhases phases) {
                        if (phases.epoch() > 0) { // after the warm-up epoch, as the rates
                            phaseNanos[0] += phases.batchNanos();
                            phaseNanos[1] += phases.passNanos();
                            phaseNanos[2] += phases.updateNanos();
                            phaseNanos[3] += phases.reclaimNanos();
                            phaseNanos[4]++;
                        }
                    }
                };
                TrainingResult result = new Trainer(new TrainerConfig(1 + measuredEpochs, BATCH, 1e-3, 1, 0, 0),
                        List.of(split)).train(model, train, null);
                double trainImages = 0;
                double trainSeconds = 0;
                for (var epoch : result.epochs().subList(1, result.epochs().size())) {
                    trainImages += epoch.imagesPerSecond() * epoch.seconds();
                    trainSeconds += epoch.seconds();
                }
                double inference = inferenceRate(model, test, steps);
                ResidentMemory memory = ResidentMemory.now();
                double msPerStep = 1e6 * phaseNanos[4];
                String row = String.format(Locale.ROOT, "%s\t%s\t%d\t%.1f\t%.1f\t%d\t%d\t%.2f\t%.2f\t%.2f\t%.2f",
                        dataset.id(), id, latentDim, trainImages / trainSeconds, inference, memory.currentBytes() >> 20,
                        memory.peakBytes() >> 20, phaseNanos[0] / msPerStep, phaseNanos[1] / msPerStep,
                        phaseNanos[2] / msPerStep, phaseNanos[3] / msPerStep);
                System.out.println(row);
            }
        }
    }

    /**
     * Fails before any data is read unless {@code configuration} names one of the six measured configurations: an
     * unknown dataset or architecture would otherwise measure nothing and print an empty table.
     */
    static void checkConfiguration(String configuration) {
        String[] parts = configuration.split("/", -1);
        String expected = "expected <dataset>/<architecture> with dataset mnist or cifar10 and architecture vae, "
                + "vae-upsample or ae";
        if (parts.length != 2) {
            throw new IllegalArgumentException("configuration '" + configuration + "': " + expected);
        }
        try {
            StandardDataset dataset = StandardDataset.fromId(parts[0]);
            Architecture.fromId(parts[1]);
            if (dataset != StandardDataset.MNIST && dataset != StandardDataset.CIFAR10) {
                throw new IllegalArgumentException("dataset '" + parts[0] + "' is not measured");
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("configuration '" + configuration + "': " + e.getMessage() + "; "
                    + expected, e);
        }
    }

    /**
     * The first {@code count} images of a split, read past the repository's cache (which would keep the whole
     * split): CIFAR-10's training images from only the batch files that hold them, as the peer reads them.
     */
    static ImageDataset firstImages(DatasetRepository data, StandardDataset dataset, Split split, int count) {
        Path folder = data.folder(dataset);
        if (dataset == StandardDataset.CIFAR10 && split == Split.TRAIN) {
            int files = (count + Cifar10BinaryReader.RECORDS_PER_FILE - 1) / Cifar10BinaryReader.RECORDS_PER_FILE;
            Cifar10BinaryReader.Records records = Cifar10BinaryReader.read(dataset.files(split).subList(0, files)
                    .stream().map(folder::resolve).toList(), dataset.classNames().size());
            return copyOfFirst(new ByteImageDataset(dataset.id() + "/" + split.id(), dataset.shape(), records.pixels(),
                    records.labels(), dataset.classNames(), "first " + files + " file(s), not checked"), count);
        }
        return copyOfFirst(DatasetRepository.read(dataset, split, folder), count);
    }

    /** A compact copy of the first {@code count} images (the bytes they were read from), so the source can go. */
    static ImageDataset copyOfFirst(ImageDataset source, int count) {
        int n = Math.min(count, source.size());
        int pixels = source.shape().pixels();
        byte[] bytes = new byte[n * pixels];
        byte[] labels = new byte[n];
        for (int from = 0; from < n; from += BATCH) {
            int to = Math.min(n, from + BATCH);
            // Images are b / 255 in float, so b comes back exactly.
            float[] values = source.range(from, to).images().data().asFloat();
            for (int i = 0; i < values.length; i++) {
                bytes[from * pixels + i] = (byte) Math.round(values[i] * 255);
            }
            for (int i = from; i < to; i++) {
                labels[i] = (byte) source.label(i);
            }
        }
        return new ByteImageDataset(source.name() + "[0," + n + ")", source.shape(), bytes, labels,
                source.classNames(), source.checksum());
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
