package org.vaerepro.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaerepro.data.ImageDataset;
import org.vaerepro.data.ImageShape;
import org.vaerepro.io.AtomicFiles;
import org.vaerepro.latent.ActiveUnits;
import org.vaerepro.latent.LinearProbe;
import org.vaerepro.latent.NearestNeighbourProbe;
import org.vaerepro.latent.PrincipalComponents;
import org.vaerepro.latent.SilhouetteScore;
import org.vaerepro.metrics.Lpips;
import org.vaerepro.metrics.ProtocolVariants;
import org.vaerepro.metrics.SmallImagePolicy;
import org.vaerepro.metrics.Ssim;
import org.vaerepro.model.AutoencoderModel;
import org.vaerepro.model.MarginalLikelihood;
import org.vaerepro.model.ModelFile;
import org.vaerepro.provenance.DataProvenance;
import org.vaerepro.provenance.Provenance;

/**
 * Measures a trained run on its test images and writes metrics.json: PSNR, SSIM and LPIPS of the
 * reconstructions (LPIPS under every size rule when the images are below its 32x32 minimum), test loss,
 * and the latent probes (active units, 5-NN and linear probes fitted on train-set means, silhouette),
 * plus the pictures. The LPIPS network is the session's ({@link LazyLpips}).
 */
public final class ExperimentEvaluator {
    static final int EVAL_BATCH = 250;
    static final int PROBE_REFERENCE_IMAGES = 10_000;

    private final ExperimentDatasets datasets;
    private final OutputLayout layout;
    private final LazyLpips lpipsNetwork;
    private final Consumer<String> log;

    public ExperimentEvaluator(ExperimentDatasets datasets, OutputLayout layout, LazyLpips lpips, Consumer<String> log) {
        this.datasets = datasets;
        this.layout = layout;
        this.lpipsNetwork = lpips;
        this.log = log;
    }

    /** What {@link #measurement} measured, with what the pictures are drawn from. */
    private record Measurement(ExperimentMetrics metrics, ImageDataset test, INDArray testMeans,
            PrincipalComponents pca) {
    }

    /**
     * Every number evaluation measures of {@code model} on {@code spec}'s test images (its first
     * {@code testSubset}), with the latent probes fitted on its first training images (at most
     * {@value #PROBE_REFERENCE_IMAGES}) and the protocols and likelihood bounds the spec declares, noise keyed by its
     * seed: what a run's metrics.json holds, without the pictures. The reference models of the baseline gate are
     * measured here too, so that any change to evaluation moves their numbers.
     */
    public ExperimentMetrics measure(AutoencoderModel model, ExperimentSpec spec) {
        return measurement(model, spec).metrics();
    }

    private Measurement measurement(AutoencoderModel model, ExperimentSpec spec) {
        ImageDataset test = datasets.testSet(spec);
        ImageDataset train = datasets.trainSet(spec);
        Lpips lpips = lpipsNetwork.get();
        double ssimSum = 0;
        EvaluationFields declared = spec.evaluation();
        // Every protocol is measured (the declared rules and the headline's beside the standard ones); the spec's is
        // the headline. The evaluator's mean reconstructions are reused.
        List<SmallImagePolicy> moreRules = new ArrayList<>(spec.training().lpipsSmallImageRules());
        moreRules.add(declared.lpipsSmallImages());
        ProtocolVariants variants = new ProtocolVariants(model, lpips, spec.seed(), moreRules);
        int likelihoodImages = Math.min(declared.likelihoodImages(), test.size());
        MarginalLikelihood likelihood = declared.likelihoodSamples() > 0
                ? new MarginalLikelihood(model, declared.likelihoodSamples(), spec.seed()) : null;
        TestLoss loss = new TestLoss();
        List<INDArray> means = new ArrayList<>();
        for (int from = 0; from < test.size(); from += EVAL_BATCH) {
            int to = Math.min(test.size(), from + EVAL_BATCH);
            INDArray x = test.range(from, to).images();
            INDArray reconstruction = model.reconstruct(x);
            variants.add(x, reconstruction);
            for (double s : Ssim.perImage(x, reconstruction)) {
                ssimSum += s;
            }
            loss.add(model, x);
            means.add(model.encode(x).mean().dup());
            if (likelihood != null && from < likelihoodImages) {
                likelihood.add(test.range(from, Math.min(to, likelihoodImages)).images());
            }
        }
        INDArray testMeans = Nd4j.vstack(means.toArray(INDArray[]::new));
        int active = ActiveUnits.count(testMeans);
        int reference = Math.min(PROBE_REFERENCE_IMAGES, train.size());
        List<INDArray> trainMeans = new ArrayList<>();
        for (int from = 0; from < reference; from += EVAL_BATCH) {
            trainMeans.add(model.encode(train.range(from, Math.min(reference, from + EVAL_BATCH)).images()).mean().dup());
        }
        INDArray referenceMeans = Nd4j.vstack(trainMeans.toArray(INDArray[]::new));
        int[] referenceLabels = Arrays.copyOf(train.labels(), reference);
        int classes = test.classNames().size();
        double knn = NearestNeighbourProbe.accuracy(referenceMeans, referenceLabels, testMeans, test.labels(), 5,
                classes);
        double linear = LinearProbe.accuracy(referenceMeans, referenceLabels, testMeans, test.labels(), classes);
        double silhouette = SilhouetteScore.of(testMeans, test.labels(), classes);
        PrincipalComponents pca = PrincipalComponents.twoD(testMeans);

        int n = test.size();
        Map<String, Double> byProtocol = variants.values();
        ImageShape shape = spec.training().dataset().shape();
        boolean small = Lpips.belowMinimum(shape.height(), shape.width());
        SmallImagePolicy rule = declared.lpipsSmallImages();
        // Below LPIPS's 32x32 minimum the size rule changes the value: the 32x32 rules (and the declared one) are
        // kept beside the headline, under its decoding and scaling.
        Map<String, Double> lpipsByPolicy = new LinkedHashMap<>();
        if (small) {
            java.util.stream.Stream.of(SmallImagePolicy.RESIZE, SmallImagePolicy.PAD, rule).distinct().forEach(policy ->
                    lpipsByPolicy.put(policy.id(), byProtocol.get(ProtocolVariants.lpipsId(declared.decoding(),
                            declared.lpipsScaling(), policy))));
        }
        ExperimentMetrics metrics = new ExperimentMetrics(n,
                byProtocol.get(ProtocolVariants.psnrId(declared.decoding(), declared.psnrReduction())),
                byProtocol.get(ProtocolVariants.psnrId(declared.decoding(), ProtocolVariants.PsnrReduction.POOLED)),
                ssimSum / n, byProtocol.get(ProtocolVariants.lpipsId(declared.decoding(), declared.lpipsScaling(),
                        small ? rule : null)), rule.id(), lpipsByPolicy, loss.reconstruction(), loss.kl(), active, knn,
                linear, silhouette, pca.explainedVariance(), byProtocol,
                likelihood == null ? null : likelihood.report());
        return new Measurement(metrics, test, testMeans, pca);
    }

    public ExperimentResult evaluate(Suite suite, Run run) {
        long started = System.nanoTime();
        RunFolder folder = layout.run(suite, run);
        ExperimentSpec spec = run.spec();
        if (folder.status(spec).needsTraining()) {
            throw new NotTrainedException(run.id(), folder.modelFile());
        }
        AutoencoderModel model = ModelFile.load(folder.modelFile()).model();
        ImageDataset test = datasets.testSet(spec);
        log.accept("[" + run.id() + "] evaluating on " + test.name() + " (" + test.size() + " images)");
        Measurement measured = measurement(model, spec);
        ExperimentMetrics metrics = measured.metrics();
        Map<String, String> images = ExperimentPictures.write(folder, spec, model, measured.test(), measured.testMeans(),
                measured.pca());
        ImageDataset train = datasets.trainSet(spec);
        TrainingRecord training = TrainingRecord.read(folder.trainingFile());
        Provenance provenance = Provenance.now(new DataProvenance(ExperimentDatasets.provenance(train),
                ExperimentDatasets.provenance(test)), training.provenance().training());
        ExperimentResult result = new ExperimentResult(suite.name(), spec, metrics, training.result().epochs(), images,
                (System.nanoTime() - started) / 1e9, provenance, training.result().convergence(),
                training.result().stepPoints(), training.result().firstSteps());
        AtomicFiles.writeJson(folder.metricsFile(), result);
        log.accept(String.format(Locale.ROOT,
                "[%s] PSNR %.3f dB  LPIPS %.4f (%s)  SSIM %.4f  kNN %.3f  linear %.3f  silhouette %.3f  active %d/%d",
                run.id(), metrics.psnr(), metrics.lpips(), metrics.lpipsSmallImages(), metrics.ssim(),
                metrics.knnAccuracy(), metrics.linearProbeAccuracy(), metrics.silhouette(), metrics.activeUnits(),
                spec.training().latentDim()));
        if (metrics.likelihood() != null) {
            log.accept(String.format(Locale.ROOT, "[%s] test NLL %.2f ± %.2f nats (%s, %d importance samples, %d images)",
                    run.id(), metrics.likelihood().nll().mean(), metrics.likelihood().nll().standardError(),
                    metrics.likelihood().likelihood(), metrics.likelihood().samples(), metrics.likelihood().images()));
        }
        return result;
    }
}
