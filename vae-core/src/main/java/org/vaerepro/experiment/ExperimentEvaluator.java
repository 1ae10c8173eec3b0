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
import org.vaerepro.metrics.PsnrAccumulator;
import org.vaerepro.metrics.SmallImagePolicy;
import org.vaerepro.metrics.Ssim;
import org.vaerepro.model.AutoencoderModel;
import org.vaerepro.model.GraphNames;
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

    public ExperimentResult evaluate(Suite suite, Run run) {
        long started = System.nanoTime();
        RunFolder folder = layout.run(suite, run);
        ExperimentSpec spec = run.spec();
        if (folder.status(spec).needsTraining()) {
            throw new NotTrainedException(run.id(), folder.modelFile());
        }
        AutoencoderModel model = ModelFile.load(folder.modelFile()).model();
        ImageDataset test = datasets.testSet(spec);
        ImageDataset train = datasets.trainSet(spec);
        Lpips lpips = lpipsNetwork.get();
        log.accept("[" + run.id() + "] evaluating on " + test.name() + " (" + test.size() + " images)");
        PsnrAccumulator psnr = new PsnrAccumulator();
        double ssimSum = 0;
        // Below LPIPS's 32x32 minimum the size rule changes the value, so the 32x32 rules (and the suite's own)
        // are measured and kept; ProtocolVariants measures every rule, resize64 included.
        SmallImagePolicy declaredPolicy = spec.evaluation().lpipsSmallImages();
        ImageShape shape = spec.training().dataset().shape();
        List<SmallImagePolicy> lpipsPolicies = Lpips.belowMinimum(shape.height(), shape.width())
                ? java.util.stream.Stream.of(SmallImagePolicy.RESIZE, SmallImagePolicy.PAD, declaredPolicy).distinct()
                        .toList()
                : List.of(declaredPolicy);
        Map<String, Double> lpipsSums = new LinkedHashMap<>();
        double reconLossSum = 0;
        double klSum = 0;
        List<INDArray> means = new ArrayList<>();
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
            means.add(model.encode(x).mean().dup());
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
        Map<String, String> images = ExperimentPictures.write(folder, spec, model, test, testMeans, pca);

        int n = test.size();
        Map<String, Double> lpipsByPolicy = new LinkedHashMap<>();
        if (lpipsPolicies.size() > 1) {
            lpipsSums.forEach((policy, sum) -> lpipsByPolicy.put(policy, sum / n));
        }
        ExperimentMetrics metrics = new ExperimentMetrics(n, psnr.meanPsnr(), psnr.pooledPsnr(), ssimSum / n,
                lpipsSums.get(declaredPolicy.id()) / n, declaredPolicy.id(), lpipsByPolicy,
                reconLossSum / n, klSum / n, active, knn, linear, silhouette, pca.explainedVariance());
        TrainingRecord training = TrainingRecord.read(folder.trainingFile());
        Provenance provenance = Provenance.now(new DataProvenance(ExperimentDatasets.provenance(train),
                ExperimentDatasets.provenance(test)), training.provenance().training());
        ExperimentResult result = new ExperimentResult(suite.name(), spec, metrics, training.result().epochs(), images,
                (System.nanoTime() - started) / 1e9, provenance, training.result().convergence());
        AtomicFiles.writeJson(folder.metricsFile(), result);
        log.accept(String.format(Locale.ROOT,
                "[%s] PSNR %.3f dB  LPIPS %.4f (%s)  SSIM %.4f  kNN %.3f  linear %.3f  silhouette %.3f  active %d/%d",
                run.id(), metrics.psnr(), metrics.lpips(), metrics.lpipsSmallImages(), metrics.ssim(), knn, linear,
                silhouette, active, spec.training().latentDim()));
        return result;
    }
}
