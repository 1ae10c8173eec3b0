package org.vaerepro.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Adam over named parameters, with its moment estimates exposed so a checkpoint can store them and a
 * resumed run continues bit-for-bit (ND4J's AdamUpdater does the arithmetic).
 */
final class AdamOptimizer {
    private final Map<String, GradientUpdater<?>> updaters = new LinkedHashMap<>();
    private final Map<String, INDArray> states = new LinkedHashMap<>();

    AdamOptimizer(double learningRate, Map<String, INDArray> parameters) {
        Adam adam = new Adam(learningRate);
        for (Map.Entry<String, INDArray> param : parameters.entrySet()) {
            INDArray view = Nd4j.zeros(param.getValue().dataType(), 1, adam.stateSize(param.getValue().length()));
            states.put(param.getKey(), view);
            updaters.put(param.getKey(), adam.instantiate(view, true));
        }
    }

    /** Applies one Adam step; {@code iteration} is the 0-based global step (bias correction uses it). */
    void step(Map<String, INDArray> parameters, Map<String, INDArray> gradients, long iteration, int epoch) {
        for (Map.Entry<String, GradientUpdater<?>> entry : updaters.entrySet()) {
            INDArray gradient = gradients.get(entry.getKey());
            if (gradient == null) {
                throw new IllegalStateException("no gradient for parameter " + entry.getKey());
            }
            entry.getValue().applyUpdater(gradient, (int) iteration, epoch);
            parameters.get(entry.getKey()).subi(gradient);
        }
    }

    /** Moment estimates (m and v, flattened together) by parameter name. */
    Map<String, INDArray> state() {
        return states;
    }

    void restore(Map<String, INDArray> saved) {
        for (Map.Entry<String, INDArray> state : states.entrySet()) {
            INDArray value = saved.get(state.getKey());
            if (value == null || value.length() != state.getValue().length()) {
                throw new IllegalArgumentException("optimizer state for '" + state.getKey() + "' is missing or has "
                        + "the wrong size");
            }
            state.getValue().assign(value.reshape(state.getValue().shape()));
        }
    }
}
