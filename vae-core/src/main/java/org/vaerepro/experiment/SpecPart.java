package org.vaerepro.experiment;

/**
 * What a field of an experiment decides, and so what a change to it invalidates ({@link RunStatus}): the
 * experiment's identity, the trained model ({@link TrainingFields}: retrain), when training ends
 * ({@link StoppingRule}: continue or retrain), what evaluation measures ({@link EvaluationFields}: re-evaluate),
 * how a run is carried out ({@link ExecutionFields}: nothing), what a result is judged against
 * ({@link ReportedValues}: nothing, the verdicts are computed again) and the seeds it runs with.
 */
public enum SpecPart {
    IDENTITY, TRAINING, STOPPING, EVALUATION, EXECUTION, JUDGEMENT, SEEDS
}
