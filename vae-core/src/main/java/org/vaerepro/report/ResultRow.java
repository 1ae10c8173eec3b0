package org.vaerepro.report;

import java.util.List;
import java.util.Map;
import org.vaerepro.train.Convergence;
import org.vaerepro.train.EpochReport;
import org.vaerepro.experiment.ExperimentMetrics;
import org.vaerepro.provenance.Provenance;
import org.vaerepro.experiment.ReportedValues;

/**
 * One run as the results page shows it ({@code id} is the experiment's, or {@code <id>/seed-<n>}).
 * {@code metrics}, {@code provenance} and the deltas are null when the run has not been measured;
 * {@code reported} and the deltas when no publication value exists. {@code images} maps picture names
 * to paths relative to the page; {@code history} is the per-epoch record (empty when not measured);
 * {@code atEpochLimit} whether training ended at its maximum epochs before early stopping did.
 */
public record ResultRow(String id, int latentDim, String status, ExperimentMetrics metrics, Provenance provenance,
        Integer epochs, Map<String, String> images, ReportedValues reported, Double psnrDelta, Double lpipsDelta,
        Boolean pass, String lpipsSmallImages, List<EpochReport> history, Convergence convergence, boolean atEpochLimit) {

    public ResultRow {
        history = history == null ? List.of() : List.copyOf(history);
    }

    public boolean measured() {
        return metrics != null;
    }
}
