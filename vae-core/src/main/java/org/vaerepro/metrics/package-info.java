/**
 * <b>API: image quality.</b> PSNR ({@link org.vaerepro.metrics.PsnrAccumulator}), SSIM
 * ({@link org.vaerepro.metrics.Ssim}, as scikit-image's Gaussian variant) and LPIPS
 * ({@link org.vaerepro.metrics.Lpips}, AlexNet v0.1, with {@link org.vaerepro.metrics.SmallImagePolicy} for
 * images under 32x32 and {@link org.vaerepro.metrics.LpipsScaling} for how [0,1] images enter the network).
 * {@link org.vaerepro.metrics.ProtocolVariants}: PSNR and LPIPS of a model's reconstructions under every
 * evaluation protocol (decoding, PSNR reduction, LPIPS scaling and small-image rule), by stable id.
 * Internal: {@code AlexNetTrunk}, {@code ImageResize}.
 */
package org.vaerepro.metrics;
