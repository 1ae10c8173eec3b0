package org.vaerepro.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.vaerepro.data.DatasetRepository;
import org.vaerepro.data.ImageDataset;
import org.vaerepro.data.Split;
import org.vaerepro.io.AtomicFiles;
import org.vaerepro.latent.LatentAnalysis;
import org.vaerepro.latent.LinearProbe;
import org.vaerepro.latent.NearestNeighbourProbe;
import org.vaerepro.latent.PrincipalComponents;
import org.vaerepro.latent.SilhouetteScore;
import org.vaerepro.metrics.Lpips;
import org.vaerepro.metrics.PsnrAccumulator;
import org.vaerepro.metrics.SmallImagePolicy;
import org.vaerepro.metrics.Ssim;
import org.vaerepro.model.AutoencoderModel;
import org.vaerepro.model.GraphNames;
import org.vaerepro.model.ModelConfig;
import org.vaerepro.model.ModelFile;
import org.vaerepro.model.ModelProvenance;
import org.vaerepro.train.ConsoleProgress;
import org.vaerepro.train.Trainer;
import org.vaerepro.train.TrainerConfig;
import org.vaerepro.train.TrainingResult;
import org.vaerepro.viz.ImageGrid;
import org.vaerepro.viz.LatentScatterPlot;

/**
 * Trains and evaluates one experiment into {@code <output>/<suite>/<id>/}: training-spec.json, checkpoint.ckpt,
 * model.zip, training.json, metrics.json and PNGs. Every file is written atomically.
 */
public final class ExperimentRunner {
    public static final String METRICS_FILE = "metrics.json";
    static final String TRAINING_SPEC_FILE = "training-spec.json";
    static final int EVAL_BATCH = 250;
    static final int KNN_REFERENCE_IMAGES = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final DatasetRepository data;
    private final Path lpipsWeights;
    private final Path outputRoot;
    private final Consumer<String> log;
    private final int logEverySteps;
    private Lpips lpips;

    public ExperimentRunner(DatasetRepository data, Path lpipsWeights, Path outputRoot, Consumer<String> log,
            int logEverySteps) {
        this.data = data;
        this.lpipsWeights = lpipsWeights;
        this.outputRoot = outputRoot;
        this.log = log;
        this.logEverySteps = logEverySteps;
    }

    public static ObjectMapper json() {
        return JSON;
    }

    public Path directory(Suite suite, ExperimentSpec spec) {
        return directory(outputRoot, suite, spec);
    }

    /** Where an experiment's files live under an output root: {@code <root>/<suite>/<id>/}. */
    public static Path directory(Path outputRoot, Suite suite, ExperimentSpec spec) {
        return outputRoot.resolve(suite.name()).resolve(spec.id());
    }

    /** The experiment's metrics.json under an output root (it may not exist yet). */
    public static Path metricsFile(Path outputRoot, Suite suite, ExperimentSpec spec) {
        return directory(outputRoot, suite, spec).resolve(METRICS_FILE);
    }

    /** Trained already with this spec's training fields (model file present, recorded training spec unchanged). */
    public boolean isTrained(Suite suite, ExperimentSpec spec) {
        Path dir = directory(suite, spec);
        return Files.isRegularFile(dir.resolve("model.zip")) && trainingSpecUnchanged(dir, spec);
    }

    private static boolean trainingSpecUnchanged(Path dir, ExperimentSpec spec) {
        try {
            Path file = dir.resolve(TRAINING_SPEC_FILE);
            return Files.isRegularFile(file) && Files.readString(file).equals(JSON.writeValueAsString(spec.forTraining()));
        } catch (IOException e) {
            return false;
        }
    }

    /** The recorded epoch count when the recorded training spec differs from {@code spec} only by fewer epochs; else 0. */
    private static int epochsIfOnlyEpochsRaised(Path dir, ExperimentSpec spec) {
        Path recorded = dir.resolve(TRAINING_SPEC_FILE);
        if (!Files.isRegularFile(recorded) || !Files.isRegularFile(dir.resolve("checkpoint.ckpt"))) {
            return 0;
        }
        try {
            ExperimentSpec old = JSON.readValue(recorded.toFile(), ExperimentSpec.class);
            ExperimentSpec wanted = spec.forTraining();
            return old.epochs() < wanted.epochs() && old.withEpochs(wanted.epochs()).equals(wanted) ? old.epochs() : 0;
        } catch (IOException | RuntimeException e) {
            return 0; // unreadable: start over, the safe choice
        }
    }

    public static ModelConfig modelConfig(ExperimentSpec spec) {
        return new ModelConfig(spec.architecture(), spec.dataset().shape(), spec.latentDim(),
                ModelConfig.DEFAULT_CHANNELS, spec.loss(), spec.beta());
    }

    public ImageDataset trainSet(ExperimentSpec spec) {
        ImageDataset train = data.load(spec.dataset(), Split.TRAIN);
        return spec.trainSubset() > 0 ? train.firstN(spec.trainSubset()) : train;
    }

    public ImageDataset testSet(ExperimentSpec spec) {
        ImageDataset test = data.load(spec.dataset(), Split.TEST);
        return spec.testSubset() > 0 ? test.firstN(spec.testSubset()) : test;
    }

    /** Trains (resuming from a checkpoint of the same spec), then writes model.zip and training.json. */
    public TrainingResult train(Suite suite, ExperimentSpec spec) {
        Path dir = directory(suite, spec);
        try {
            Files.createDirectories(dir);
            if (!trainingSpecUnchanged(dir, spec)) {
                // A changed training spec invalidates everything trained before; evaluation-only fields do not.
                // Only more epochs keeps the checkpoint: shuffling, noise and Adam depend on (seed, epoch, step)
                // alone, so continuing equals training the longer run from scratch.
                int previousEpochs = epochsIfOnlyEpochsRaised(dir, spec);
                List<String> stale = previousEpochs > 0 ? List.of("model.zip", "training.json", METRICS_FILE)
                        : List.of("checkpoint.ckpt", "model.zip", "training.json", METRICS_FILE);
                if (previousEpochs > 0) {
                    log.accept("[" + spec.id() + "] epochs raised from " + previousEpochs + " to " + spec.epochs()
                            + ": continuing from the checkpoint");
                }
                for (String file : stale) {
                    Files.deleteIfExists(dir.resolve(file));
                }
                AtomicFiles.writeString(dir.resolve(TRAINING_SPEC_FILE), JSON.writeValueAsString(spec.forTraining()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir, e);
        }
        ImageDataset train = trainSet(spec);
        AutoencoderModel model = AutoencoderModel.create(modelConfig(spec), spec.seed());
        Path checkpoint = dir.resolve("checkpoint.ckpt");
        if (Files.isRegularFile(checkpoint)) {
            log.accept("[" + spec.id() + "] resuming from " + checkpoint);
        }
        log.accept("[" + spec.id() + "] training " + spec.architecture().displayName() + " d=" + spec.latentDim() + " on "
                + train.name() + " (" + train.size() + " images, " + spec.epochs() + " epochs, batch "
                + spec.batchSize() + ")");
        TrainerConfig config = new TrainerConfig(spec.epochs(), spec.batchSize(), spec.learningRate(), spec.seed(),
                logEverySteps, 0);
        TrainingResult result = new Trainer(config, List.of(new ConsoleProgress("[" + spec.id() + "]", log)))
                .train(model, train, checkpoint);
        ModelFile.save(dir.resolve("model.zip"), model, new ModelProvenance(spec.seed(), train.name(), train.checksum(),
                RunEnvironment.versions(), Instant.now().toString()));
        try {
            AtomicFiles.write(dir.resolve("training.json"), JSON.writeValueAsBytes(result));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    /** Metrics, latent analysis and pictures of a trained experiment, written to metrics.json. */
    public ExperimentResult evaluate(Suite suite, ExperimentSpec spec) {
        long started = System.nanoTime();
        Path dir = directory(suite, spec);
        if (!isTrained(suite, spec)) {
            throw new IllegalStateException("experiment '" + spec.id() + "' is not trained with its current spec (no "
                    + dir.resolve("model.zip") + " matching " + TRAINING_SPEC_FILE + "); run vae:train first");
        }
        AutoencoderModel model = ModelFile.load(dir.resolve("model.zip")).model();
        ImageDataset test = testSet(spec);
        ImageDataset train = trainSet(spec);
        if (lpips == null) {
            lpips = Lpips.load(lpipsWeights);
        }
        log.accept("[" + spec.id() + "] evaluating on " + test.name() + " (" + test.size() + " images)");
        PsnrAccumulator psnr = new PsnrAccumulator();
        double ssimSum = 0;
        // Below LPIPS's 32x32 minimum the size rule changes the value, so every rule is measured and kept.
        List<SmallImagePolicy> lpipsPolicies = Lpips.belowMinimum(spec.dataset().shape().height(),
                spec.dataset().shape().width()) ? List.of(SmallImagePolicy.values()) : List.of(spec.lpipsSmallImages());
        Map<String, Double> lpipsSums = new LinkedHashMap<>();
        double reconLossSum = 0;
        double klSum = 0;
        List<INDArray> means = new ArrayList<>();
        List<INDArray> logVars = new ArrayList<>();
        boolean variational = spec.architecture().variational();
        for (int from = 0; from < test.size(); from += EVAL_BATCH) {
            int to = Math.min(test.size(), from + EVAL_BATCH);
            INDArray x = test.range(from, to).images();
            INDArray reconstruction = model.reconstruct(x);
            psnr.add(x, reconstruction);
            for (double s : Ssim.perImage(x, reconstruction)) {
                ssimSum += s;
            }
            for (SmallImagePolicy policy : lpipsPolicies) {
                double sum = 0;
                for (double d : lpips.distances(x, reconstruction, policy)) {
                    sum += d;
                }
                lpipsSums.merge(policy.id(), sum, Double::sum);
            }
            Map<String, Double> losses = model.losses(x, null);
            reconLossSum += losses.get(GraphNames.RECONSTRUCTION_LOSS) * (to - from);
            klSum += losses.getOrDefault(GraphNames.KL, 0.0) * (to - from);
            var code = model.encode(x);
            means.add(code.mean().dup());
            if (variational) {
                logVars.add(code.logVariance().dup());
            }
        }
        INDArray testMeans = Nd4j.vstack(means.toArray(INDArray[]::new));
        LatentAnalysis latent = LatentAnalysis.of(testMeans, variational ? Nd4j.vstack(logVars.toArray(INDArray[]::new))
                : null);
        int reference = Math.min(KNN_REFERENCE_IMAGES, train.size());
        List<INDArray> trainMeans = new ArrayList<>();
        for (int from = 0; from < reference; from += EVAL_BATCH) {
            trainMeans.add(model.encode(train.range(from, Math.min(reference, from + EVAL_BATCH)).images()).mean().dup());
        }
        INDArray referenceMeans = Nd4j.vstack(trainMeans.toArray(INDArray[]::new));
        int[] referenceLabels = java.util.Arrays.copyOf(train.labels(), reference);
        int classes = test.classNames().size();
        double knn = NearestNeighbourProbe.accuracy(referenceMeans, referenceLabels, testMeans, test.labels(), 5,
                classes);
        double linear = LinearProbe.accuracy(referenceMeans, referenceLabels, testMeans, test.labels(), classes);
        double silhouette = SilhouetteScore.of(testMeans, test.labels(), classes);

        Map<String, String> images = pictures(dir, spec, model, test, testMeans);
        PrincipalComponents pca = PrincipalComponents.twoD(testMeans);
        String axes = spec.latentDim() == 2 ? "z" : "PC";
        LatentScatterPlot.write(dir.resolve("latent.png"), pca.projected(), test.labels(), test.classNames(),
                spec.latentDim() == 2 ? "Latent means (d = 2)" : String.format(java.util.Locale.ROOT,
                        "Latent means, PCA of d = %d (%.0f%% of variance)", spec.latentDim(), 100 * pca.explainedVariance()),
                axes + "1", axes + "2");
        images.put("latent", "latent.png");

        int n = test.size();
        Map<String, Double> lpipsByPolicy = new LinkedHashMap<>();
        if (lpipsPolicies.size() > 1) {
            lpipsSums.forEach((policy, sum) -> lpipsByPolicy.put(policy, sum / n));
        }
        ExperimentMetrics metrics = new ExperimentMetrics(n, psnr.meanPsnr(), psnr.pooledPsnr(), ssimSum / n,
                lpipsSums.get(spec.lpipsSmallImages().id()) / n, spec.lpipsSmallImages().id(), lpipsByPolicy,
                reconLossSum / n, klSum / n, latent.activeUnits(), knn, linear, silhouette, pca.explainedVariance());
        TrainingResult training = readTraining(dir);
        Provenance provenance = new Provenance(train.name(), train.checksum(), test.name(), test.checksum(),
                RunEnvironment.gitCommit(outputRoot), RunEnvironment.versions(), RunEnvironment.machine(),
                Runtime.getRuntime().availableProcessors(), spec.seed(), Instant.now().toString(), training.seconds(),
                (System.nanoTime() - started) / 1e9);
        ExperimentResult result = new ExperimentResult(suite.name(), spec, metrics, training.epochs(), images,
                provenance);
        try {
            AtomicFiles.write(dir.resolve(METRICS_FILE), JSON.writeValueAsBytes(result));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.accept(String.format(java.util.Locale.ROOT,
                "[%s] PSNR %.3f dB  LPIPS %.4f (%s)  SSIM %.4f  kNN %.3f  linear %.3f  silhouette %.3f  active %d/%d",
                spec.id(), metrics.psnr(), metrics.lpips(), metrics.lpipsSmallImages(), metrics.ssim(), knn, linear,
                silhouette, latent.activeUnits(), spec.latentDim()));
        return result;
    }

    private static TrainingResult readTraining(Path dir) {
        try {
            return JSON.readValue(dir.resolve("training.json").toFile(), TrainingResult.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve("training.json"), e);
        }
    }

    /** Reconstruction grid, and for VAEs prior samples, an interpolation and (d = 2) the decoded manifold. */
    private static Map<String, String> pictures(Path dir, ExperimentSpec spec, AutoencoderModel model, ImageDataset test,
            INDArray testMeans) {
        Map<String, String> images = new LinkedHashMap<>();
        int[] picks = new SplittableRandom(spec.seed()).ints(0, test.size()).distinct().limit(Math.min(12, test.size()))
                .toArray();
        INDArray originals = test.batch(picks).images();
        ImageGrid.write(dir.resolve("reconstructions.png"), List.of(originals, model.reconstruct(originals)));
        images.put("reconstructions", "reconstructions.png");
        if (spec.architecture().variational()) {
            INDArray samples = model.sample(24, spec.seed());
            ImageGrid.write(dir.resolve("samples.png"), List.of(samples.get(NDArrayIndex.interval(0, 12)),
                    samples.get(NDArrayIndex.interval(12, 24))));
            images.put("samples", "samples.png");
            INDArray a = testMeans.getRow(picks[0], true);
            INDArray b = testMeans.getRow(picks[1], true);
            INDArray path = Nd4j.create(a.dataType(), 10, a.size(1));
            for (int i = 0; i < 10; i++) {
                double t = i / 9.0;
                path.getRow(i).assign(a.mul(1 - t).add(b.mul(t)));
            }
            ImageGrid.write(dir.resolve("interpolation.png"), List.of(model.decode(path)));
            images.put("interpolation", "interpolation.png");
            if (spec.latentDim() == 2) {
                List<INDArray> rows = new ArrayList<>();
                for (int r = 0; r < 10; r++) {
                    INDArray grid = Nd4j.create(a.dataType(), 10, 2);
                    for (int c = 0; c < 10; c++) {
                        grid.putScalar(c, 0, -2 + 4 * c / 9.0);
                        grid.putScalar(c, 1, 2 - 4 * r / 9.0);
                    }
                    rows.add(model.decode(grid));
                }
                ImageGrid.write(dir.resolve("manifold.png"), rows);
                images.put("manifold", "manifold.png");
            }
        }
        return images;
    }
}
