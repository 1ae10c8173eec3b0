package org.vaerepro.regression;

import java.util.Map;
import java.util.TreeMap;
import org.vaerepro.experiment.ExperimentSpec;

/**
 * A fixed model the gate evaluates exactly: its file (relative to the baseline file's folder) and the file's SHA-256,
 * the run it was rounded from ({@code source}), the spec it is measured with (its experiment's, on a fixed test
 * subset: {@code org.vaerepro.experiment.ReferenceModels#measurementSpec}) and every number that measurement gives,
 * each with its window ({@link ReferenceValue}).
 */
public record ReferenceModel(String file, String sha256, String source, ExperimentSpec spec,
        Map<String, ReferenceValue> values) {
    public ReferenceModel {
        values = new TreeMap<>(values);
    }
}
