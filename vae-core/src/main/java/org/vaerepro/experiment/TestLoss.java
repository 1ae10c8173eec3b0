package org.vaerepro.experiment;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaerepro.model.AutoencoderModel;
import org.vaerepro.model.GraphNames;

/**
 * A model's loss per image on images fed in batches, at the posterior mean (no sampled noise): the objective's
 * total (its reconstruction and KL terms, each weighted as the objective weighs it), the reconstruction term summed
 * over pixels and the KL divergence summed over latent dimensions, each averaged over every image fed.
 */
final class TestLoss {
    private double total;
    private double reconstruction;
    private double kl;
    private long images;

    void add(AutoencoderModel model, INDArray batch) {
        Map<String, Double> losses = model.losses(batch, null);
        long n = batch.size(0);
        double recon = losses.get(GraphNames.RECONSTRUCTION_LOSS);
        reconstruction += recon * n;
        kl += losses.getOrDefault(GraphNames.KL, 0.0) * n;
        total += (losses.getOrDefault(GraphNames.WEIGHTED_RECONSTRUCTION, recon)
                + losses.getOrDefault(GraphNames.WEIGHTED_KL, 0.0)) * n;
        images += n;
    }

    double total() {
        return total / images;
    }

    double reconstruction() {
        return reconstruction / images;
    }

    double kl() {
        return kl / images;
    }
}
