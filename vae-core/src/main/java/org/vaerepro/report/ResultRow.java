package org.vaerepro.report;

import java.util.Map;
import org.vaerepro.experiment.ExperimentMetrics;
import org.vaerepro.provenance.Provenance;
import org.vaerepro.experiment.ReportedValues;

/**
 * One experiment as the results page shows it. {@code metrics}, {@code provenance} and the deltas are
 * null when the experiment has not been run; {@code reported} and the deltas when no publication value
 * exists. {@code images} maps picture names to paths relative to the page.
 */
public record ResultRow(String id, int latentDim, String status, ExperimentMetrics metrics, Provenance provenance,
        Integer epochs, Map<String, String> images, ReportedValues reported, Double psnrDelta, Double lpipsDelta,
        Boolean pass, String lpipsSmallImages) {

    public boolean measured() {
        return metrics != null;
    }
}
