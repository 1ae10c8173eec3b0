package org.vaerepro.report;

import java.util.List;
import org.vaerepro.regression.ClaimColumn;
import org.vaerepro.regression.ExperimentRow;

/**
 * One table of the page: a {@link ClaimColumn} (an architecture on a dataset, its experiments by bottleneck size,
 * its verdicts and claim as judged), with one row per run, the judged row of each multi-seed experiment with a
 * current run (its summaries over seeds), and the learning-curve pictures of each experiment with a current run.
 */
public record ResultGroup(ClaimColumn column, List<ResultRow> rows, List<ExperimentRow> summaries,
        List<LearningCurves> curves) {
}
