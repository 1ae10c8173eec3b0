package org.vaerepro.train;

import java.util.Map;
import org.vaerepro.model.AutoencoderModel;

/**
 * Measures the model at a declared training step (a {@link StepCurve}): values by stable id. It must only read
 * the model, and draw no noise from training's streams, so that training goes on exactly as without it.
 */
@FunctionalInterface
public interface StepMeasurement {
    Map<String, Double> measure(AutoencoderModel model);
}
