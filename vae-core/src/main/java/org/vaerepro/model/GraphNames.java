package org.vaerepro.model;

/** Names of the placeholders and outputs every model graph exposes. */
public final class GraphNames {
    public static final String INPUT = "input";
    /** Standard-normal noise of the reparameterisation, fed from a seeded Java RNG (keeps resume exact). */
    public static final String EPS = "eps";
    /** Latent codes fed straight to the decoder (sampling, interpolation, manifolds). */
    public static final String LATENT = "latent";
    public static final String MEAN = "mean";
    public static final String LOG_VARIANCE = "logVariance";
    public static final String RECONSTRUCTION = "reconstruction";
    public static final String DECODED = "decoded";
    /** The decoder's logits for codes fed to {@link #LATENT}: {@link #DECODED} is their sigmoid. */
    public static final String DECODED_LOGITS = "decodedLogits";
    /** The reconstruction term summed over an image's pixels, averaged over the batch, whatever the reduction. */
    public static final String RECONSTRUCTION_LOSS = "reconstructionLoss";
    /**
     * The objective's reconstruction term under {@link ReconstructionReduction#MEAN}: {@link #RECONSTRUCTION_LOSS}
     * divided by the pixels of an image. Under the sum the graph has no such output and the term is
     * {@link #RECONSTRUCTION_LOSS} itself (so the default's graph is the one every baseline was trained with).
     */
    public static final String WEIGHTED_RECONSTRUCTION = "weightedReconstruction";
    /**
     * The objective's KL term: beta times the KL, divided by the latent dimension under
     * {@link KlReduction#MEAN}; so the loss variables add up to the training objective.
     */
    public static final String WEIGHTED_KL = "weightedKl";
    /** KL(q(z|x) || N(0, I)) summed over latent dimensions, averaged over the batch, whatever the reduction. */
    public static final String KL = "kl";

    private GraphNames() {
    }
}
