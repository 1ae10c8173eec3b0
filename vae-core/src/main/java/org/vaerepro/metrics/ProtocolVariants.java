package org.vaerepro.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.vaerepro.data.ImageDataset;
import org.vaerepro.data.ImageShape;
import org.vaerepro.io.Identified;
import org.vaerepro.io.Preconditions;
import org.vaerepro.model.AutoencoderModel;
import org.vaerepro.model.EvaluationNoise;
import org.vaerepro.model.LatentCode;
import org.vaerepro.model.ModelConfig;

/**
 * PSNR and LPIPS of a model's test reconstructions under every evaluation protocol a publication may have used
 * without saying so, from one model and its test images, without retraining:
 * <ul>
 * <li>decoding ({@link Decoding}): the posterior mean, or one sampled z = mu + exp(logvar/2)·eps (VAEs only; eps
 * from {@link EvaluationNoise#SAMPLED_DECODING}, keyed by the caller's seed and each image's index);</li>
 * <li>PSNR ({@link PsnrReduction}): the mean of per-image PSNR, or the PSNR of the MSE pooled over all images;</li>
 * <li>LPIPS input ({@link LpipsScaling}): [-1,1] as the reference expects, or [0,1] unscaled;</li>
 * <li>LPIPS small-image rule ({@link SmallImagePolicy}), for images under 32x32 only: the
 * {@link SmallImagePolicy#STANDARD} rules and any more the caller names.</li>
 * </ul>
 * Every combination gets a stable id (a JSON key): {@code psnr/<decoding>/<reduction>}, e.g.
 * {@code psnr/mean/per-image}, and {@code lpips/<decoding>/<scaling>/<rule>}, e.g. {@code lpips/sampled/raw/resize64},
 * without the rule for images of 32x32 and more ({@code lpips/mean/signed}). {@code psnr/mean/per-image},
 * {@code psnr/mean/pooled} and {@code lpips/mean/signed[/rule]} are the evaluator's own PSNR, pooled PSNR and
 * LPIPS, computed the same way. Each decoding is reconstructed once per batch and every metric reuses it; each
 * LPIPS input variant runs the network once over the test images and every decoding's reconstructions.
 *
 * <p>Accumulates over batches: feed a test set in order with {@link #add}, read {@link #values}. The noise of an
 * image depends on its index in the fed sequence, not on the batching. Not thread-safe (as {@link Lpips}).
 */
public final class ProtocolVariants {

    /** What is decoded to reconstruct an image. */
    public enum Decoding implements Identified {
        /** The posterior mean (or the autoencoder's code): {@link AutoencoderModel#reconstruct}. */
        MEAN,
        /** One z sampled from q(z|x), as a training step decodes. */
        SAMPLED;

        @com.fasterxml.jackson.annotation.JsonCreator
        public static Decoding fromId(String id) {
            return Identified.fromId(Decoding.class, id, "decoding");
        }
    }


    /** How PSNR reduces over images. */
    public enum PsnrReduction implements Identified {
        /** Mean over images of 10·log10(1/MSE_i): the project's headline. */
        PER_IMAGE,
        /** 10·log10(1/MSE) of the MSE over all pixels of all images. */
        POOLED;

        @com.fasterxml.jackson.annotation.JsonCreator
        public static PsnrReduction fromId(String id) {
            return Identified.fromId(PsnrReduction.class, id, "PSNR reduction");
        }
    }


    private final AutoencoderModel model;
    private final Lpips lpips;
    private final long noiseSeed;
    private final List<Decoding> decodings;
    /** The small-image rules measured; one null entry for images LPIPS takes as they are. */
    private final List<SmallImagePolicy> rules;
    private final Map<Decoding, PsnrAccumulator> psnr = new EnumMap<>(Decoding.class);
    private final Map<String, Double> lpipsSums = new LinkedHashMap<>();
    private long images;

    /** Variants of {@code model}'s reconstructions, the sampled decoding's noise keyed by {@code noiseSeed}. */
    public ProtocolVariants(AutoencoderModel model, Lpips lpips, long noiseSeed) {
        this(model, lpips, noiseSeed, List.of());
    }

    /** As {@link #ProtocolVariants(AutoencoderModel, Lpips, long)}, measuring {@code moreRules} too. */
    public ProtocolVariants(AutoencoderModel model, Lpips lpips, long noiseSeed, List<SmallImagePolicy> moreRules) {
        this.model = Preconditions.notNull(model, "model");
        this.lpips = Preconditions.notNull(lpips, "lpips");
        this.noiseSeed = noiseSeed;
        this.decodings = decodings(model.config());
        this.rules = rules(model.config().input(), moreRules);
        decodings.forEach(d -> psnr.put(d, new PsnrAccumulator()));
        for (Decoding decoding : decodings) {
            for (LpipsScaling scaling : LpipsScaling.values()) {
                for (SmallImagePolicy rule : rules) {
                    lpipsSums.put(lpipsId(decoding, scaling, rule), 0.0);
                }
            }
        }
    }

    /** Measures every variant on the whole of {@code images}, in batches of {@code batchSize}. */
    public static Map<String, Double> measure(AutoencoderModel model, ImageDataset images, int batchSize, Lpips lpips,
            long noiseSeed) {
        Preconditions.positive(batchSize, "batchSize");
        ProtocolVariants variants = new ProtocolVariants(model, lpips, noiseSeed);
        for (int from = 0; from < images.size(); from += batchSize) {
            variants.add(images.range(from, Math.min(images.size(), from + batchSize)).images());
        }
        return variants.values();
    }

    /** Adds the next batch of test images in [0,1], [N, C, H, W] of the model's input shape. */
    public void add(INDArray images) {
        add(images, null);
    }

    /**
     * As {@link #add(INDArray)}, reusing the caller's posterior-mean reconstruction of these images
     * ({@code model.reconstruct(images)}, as the evaluator already has it; null: reconstructed here).
     */
    public void add(INDArray images, INDArray meanReconstruction) {
        Preconditions.check(meanReconstruction == null
                || Arrays.equals(meanReconstruction.shape(), images.shape()), "the mean reconstruction must have the "
                + "images' shape " + Arrays.toString(images.shape()));
        List<INDArray> reconstructions = new ArrayList<>();
        for (Decoding decoding : decodings) {
            INDArray reconstruction = decoding == Decoding.MEAN && meanReconstruction != null ? meanReconstruction
                    : reconstruct(decoding, images);
            psnr.get(decoding).add(images, reconstruction);
            reconstructions.add(reconstruction);
        }
        for (LpipsScaling scaling : LpipsScaling.values()) {
            for (SmallImagePolicy rule : rules) {
                // One LPIPS pass per input variant: the test images' features serve every decoding.
                double[][] distances = lpips.distances(images, reconstructions,
                        rule == null ? SmallImagePolicy.RESIZE : rule, scaling);
                for (int i = 0; i < decodings.size(); i++) {
                    double sum = 0;
                    for (double d : distances[i]) {
                        sum += d;
                    }
                    lpipsSums.merge(lpipsId(decodings.get(i), scaling, rule), sum, Double::sum);
                }
            }
        }
        this.images += images.size(0);
    }

    private INDArray reconstruct(Decoding decoding, INDArray x) {
        // Copies: the model may reuse its output arrays from one call to the next.
        if (decoding == Decoding.MEAN) {
            return model.reconstruct(x).dup();
        }
        LatentCode code = model.encode(x);
        INDArray eps = EvaluationNoise.SAMPLED_DECODING.sample(noiseSeed, images, (int) x.size(0), 1,
                model.config().latentDim(), code.mean().dataType());
        // As the graph computes it: mu + exp(logvar * 0.5) * eps.
        INDArray z = Transforms.exp(code.logVariance().mul(0.5), false).muli(eps).addi(code.mean());
        return model.decode(z).dup();
    }

    /** Images added so far. */
    public long images() {
        return images;
    }

    /** Every variant's value over the images added so far, by id, in the order of {@link #ids}. */
    public Map<String, Double> values() {
        Preconditions.check(images > 0, "no images added");
        Map<String, Double> values = new LinkedHashMap<>();
        for (Decoding decoding : decodings) {
            values.put(psnrId(decoding, PsnrReduction.PER_IMAGE), psnr.get(decoding).meanPsnr());
            values.put(psnrId(decoding, PsnrReduction.POOLED), psnr.get(decoding).pooledPsnr());
        }
        lpipsSums.forEach((id, sum) -> values.put(id, sum / images));
        return values;
    }

    /** The ids of every variant a model of {@code config} is measured under, in the order of {@link #values}. */
    public static List<String> ids(ModelConfig config) {
        return ids(config, List.of());
    }

    /** As {@link #ids(ModelConfig)}, measuring {@code moreRules} too. */
    public static List<String> ids(ModelConfig config, List<SmallImagePolicy> moreRules) {
        List<String> ids = new ArrayList<>();
        List<Decoding> decodings = decodings(config);
        for (Decoding decoding : decodings) {
            for (PsnrReduction reduction : PsnrReduction.values()) {
                ids.add(psnrId(decoding, reduction));
            }
        }
        for (Decoding decoding : decodings) {
            for (LpipsScaling scaling : LpipsScaling.values()) {
                for (SmallImagePolicy rule : rules(config.input(), moreRules)) {
                    ids.add(lpipsId(decoding, scaling, rule));
                }
            }
        }
        return ids;
    }

    public static String psnrId(Decoding decoding, PsnrReduction reduction) {
        return "psnr/" + decoding.id() + "/" + reduction.id();
    }

    /** {@code rule} null: images of 32x32 and more, which no rule touches. */
    public static String lpipsId(Decoding decoding, LpipsScaling scaling, SmallImagePolicy rule) {
        return "lpips/" + decoding.id() + "/" + scaling.id() + (rule == null ? "" : "/" + rule.id());
    }

    private static List<Decoding> decodings(ModelConfig config) {
        return config.architecture().variational() ? List.of(Decoding.values()) : List.of(Decoding.MEAN);
    }

    /**
     * The small-image rules images of {@code shape} are measured under: {@link SmallImagePolicy#STANDARD}, then
     * {@code moreRules} not among them, in order; one null entry for images LPIPS takes as they are.
     */
    public static List<SmallImagePolicy> rules(ImageShape shape, List<SmallImagePolicy> moreRules) {
        if (!Lpips.belowMinimum(shape.height(), shape.width())) {
            return Arrays.asList((SmallImagePolicy) null);
        }
        return java.util.stream.Stream.concat(SmallImagePolicy.STANDARD.stream(), moreRules.stream()).distinct()
                .toList();
    }
}
