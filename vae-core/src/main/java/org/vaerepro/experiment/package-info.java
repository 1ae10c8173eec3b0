/**
 * <b>API: suites and experiments.</b> A suite file ({@link org.vaerepro.experiment.SuiteParser}) declares
 * {@link org.vaerepro.experiment.ExperimentSpec}s, each run once per seed as a {@link org.vaerepro.experiment.Run}
 * (the unit of work; {@link org.vaerepro.experiment.Shard} slices runs, {@link org.vaerepro.experiment.RunLock}
 * keeps one process per run); {@link org.vaerepro.experiment.ExperimentTrainer} and
 * {@link org.vaerepro.experiment.ExperimentEvaluator} train and measure one run into its
 * {@link org.vaerepro.experiment.RunFolder}, whose paths and staleness rules
 * ({@link org.vaerepro.experiment.OutputLayout}) every other reader of results uses;
 * {@link org.vaerepro.experiment.ExperimentResult} is what {@code metrics.json} holds.
 * {@link org.vaerepro.experiment.SuiteRunner} runs a phase over a selection. Internal:
 * {@code ExperimentPictures}, {@code HeldOutValidation} and {@code ProtocolCurve} (the per-epoch and per-step
 * measurements a run's trainer takes). This package knows nothing of pages, baselines or sessions.
 */
package org.vaerepro.experiment;
