package org.vaerepro.experiment;

import org.vaerepro.metrics.LpipsScaling;
import org.vaerepro.metrics.ProtocolVariants;
import org.vaerepro.metrics.SmallImagePolicy;

/**
 * The part of an experiment that decides what evaluation measures on a trained model: {@code testSubset} test
 * images (0 = all from the offset on), every {@code testStride}-th (1: each) from test image {@code testOffset} (0: the
 * first), so that a selection made on some test images can be confirmed on others, and the protocol of the headline PSNR and LPIPS (every other protocol is
 * measured and kept beside it): the LPIPS rule for images under 32x32, how LPIPS is fed images
 * ({@code lpipsScaling}: the reference's [-1, 1], or [0, 1] unscaled), what is decoded ({@code decoding}: the
 * posterior mean or one sampled z) and how PSNR reduces over images ({@code psnrReduction}); and the test-set
 * likelihood bounds with {@code likelihoodSamples} importance samples (0: not measured) on the first
 * {@code likelihoodImages} of those test images. A change here re-evaluates a run without retraining it.
 */
public record EvaluationFields(int testSubset, int testOffset, int testStride, SmallImagePolicy lpipsSmallImages, LpipsScaling lpipsScaling,
        ProtocolVariants.Decoding decoding, ProtocolVariants.PsnrReduction psnrReduction, int likelihoodSamples,
        int likelihoodImages) {
}
