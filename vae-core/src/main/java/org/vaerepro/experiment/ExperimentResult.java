package org.vaerepro.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.vaerepro.train.EpochReport;

/** Everything {@code metrics.json} holds for one experiment: spec, metrics, training curve, pictures, provenance. */
public record ExperimentResult(String suite, ExperimentSpec spec, ExperimentMetrics metrics, List<EpochReport> training,
        Map<String, String> images, Provenance provenance) {

    /** Reads a metrics.json; the error names the file. */
    public static ExperimentResult read(Path file) {
        try {
            return ExperimentRunner.json().readValue(file.toFile(), ExperimentResult.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read experiment result " + file + ": " + e.getMessage(), e);
        }
    }
}
