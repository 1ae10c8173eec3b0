package org.vaerepro.train;

import org.vaerepro.model.AutoencoderModel;

/** Measures the model on held-out images after each epoch; the trainer records the report in the epoch's history. */
@FunctionalInterface
public interface Validation {
    ValidationReport measure(AutoencoderModel model);
}
