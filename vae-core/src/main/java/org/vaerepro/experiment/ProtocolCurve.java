package org.vaerepro.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaerepro.data.ImageDataset;
import org.vaerepro.io.Preconditions;
import org.vaerepro.metrics.Lpips;
import org.vaerepro.metrics.ProtocolVariants;
import org.vaerepro.metrics.SmallImagePolicy;
import org.vaerepro.model.AutoencoderModel;
import org.vaerepro.model.ModelConfig;
import org.vaerepro.train.StepMeasurement;

/**
 * The measurement of a step curve ({@link org.vaerepro.train.StepCurve}) on a fixed test subset: the test loss at
 * the posterior mean ({@link #LOSS}, {@link #RECONSTRUCTION}, {@link #KL}: per image, as the training loss; the KL
 * summed over latent dimensions, whatever the objective's reduction) and every {@link ProtocolVariants} variant,
 * the sampled decoding's noise keyed by {@code noiseSeed} (evaluation's own streams, never training's). It reads
 * the model only, so the run trains the same with or without it.
 */
final class ProtocolCurve implements StepMeasurement {
    static final String LOSS = "loss/total";
    static final String RECONSTRUCTION = "loss/reconstruction";
    static final String KL = "loss/kl";

    private final ImageDataset images;
    private final Supplier<Lpips> lpips;
    private final long noiseSeed;
    private final List<SmallImagePolicy> moreRules;

    /** {@code moreRules}: the small-image rules measured beside the standard ones. */
    ProtocolCurve(ImageDataset images, Supplier<Lpips> lpips, long noiseSeed, List<SmallImagePolicy> moreRules) {
        Preconditions.check(images.size() > 0, "a step curve needs test images, got none");
        this.images = images;
        this.lpips = lpips;
        this.noiseSeed = noiseSeed;
        this.moreRules = List.copyOf(moreRules);
    }

    /** The ids a model of {@code config} gets at each point, in order. */
    static List<String> ids(ModelConfig config, List<SmallImagePolicy> moreRules) {
        List<String> ids = new ArrayList<>(List.of(LOSS, RECONSTRUCTION, KL));
        ids.addAll(ProtocolVariants.ids(config, moreRules));
        return ids;
    }

    @Override
    public Map<String, Double> measure(AutoencoderModel model) {
        ProtocolVariants variants = new ProtocolVariants(model, lpips.get(), noiseSeed, moreRules);
        int n = images.size();
        TestLoss loss = new TestLoss();
        for (int from = 0; from < n; from += ExperimentEvaluator.EVAL_BATCH) {
            INDArray x = images.range(from, Math.min(n, from + ExperimentEvaluator.EVAL_BATCH)).images();
            loss.add(model, x);
            variants.add(x);
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(LOSS, loss.total());
        values.put(RECONSTRUCTION, loss.reconstruction());
        values.put(KL, loss.kl());
        values.putAll(variants.values());
        return values;
    }
}
