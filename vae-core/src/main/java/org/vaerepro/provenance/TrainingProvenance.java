package org.vaerepro.provenance;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How a model was trained: the training fields of its spec (as written in its suite, so this package
 * needs no experiment types), the seed, epochs completed, optimisation steps and training seconds
 * summed over resumes.
 */
public record TrainingProvenance(JsonNode spec, long seed, int epochs, long steps, double seconds) {
    public TrainingProvenance {
        // JSON null reads back as a NullNode; one representation of "no spec" keeps records comparable.
        spec = spec == null || spec.isNull() ? null : spec;
    }
}
