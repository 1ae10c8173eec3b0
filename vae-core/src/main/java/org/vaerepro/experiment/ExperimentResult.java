package org.vaerepro.experiment;

import java.util.List;
import java.util.Map;
import org.vaerepro.train.EpochReport;

/** Everything {@code metrics.json} holds for one experiment: spec, metrics, training curve, pictures, provenance. */
public record ExperimentResult(String suite, ExperimentSpec spec, ExperimentMetrics metrics, List<EpochReport> training,
        Map<String, String> images, Provenance provenance) {
}
