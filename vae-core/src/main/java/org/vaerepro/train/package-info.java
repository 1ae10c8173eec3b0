/**
 * <b>API: training.</b> {@link org.vaerepro.train.Trainer} runs mini-batch Adam with
 * {@link org.vaerepro.train.TrainerConfig}, writes {@link org.vaerepro.train.Checkpoint}s and resumes from
 * them exactly (batches keyed by (seed, epoch), noise by (seed, step)); listeners
 * ({@link org.vaerepro.train.TrainingListener}) see steps and epochs. Internal: {@code AdamOptimizer},
 * {@code NativeMemoryReclaimer}.
 */
package org.vaerepro.train;
