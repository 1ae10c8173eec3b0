package org.vaerepro.train;

/**
 * Where one optimisation step's wall time went, in nanoseconds: assembling the batch (the images gathered and
 * converted, the VAE's noise drawn), the gradient pass (forward and backward, the losses read), the Adam update of
 * every parameter, and the native-memory reclaimer's collection when one was due. What the benchmarks set beside the
 * PyTorch peer's same split of a step.
 */
public record StepPhases(int epoch, long globalStep, long batchNanos, long passNanos, long updateNanos,
        long reclaimNanos) {
}
