package org.vaerepro.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.vaerepro.SharedData;
import org.vaerepro.data.ImageDataset;
import org.vaerepro.data.Split;
import org.vaerepro.data.StandardDataset;
import org.vaerepro.model.Architecture;
import org.vaerepro.model.AutoencoderModel;
import org.vaerepro.model.EvaluationNoise;
import org.vaerepro.model.LatentCode;
import org.vaerepro.model.ModelConfig;

/**
 * The variant grid on real test images: its ids, the posterior-mean variants equal to the evaluator's own
 * computation, the sampled decoding equal to decoding mu + sigma·eps with evaluation's noise, independence of
 * the batching, and every variant actually differing from the others.
 */
class ProtocolVariantsTest {
    private static Lpips lpips;
    private static ImageDataset mnist;
    private static ImageDataset cifar;

    @BeforeAll
    static void load() {
        lpips = Lpips.load(SharedData.lpipsWeights());
        mnist = SharedData.repository().load(StandardDataset.MNIST, Split.TEST).firstN(60);
        cifar = SharedData.repository().load(StandardDataset.CIFAR10, Split.TEST).firstN(40);
    }

    @Test
    void idsAreStableAndCoverEveryCombination() {
        ModelConfig mnistVae = ModelConfig.of(new Architecture.Vae(), StandardDataset.MNIST.shape(), 2);
        assertEquals(List.of("psnr/mean/per-image", "psnr/mean/pooled", "psnr/sampled/per-image", "psnr/sampled/pooled",
                "lpips/mean/signed/resize", "lpips/mean/signed/pad", "lpips/mean/signed/resize64",
                "lpips/mean/raw/resize", "lpips/mean/raw/pad", "lpips/mean/raw/resize64",
                "lpips/sampled/signed/resize", "lpips/sampled/signed/pad", "lpips/sampled/signed/resize64",
                "lpips/sampled/raw/resize", "lpips/sampled/raw/pad", "lpips/sampled/raw/resize64"),
                ProtocolVariants.ids(mnistVae));
        ModelConfig cifarVae = ModelConfig.of(new Architecture.UpsampleVae(), StandardDataset.CIFAR10.shape(), 64);
        assertEquals(List.of("psnr/mean/per-image", "psnr/mean/pooled", "psnr/sampled/per-image", "psnr/sampled/pooled",
                "lpips/mean/signed", "lpips/mean/raw", "lpips/sampled/signed", "lpips/sampled/raw"),
                ProtocolVariants.ids(cifarVae));
        assertEquals(List.of("psnr/mean/per-image", "psnr/mean/pooled", "lpips/mean/signed", "lpips/mean/raw"),
                ProtocolVariants.ids(ModelConfig.of(new Architecture.Autoencoder(), StandardDataset.CIFAR10.shape(), 64)));
        assertEquals(8, ProtocolVariants.ids(ModelConfig.of(new Architecture.Autoencoder(), StandardDataset.MNIST.shape(),
                2)).size());
        // More rules follow the standard ones, once each; 32x32 images take none.
        List<SmallImagePolicy> more = List.of(SmallImagePolicy.NEAREST48, SmallImagePolicy.RESIZE64,
                SmallImagePolicy.BICUBIC_AA64);
        assertEquals(List.of(SmallImagePolicy.RESIZE, SmallImagePolicy.PAD, SmallImagePolicy.RESIZE64,
                SmallImagePolicy.NEAREST48, SmallImagePolicy.BICUBIC_AA64),
                ProtocolVariants.rules(StandardDataset.MNIST.shape(), more));
        assertEquals(java.util.Arrays.asList((SmallImagePolicy) null),
                ProtocolVariants.rules(StandardDataset.CIFAR10.shape(), more));
        assertEquals(16 + 2 * 2 * 2, ProtocolVariants.ids(mnistVae, more).size());
        assertEquals("lpips/sampled/raw/bicubic-aa64", ProtocolVariants.ids(mnistVae, more).get(23));
        assertEquals(ProtocolVariants.ids(cifarVae), ProtocolVariants.ids(cifarVae, more));
    }

    @Test
    void theMeanDecodingIsTheEvaluatorsComputationAndTheSampledOneDecodesMuPlusSigmaEps() {
        AutoencoderModel model = AutoencoderModel.create(ModelConfig.of(new Architecture.Vae(),
                StandardDataset.MNIST.shape(), 4), 3);
        Map<String, Double> values = ProtocolVariants.measure(model, mnist, 25, lpips, 11);
        assertEquals(ProtocolVariants.ids(model.config()), List.copyOf(values.keySet()));

        // The evaluator's way: reconstruct, PSNR accumulator, LPIPS per batch.
        PsnrAccumulator mean = new PsnrAccumulator();
        PsnrAccumulator sampled = new PsnrAccumulator();
        double lpipsMean = 0;
        double lpipsSampledRaw64 = 0;
        for (int from = 0; from < 60; from += 25) {
            INDArray x = mnist.range(from, Math.min(60, from + 25)).images();
            INDArray reconstruction = model.reconstruct(x).dup();
            mean.add(x, reconstruction);
            lpipsMean += sum(lpips.distances(x, reconstruction, SmallImagePolicy.PAD));
            LatentCode code = model.encode(x);
            INDArray eps = EvaluationNoise.SAMPLED_DECODING.sample(11, from, (int) x.size(0), 1, 4, code.mean().dataType());
            INDArray z = code.mean().add(Transforms.exp(code.logVariance().mul(0.5)).mul(eps));
            INDArray decoded = model.decode(z).dup();
            sampled.add(x, decoded);
            lpipsSampledRaw64 += sum(lpips.distances(x, decoded, SmallImagePolicy.RESIZE64, LpipsScaling.RAW));
        }
        assertEquals(mean.meanPsnr(), values.get("psnr/mean/per-image"), 0.0);
        assertEquals(mean.pooledPsnr(), values.get("psnr/mean/pooled"), 0.0);
        // LPIPS runs both decodings in one pass with the test images: per-image values independent of the batch
        // up to float rounding (LpipsReferenceTest), so to 1e-6.
        assertEquals(lpipsMean / 60, values.get("lpips/mean/signed/pad"), 1e-6 * lpipsMean / 60);
        assertEquals(sampled.meanPsnr(), values.get("psnr/sampled/per-image"), 1e-9);
        assertEquals(lpipsSampledRaw64 / 60, values.get("lpips/sampled/raw/resize64"), 1e-6 * lpipsSampledRaw64 / 60);
        // Every variant differs from every other on these images: none is computed as another by mistake.
        List<Double> lpipsValues = values.entrySet().stream().filter(e -> e.getKey().startsWith("lpips/"))
                .map(Map.Entry::getValue).toList();
        for (int i = 0; i < lpipsValues.size(); i++) {
            for (int j = i + 1; j < lpipsValues.size(); j++) {
                assertTrue(Math.abs(lpipsValues.get(i) - lpipsValues.get(j)) > 1e-5, values.toString());
            }
        }
        assertTrue(Math.abs(values.get("psnr/mean/per-image") - values.get("psnr/sampled/per-image")) > 1e-3);
        assertTrue(Math.abs(values.get("psnr/mean/per-image") - values.get("psnr/mean/pooled")) > 1e-3);
    }

    @Test
    void valuesDependOnTheImagesAndTheSeedNotOnTheBatching() {
        AutoencoderModel model = AutoencoderModel.create(ModelConfig.of(new Architecture.UpsampleVae(),
                StandardDataset.CIFAR10.shape(), 8), 4);
        Map<String, Double> whole = ProtocolVariants.measure(model, cifar, 40, lpips, 5);
        assertEquals(whole, ProtocolVariants.measure(model, cifar, 40, lpips, 5), "repeatable");
        ProtocolVariants uneven = new ProtocolVariants(model, lpips, 5);
        uneven.add(cifar.range(0, 7).images());
        uneven.add(cifar.range(7, 40).images());
        assertEquals(40, uneven.images());
        Map<String, Double> batched = uneven.values();
        whole.forEach((id, value) -> assertEquals(value, batched.get(id), 1e-6 * Math.abs(value), id));
        // The evaluator's own mean reconstruction, handed in, gives the same values.
        ProtocolVariants reused = new ProtocolVariants(model, lpips, 5);
        reused.add(cifar.range(0, 40).images(), model.reconstruct(cifar.range(0, 40).images()).dup());
        assertEquals(whole, reused.values());
        Map<String, Double> otherSeed = ProtocolVariants.measure(model, cifar, 40, lpips, 6);
        assertEquals(whole.get("lpips/mean/raw"), otherSeed.get("lpips/mean/raw"), 0.0);
        assertTrue(Math.abs(whole.get("lpips/sampled/raw") - otherSeed.get("lpips/sampled/raw")) > 1e-6);
    }

    @Test
    void theAutoencoderHasOneDecodingAndAnEmptyGridHasNoValues() {
        AutoencoderModel model = AutoencoderModel.create(ModelConfig.of(new Architecture.Autoencoder(),
                StandardDataset.MNIST.shape(), 2), 2);
        ProtocolVariants variants = new ProtocolVariants(model, lpips, 1);
        assertThrows(IllegalArgumentException.class, variants::values);
        variants.add(mnist.range(0, 10).images());
        assertEquals(ProtocolVariants.ids(model.config()), List.copyOf(variants.values().keySet()));
    }

    private static double sum(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum;
    }
}
