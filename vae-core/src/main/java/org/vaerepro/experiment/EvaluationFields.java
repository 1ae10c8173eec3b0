package org.vaerepro.experiment;

import org.vaerepro.metrics.SmallImagePolicy;

/**
 * The part of an experiment that decides what evaluation measures on a trained model: the first
 * {@code testSubset} test images (0 = all) and the LPIPS rule for images under 32x32. A change here
 * re-evaluates a run without retraining it.
 */
public record EvaluationFields(int testSubset, SmallImagePolicy lpipsSmallImages) {
}
