package org.vaerepro;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.vaerepro.experiment.ExperimentSpec;
import org.vaerepro.io.Json;
import org.vaerepro.provenance.DataProvenance;
import org.vaerepro.provenance.DatasetProvenance;
import org.vaerepro.provenance.EnvironmentProvenance;
import org.vaerepro.provenance.Provenance;
import org.vaerepro.provenance.SourceProvenance;
import org.vaerepro.provenance.TrainingProvenance;

/** Hand-made provenance and specs for tests that write results without training. */
public final class Fixtures {
    private Fixtures() {
    }

    public static final EnvironmentProvenance ENVIRONMENT = new EnvironmentProvenance("1.0.0-M2.1", "CPU", "host CPU",
            2, "17.0.15", "test JVM", "Linux test", "test machine", 2);
    public static final SourceProvenance SOURCE = new SourceProvenance("0.1.0-SNAPSHOT", "abc123", false,
            "2026-01-01T00:00:00Z");

    /** {@code spec} as a suite declaring it with other {@code fields} (a JSON object) would give it. */
    public static ExperimentSpec declaredOtherwise(ExperimentSpec spec, String fields) {
        try {
            ObjectNode json = (ObjectNode) Json.mapper().valueToTree(spec);
            json.setAll((ObjectNode) Json.mapper().readTree(fields));
            return Json.mapper().treeToValue(json, ExperimentSpec.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON object of spec fields: " + fields, e);
        }
    }

    /** Provenance of an evaluation on MNIST with the given checksums, trained for {@code trainSeconds}. */
    public static Provenance provenance(String trainSha, String testSha, long seed, double trainSeconds) {
        return new Provenance(new DataProvenance(new DatasetProvenance("mnist/train", 60_000, trainSha),
                new DatasetProvenance("mnist/test", 10_000, testSha)), new TrainingProvenance(null, seed, 1, 469,
                trainSeconds), ENVIRONMENT, SOURCE, "2026-01-01T00:00:00Z");
    }
}
