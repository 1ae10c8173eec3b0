package org.vaerepro.report;

import org.vaerepro.regression.CellVerdict;

/**
 * One row of the page's leading table, laid out like the source's tables: an experiment with published
 * values (architecture, dataset, d) and each metric's verdict over its measured seeds, of which
 * {@code atEpochLimit} ended at the maximum number of epochs before early stopping did (not converged).
 * {@code psnr} and {@code lpips} are null while no seed is measured under the suite's current spec, so a cell
 * whose runs are being redone under a new protocol stays in the table, marked, instead of vanishing.
 */
public record VerdictRow(String architecture, String dataset, int latentDim, String id, int seedsMeasured, int seeds,
        int atEpochLimit, CellVerdict psnr, CellVerdict lpips) {

    public boolean measured() {
        return psnr != null;
    }
}
