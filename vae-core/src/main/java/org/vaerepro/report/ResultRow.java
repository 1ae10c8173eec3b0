package org.vaerepro.report;

import java.util.List;
import java.util.Map;
import org.vaerepro.experiment.ExperimentMetrics;
import org.vaerepro.experiment.ReportedValues;
import org.vaerepro.provenance.Provenance;
import org.vaerepro.train.Convergence;
import org.vaerepro.train.EpochReport;

/**
 * One run as the results page shows it ({@code id} is the experiment's, or {@code <id>/seed-<n>}), from its
 * {@link org.vaerepro.experiment.RunStatus}: {@code status} says where it stands ("current", "not run", or why it
 * is not current). {@code metrics}, {@code provenance} and the deltas are null when no result is there;
 * {@code reported} and the deltas when no publication value exists. {@code stale}: the result shown was measured
 * under another spec than the suite declares now (shown, marked, but left out of every summary and verdict).
 * {@code images} maps picture names to paths relative to the page; {@code history} is the per-epoch record;
 * {@code atEpochLimit} whether training ended at its maximum epochs before early stopping did.
 */
public record ResultRow(String id, int latentDim, String status, boolean stale, ExperimentMetrics metrics,
        Provenance provenance, Integer epochs, Map<String, String> images, ReportedValues reported, Double psnrDelta,
        Double lpipsDelta, String lpipsSmallImages, List<EpochReport> history, Convergence convergence,
        boolean atEpochLimit) {

    public ResultRow {
        history = history == null ? List.of() : List.copyOf(history);
    }

    public boolean measured() {
        return metrics != null;
    }

    /** Measured with the spec the suite declares now: what summaries and curves use. */
    public boolean current() {
        return measured() && !stale;
    }
}
