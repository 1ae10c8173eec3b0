package org.vaerepro.report;

import org.vaerepro.regression.CellVerdict;

/**
 * One row of the page's leading table, laid out like the source's tables: an experiment with published
 * values (architecture, dataset, d) and each metric's verdict over its measured seeds.
 */
public record VerdictRow(String architecture, String dataset, int latentDim, String id, int seedsMeasured, int seeds,
        CellVerdict psnr, CellVerdict lpips) {
}
