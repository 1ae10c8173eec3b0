package org.vaerepro.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.vaerepro.data.StandardDataset;
import org.vaerepro.io.Json;

/**
 * The ELBO and importance-sampled NLL against an independent float64 PyTorch computation on the same weights,
 * images and noise (likelihood-reference.json, written by src/bench/python/likelihood_reference.py from the
 * export of {@link LikelihoodReferenceCases}): Bernoulli and Gaussian likelihoods, MNIST and CIFAR-10 shapes,
 * both decoders. Per image, to 1e-4 relative.
 */
class MarginalLikelihoodReferenceTest {
    private static final double RELATIVE = 1e-4;
    private static JsonNode reference;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = MarginalLikelihoodReferenceTest.class.getResourceAsStream("likelihood-reference.json")) {
            reference = Json.mapper().readTree(in);
        }
    }

    @Test
    void everyCaseMatchesTheIndependentComputationImageByImage() {
        assertEquals(LikelihoodReferenceCases.CASES.size(), reference.get("cases").size());
        double largestKl = 0;
        for (LikelihoodReferenceCases.Case c : LikelihoodReferenceCases.CASES) {
            JsonNode expected = reference.at("/cases/" + c.name());
            JsonNode config = Json.mapper().valueToTree(c.config());
            for (String field : new String[] {"architecture", "input", "latentDim", "channels", "loss",
                    "decoderDenseActivation"}) {
                assertEquals(config.get(field), expected.at("/config/" + field), c.name() + ": the exported " + field);
            }
            AutoencoderModel model = LikelihoodReferenceCases.model(c);
            INDArray images = LikelihoodReferenceCases.images(c);
            MarginalLikelihood likelihood = new MarginalLikelihood(model, LikelihoodReferenceCases.SAMPLES, c.seed());
            // Two batches: the noise of an image follows its index, not its batch.
            likelihood.add(images.get(NDArrayIndex.interval(0, 4)));
            likelihood.add(images.get(NDArrayIndex.interval(4, LikelihoodReferenceCases.IMAGES)));
            check(expected.get("nll"), likelihood.nll(), c.name() + " NLL");
            check(expected.get("elbo"), likelihood.elbo(), c.name() + " ELBO");
            check(expected.get("analyticElbo"), likelihood.analyticElbo(), c.name() + " analytic-KL ELBO");

            LikelihoodReport report = likelihood.report();
            assertEquals(c.config().loss() == ReconstructionLoss.BCE ? "bernoulli" : "gaussian-variance-0.5",
                    report.likelihood());
            assertEquals(expected.get("dimensions").asInt(), report.dimensions());
            for (String name : new String[] {"nll", "elbo", "analyticElbo"}) {
                LikelihoodReport.Estimate estimate = switch (name) {
                    case "nll" -> report.nll();
                    case "elbo" -> report.elbo();
                    default -> report.analyticElbo();
                };
                JsonNode summary = expected.at("/summary/" + name);
                assertClose(summary.get("mean").asDouble(), estimate.mean(), c.name() + " mean " + name);
                assertClose(summary.get("standardError").asDouble(), estimate.standardError(), c.name() + " SE " + name);
            }
            assertEquals(-report.elbo().mean(), report.negativeElbo().mean(), 0.0);
            assertClose(expected.get("nllBitsPerDimension").asDouble(), report.nllBitsPerDimension(), c.name() + " bits/dim");
            check(expected.get("reconstruction"), likelihood.reconstruction(), c.name() + " log p(x|z_1)");
            check(expected.get("kl"), likelihood.kl(), c.name() + " KL");
            largestKl = Math.max(largestKl, report.kl().mean());
        }
        // Somewhere the posterior is far from the prior, so log q(z|x) - log p(z) is checked where it matters.
        assertTrue(largestKl > 5, "largest KL " + largestKl);
    }

    @Test
    void theBoundsAreOrderedAndOneSampleMakesThemMeet() {
        LikelihoodReferenceCases.Case c = LikelihoodReferenceCases.CASES.get(0);
        AutoencoderModel model = LikelihoodReferenceCases.model(c);
        INDArray images = LikelihoodReferenceCases.images(c);
        MarginalLikelihood many = new MarginalLikelihood(model, 64, 7);
        many.add(images);
        double[] nll = many.nll();
        double[] elbo = many.elbo();
        for (int i = 0; i < nll.length; i++) {
            // Jensen: log mean_k w_k >= mean_k log w_k.
            assertTrue(nll[i] <= -elbo[i], "image " + i + ": NLL " + nll[i] + " > -ELBO " + -elbo[i]);
        }
        MarginalLikelihood one = new MarginalLikelihood(model, 1, 7);
        one.add(images);
        for (int i = 0; i < nll.length; i++) {
            assertEquals(-one.elbo()[i], one.nll()[i], 1e-9 * Math.abs(one.nll()[i]), "K = 1: NLL = -ELBO");
        }
        // The batching of the decoder changes nothing beyond float rounding; the result is repeatable.
        MarginalLikelihood small = new MarginalLikelihood(model, 64, 7, 37);
        for (int i = 0; i < images.size(0); i++) {
            small.add(images.get(NDArrayIndex.interval(i, i + 1)));
        }
        check(nll, small.nll(), 1e-6, "decoded 37 codes at a time, one image per batch");
        MarginalLikelihood again = new MarginalLikelihood(model, 64, 7);
        again.add(images);
        org.junit.jupiter.api.Assertions.assertArrayEquals(nll, again.nll(), "repeatable");
        MarginalLikelihood otherSeed = new MarginalLikelihood(model, 64, 8);
        otherSeed.add(images);
        assertTrue(Math.abs(otherSeed.nll()[0] - nll[0]) > 1e-6, "the seed keys the samples");
    }

    @Test
    void theDecodersLogitsAreNamedBesideTheirSigmoid() {
        LikelihoodReferenceCases.Case c = LikelihoodReferenceCases.CASES.get(3);
        AutoencoderModel model = AutoencoderModel.create(c.config(), 5);
        INDArray z = GaussianNoise.sample(5, 1, 8, c.config().latentDim(), model.dataType()).muli(3);
        Map<String, INDArray> out = model.sameDiff().output(Map.of(GraphNames.LATENT, z), GraphNames.DECODED_LOGITS,
                GraphNames.DECODED);
        INDArray difference = Transforms.sigmoid(out.get(GraphNames.DECODED_LOGITS), true).sub(out.get(GraphNames.DECODED));
        assertEquals(0.0, difference.amaxNumber().doubleValue(), 1e-6);
        assertEquals(0.0, model.decode(z).sub(out.get(GraphNames.DECODED)).amaxNumber().doubleValue(), 0.0);
    }

    @Test
    void theAutoencoderHasNoPosteriorToSampleAndOneImageHasNoStandardError() {
        AutoencoderModel ae = AutoencoderModel.create(ModelConfig.of(new Architecture.Autoencoder(),
                StandardDataset.MNIST.shape(), 2), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MarginalLikelihood(ae, 10, 1));
        assertTrue(e.getMessage().contains("the autoencoder ('ae') has no posterior q(z|x)"), e.getMessage());
        LikelihoodReferenceCases.Case c = LikelihoodReferenceCases.CASES.get(0);
        MarginalLikelihood single = new MarginalLikelihood(AutoencoderModel.create(c.config(), 1), 4, 1);
        single.add(LikelihoodReferenceCases.images(c).get(NDArrayIndex.interval(0, 1)));
        assertThrows(IllegalArgumentException.class, single::report);
    }

    private static void check(JsonNode expected, double[] actual, String what) {
        assertEquals(expected.size(), actual.length, what);
        for (int i = 0; i < actual.length; i++) {
            assertClose(expected.get(i).asDouble(), actual[i], what + " image " + i);
        }
    }

    private static void check(double[] expected, double[] actual, double relative, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < actual.length; i++) {
            assertEquals(expected[i], actual[i], relative * Math.abs(expected[i]), what + " image " + i);
        }
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, RELATIVE * Math.abs(expected), what);
    }
}
