package org.vaerepro.train;

/**
 * The batch losses of one optimisation step, as its gradient pass computed them before the update: {@code step} is
 * the 1-based global step (step 1's losses are the initial model's on the first batch), {@code loss} the objective
 * (the reconstruction term plus the weighted KL term), {@code reconstruction} the reconstruction term and {@code kl}
 * the KL divergence summed over latent dimensions (0 for the autoencoder), each averaged over the batch, as
 * {@link StepReport} reports them. The first {@link Trainer#RECORDED_STEPS} of a run are its early-step trajectory.
 */
public record StepLoss(long step, double loss, double reconstruction, double kl) {
}
