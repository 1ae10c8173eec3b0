package org.vaerepro.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaerepro.io.Json;

/**
 * A model, test images and importance-sampling noise as one archive ({@link ArrayArchive}, manifest kind
 * {@code vae-repro-likelihood-export}) for an independent computation of the likelihood bounds
 * (vae-core/src/bench/python/likelihood_reference.py, float64 PyTorch): the parameters in ND4J's layouts
 * ({@code param/<name>}), the images, the standard-normal noise {@code eps} [images * samples, d] that
 * {@link MarginalLikelihood} draws for {@code noiseSeed} ({@link EvaluationNoise#IMPORTANCE_SAMPLES}), and this side's
 * posterior means, log-variances and mean reconstructions, so the reference can check the model it rebuilt before it
 * compares the bounds.
 */
public final class LikelihoodExport {
    public static final String KIND = "vae-repro-likelihood-export";

    private LikelihoodExport() {
    }

    /** Writes {@code file}; {@code manifest} (any extra fields) gets the kind, model config, sample count and seed. */
    public static void write(Path file, AutoencoderModel model, INDArray images, long noiseSeed, int samples,
            ObjectNode manifest) {
        LatentCode code = model.encode(images);
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        model.parameters().forEach((name, value) -> arrays.put("param/" + name, value));
        arrays.put("images", images);
        arrays.put("eps", EvaluationNoise.IMPORTANCE_SAMPLES.sample(noiseSeed, 0, (int) images.size(0), samples,
                model.config().latentDim(), DataType.DOUBLE));
        arrays.put("mean", code.mean().dup());
        arrays.put("logVariance", code.logVariance().dup());
        arrays.put("reconstruction", model.reconstruct(images).dup());
        manifest.put("kind", KIND);
        manifest.set("config", Json.mapper().valueToTree(model.config()));
        manifest.put("samples", samples);
        manifest.put("seed", noiseSeed);
        manifest.put("arrayCount", arrays.size()); // so ArrayArchive.read tells a truncated export from a whole one
        ArrayArchive.write(file, manifest, arrays);
    }
}
