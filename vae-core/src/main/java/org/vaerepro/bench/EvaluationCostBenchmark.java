package org.vaerepro.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vaerepro.data.DataLocations;
import org.vaerepro.data.DatasetRepository;
import org.vaerepro.data.ImageDataset;
import org.vaerepro.data.Split;
import org.vaerepro.data.StandardDataset;
import org.vaerepro.metrics.Lpips;
import org.vaerepro.metrics.ProtocolVariants;
import org.vaerepro.model.Architecture;
import org.vaerepro.model.AutoencoderModel;
import org.vaerepro.model.LikelihoodReport;
import org.vaerepro.model.MarginalLikelihood;
import org.vaerepro.model.ModelConfig;
import org.vaerepro.provenance.EnvironmentProvenance;

/**
 * What issue #26's measurements cost: the protocol-variant grid ({@link ProtocolVariants}, batches of 250) and
 * the importance-sampled NLL ({@link MarginalLikelihood}, K samples) on the first {@code images} test images,
 * for the MNIST VAE d=10 and the CIFAR-10 VAE d=128 (freshly initialised: the cost does not depend on the
 * weights). One warm-up batch first (graph and LPIPS network construction), then each measurement timed once:
 * wall seconds, and the process's CPU seconds (less sensitive to other load on a shared machine; garbage
 * collection included).
 *
 * <p>Then the evaluation's batch size: the reconstruction pass over the same images (the forward pass every
 * evaluation measure starts from) at each of {@link #SWEPT_BATCHES}, three timed passes each after one warm-up
 * pass per size (a replayed pass is recorded once per batch size).
 */
public final class EvaluationCostBenchmark {
    private static final int BATCH = 250;
    private static final int[] SWEPT_BATCHES = {128, 250, 500, 1000};

    private EvaluationCostBenchmark() {
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    public static void main(String[] args) {
        if (args.length != 4) {
            throw new IllegalArgumentException(
                    "usage: EvaluationCostBenchmark <data dir> <LPIPS weights .npz> <images> <samples K>");
        }
        DatasetRepository repository = new DatasetRepository(DataLocations.of(Path.of(args[0])));
        Lpips lpips = Lpips.load(Path.of(args[1]));
        int images = Integer.parseInt(args[2]);
        int samples = Integer.parseInt(args[3]);
        List<String> sweeps = new ArrayList<>();
        System.out.println("dataset\tvariants\tgrid_s\tgrid_cpu_s\tnll_K\tnll_s\tnll_cpu_s\tnll_nats\tthreads\trss_mib");
        for (StandardDataset dataset : new StandardDataset[] {StandardDataset.MNIST, StandardDataset.CIFAR10}) {
            ImageDataset test = repository.load(dataset, Split.TEST).firstN(images);
            int latentDim = dataset == StandardDataset.MNIST ? 10 : 128;
            AutoencoderModel model = AutoencoderModel.create(ModelConfig.of(new Architecture.Vae(), dataset.shape(),
                    latentDim), 1);
            ProtocolVariants.measure(model, test.firstN(BATCH), BATCH, lpips, 1);
            MarginalLikelihood warmUp = new MarginalLikelihood(model, samples, 1);
            warmUp.add(test.range(0, 10).images());

            long started = System.nanoTime();
            long cpu = cpuNanos();
            Map<String, Double> grid = ProtocolVariants.measure(model, test, BATCH, lpips, 1);
            double gridSeconds = (System.nanoTime() - started) / 1e9;
            double gridCpu = (cpuNanos() - cpu) / 1e9;

            started = System.nanoTime();
            cpu = cpuNanos();
            MarginalLikelihood likelihood = new MarginalLikelihood(model, samples, 1);
            for (int from = 0; from < test.size(); from += BATCH) {
                likelihood.add(test.range(from, Math.min(test.size(), from + BATCH)).images());
            }
            LikelihoodReport report = likelihood.report();
            double nllSeconds = (System.nanoTime() - started) / 1e9;
            double nllCpu = (cpuNanos() - cpu) / 1e9;
            System.out.printf(Locale.ROOT, "%s\t%d\t%.2f\t%.2f\t%d\t%.2f\t%.2f\t%.2f\t%d\t%d%n", dataset.id(),
                    grid.size(), gridSeconds, gridCpu, samples, nllSeconds, nllCpu, report.nll().mean(),
                    EnvironmentProvenance.current().threads(), ResidentMemory.now().currentBytes() >> 20);
            sweeps.addAll(batchSweep(dataset.id(), model, test));
        }
        System.out.println("dataset\treconstruct_batch\timages_per_cpu_s\timages_per_s");
        sweeps.forEach(System.out::println);
    }

    /** The reconstruct pass at each swept batch size, as rows of the second table (same model, same images). */
    private static List<String> batchSweep(String dataset, AutoencoderModel model, ImageDataset test) {
        List<String> rows = new ArrayList<>();
        for (int batch : SWEPT_BATCHES) {
            reconstructAll(model, test, batch);
            long started = System.nanoTime();
            long cpu = cpuNanos();
            for (int pass = 0; pass < 3; pass++) {
                reconstructAll(model, test, batch);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpuSeconds = (cpuNanos() - cpu) / 1e9;
            rows.add(String.format(Locale.ROOT, "%s\t%d\t%.0f\t%.0f", dataset, batch, 3 * test.size() / cpuSeconds,
                    3 * test.size() / seconds));
        }
        return rows;
    }

    private static void reconstructAll(AutoencoderModel model, ImageDataset test, int batch) {
        for (int from = 0; from < test.size(); from += batch) {
            model.reconstruct(test.range(from, Math.min(test.size(), from + batch)).images());
        }
    }
}
