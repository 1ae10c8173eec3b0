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
 * {@code atEpochLimit} whether training ended at its maximum epochs before early stopping did; {@code stale}
 * whether the metrics were measured under another spec than the suite declares now (shown, with a mark, but
 * left out of every summary: a suite whose protocol changed while its runs are redone would otherwise average
 * runs of both protocols into one cell).
 */
public record ResultRow(String id, int latentDim, String status, boolean stale, ExperimentMetrics metrics, Provenance provenance,
        Integer epochs, Map<String, String> images, ReportedValues reported, Double psnrDelta, Double lpipsDelta,
        Boolean pass, String lpipsSmallImages, List<EpochReport> history, Convergence convergence, boolean atEpochLimit) {

    public ResultRow {
        history = history == null ? List.of() : List.copyOf(history);
    }

    public boolean measured() {
        return metrics != null;
    }

    /** Measured with the spec the suite declares now: what summaries, verdicts, curves and the claim use. */
    public boolean current() {
        return measured() && !stale;
    }
}
