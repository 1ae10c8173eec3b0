/**
 * <b>API: suites, experiments and runs.</b> A suite file ({@link org.vaerepro.experiment.SuiteParser}) declares
 * {@link org.vaerepro.experiment.ExperimentSpec}s, each composed of its parts
 * ({@link org.vaerepro.experiment.TrainingFields}, {@link org.vaerepro.experiment.StoppingRule},
 * {@link org.vaerepro.experiment.EvaluationFields}, {@link org.vaerepro.experiment.ExecutionFields}, the reported
 * values and its seeds), every field declared once in {@link org.vaerepro.experiment.ExperimentSchema}. Each
 * experiment runs once per seed as a {@link org.vaerepro.experiment.Run} (the unit of work;
 * {@link org.vaerepro.experiment.Shard} slices runs, {@link org.vaerepro.experiment.RunLock} keeps one process per
 * run); {@link org.vaerepro.experiment.ExperimentTrainer} and {@link org.vaerepro.experiment.ExperimentEvaluator}
 * train and measure one run into its {@link org.vaerepro.experiment.RunFolder}, whose paths
 * ({@link org.vaerepro.experiment.OutputLayout}) every other reader of results uses, and
 * {@link org.vaerepro.experiment.RunStatus} alone decides whether a run's result is current
 * ({@link org.vaerepro.experiment.SuiteResults} for a whole suite); {@link org.vaerepro.experiment.ExperimentResult}
 * is what {@code metrics.json} holds. For programs outside the JVM, {@link org.vaerepro.experiment.CurrentRunsExport}
 * lists a suite's current runs and {@link org.vaerepro.experiment.LikelihoodRunExport} exports them for the
 * independent likelihood computation, both picking runs by their status.
 * {@link org.vaerepro.experiment.ReferenceModels} makes and measures the fixed
 * float16 models a baseline check evaluates exactly, through the evaluator's own measurement. Internal: {@code ExperimentPictures}, {@code JsonPositions},
 * {@code DatasetField}, {@code SeedsField}, {@code HeldOutValidation} and {@code ProtocolCurve} (the per-epoch and
 * per-step measurements a run's trainer takes). This package knows nothing of pages,
 * verdicts, baselines or sessions.
 */
package org.vaerepro.experiment;
