package org.vaerepro.experiment;

import java.nio.file.Path;

/** Evaluation asked for an experiment that has no model trained with its current spec. */
public final class NotTrainedException extends IllegalStateException {
    public NotTrainedException(String run, Path modelFile) {
        super("run '" + run + "' is not trained with its current spec (no " + modelFile + " matching "
                + RunFolder.TRAINING_SPEC + "); train it first");
    }
}
