package org.vaerepro.regression;

import java.util.List;
import org.vaerepro.experiment.CellRequirement;
import org.vaerepro.experiment.ReportedValues;
import org.vaerepro.statistics.SampleSummary;

/**
 * One experiment's row as judged, laid out like the source's tables (architecture, dataset, d): its current runs
 * ({@code seedsMeasured} of the {@code seeds} declared, of which {@code atEpochLimit} ended at the maximum number of
 * epochs before early stopping did, so not converged), PSNR and LPIPS over them (mean and 95% Student-t interval;
 * null while no run is current), and, when a publication reports values for it, each metric's verdict
 * ({@code psnrVerdict}, {@code lpipsVerdict}; null while no run is current, so a cell whose runs are being redone
 * stays in the table, marked, instead of vanishing).
 */
public record ExperimentRow(String architecture, String dataset, int latentDim, String id, int seedsMeasured, int seeds,
        int atEpochLimit, SampleSummary psnr, SampleSummary lpips, ReportedValues reported, CellVerdict psnrVerdict,
        CellVerdict lpipsVerdict, SampleSummary ssim, SampleSummary knnAccuracy, SampleSummary linearProbeAccuracy,
        SampleSummary silhouette) {

    public boolean measured() {
        return psnr != null;
    }

    public boolean published() {
        return reported != null;
    }

    /** Every declared seed has a current result: the row is over all of them. */
    public boolean complete() {
        return seedsMeasured == seeds;
    }

    /** The verdicts of its published cells; empty when it reports nothing or nothing is measured. */
    public List<CellVerdict> verdicts() {
        return psnrVerdict == null ? List.of() : List.of(psnrVerdict, lpipsVerdict);
    }

    /**
     * The cells whose verdict falls short of what the suite requires: a miss always; with
     * {@link CellRequirement#MATCHES}, anything but a match (beating a published value is not reproducing it).
     */
    public List<CellVerdict> failing(CellRequirement required) {
        return verdicts().stream().filter(cell -> cell.verdict() == PublishedVerdict.MISSES
                || (required == CellRequirement.MATCHES && cell.verdict() != PublishedVerdict.MATCHES)).toList();
    }

    /** "cifar-vae-d256 (3 of 3 seeds): PSNR ...: beats; LPIPS ...: misses (1 of 3 runs at the epoch limit, not converged)". */
    public String describe() {
        String seedsRun = " (" + seedsMeasured + " of " + seeds + " seeds)";
        if (!measured()) {
            return id + seedsRun + ": no run measured under the suite's current spec";
        }
        String cells = psnrVerdict == null ? "PSNR " + psnr.describe("%.3f") + "; LPIPS " + lpips.describe("%.4f")
                : psnrVerdict.describe() + "; " + lpipsVerdict.describe();
        return id + seedsRun + ": " + cells + (atEpochLimit > 0 ? " (" + atEpochLimit + " of " + seedsMeasured
                + " runs at the epoch limit, not converged)" : "");
    }
}
