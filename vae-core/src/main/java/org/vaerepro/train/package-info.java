/**
 * <b>API: training.</b> {@link org.vaerepro.train.Trainer} runs mini-batch Adam with
 * {@link org.vaerepro.train.TrainerConfig}, writes {@link org.vaerepro.train.Checkpoint}s and resumes from
 * them exactly (batches keyed by (seed, epoch), noise by (seed, step)); {@link org.vaerepro.train.EarlyStopping}
 * decides when a run ends ({@link org.vaerepro.train.Convergence}, also over a simulated loss curve); listeners
 * ({@link org.vaerepro.train.TrainingListener}) see steps, where each step's time went
({@link org.vaerepro.train.StepPhases}) and epochs. Measurements that only read the model:
 * {@link org.vaerepro.train.Validation} after every epoch, and a {@link org.vaerepro.train.StepCurve}
 * ({@link org.vaerepro.train.StepMeasurement} at declared global steps, recorded as
 * {@link org.vaerepro.train.StepPoint}s in the {@link org.vaerepro.train.TrainingResult} and the checkpoint). Internal: {@code AdamOptimizer},
 * {@code NativeMemoryReclaimer}.
 */
package org.vaerepro.train;
