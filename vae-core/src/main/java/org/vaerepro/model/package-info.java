/**
 * <b>API: the models.</b> The closed set of {@link org.vaerepro.model.Architecture}s, their
 * {@link org.vaerepro.model.ModelConfig} (with the closed options {@link org.vaerepro.model.ReconstructionLoss},
 * {@link org.vaerepro.model.DecoderDenseActivation}, {@link org.vaerepro.model.KlReduction} and
 * {@link org.vaerepro.model.ReconstructionReduction}), the SameDiff-backed {@link org.vaerepro.model.AutoencoderModel}
 * (encode, decode, reconstruct, sample, losses, and {@link org.vaerepro.model.BatchGradients} for a training
 * batch) and {@link org.vaerepro.model.ModelFile} (a versioned model
 * file with provenance; {@link org.vaerepro.model.ModelDigest}, its size and SHA-256 as written). {@link org.vaerepro.model.ArrayArchive} is the zip-of-npy container shared with
 * checkpoints. Evaluation of the probabilistic model: {@link org.vaerepro.model.MarginalLikelihood} (test-set
 * ELBO and importance-sampled NLL, {@link org.vaerepro.model.LikelihoodReport}) and
 * {@link org.vaerepro.model.EvaluationNoise} (evaluation's noise streams, disjoint from training's);
 * {@link org.vaerepro.model.LikelihoodExport} writes a model, images and that noise for an independent computation. Internal: {@code GraphBuilder}, {@code GraphNames}, {@code ReplayedFunction} (the
 * gradient function run without SameDiff's session, bit-identical to it).
 */
package org.vaerepro.model;
