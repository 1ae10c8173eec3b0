package org.vaerepro.model;

import java.util.Map;

/**
 * Where a trained model came from: the training seed, the data it saw (name and SHA-256) and the
 * versions of the software that trained it.
 */
public record ModelProvenance(long seed, String dataset, String datasetChecksum, Map<String, String> versions,
        String createdAt) {
    public ModelProvenance {
        versions = Map.copyOf(versions);
    }
}
