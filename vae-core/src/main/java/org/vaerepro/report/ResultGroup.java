package org.vaerepro.report;

import java.util.List;
import org.vaerepro.regression.ClaimColumn;

/**
 * One table of the page: a {@link ClaimColumn} (an architecture on a dataset, its experiments by bottleneck size,
 * its verdicts and claim as judged), with one row per run, one summary per multi-seed experiment over its current
 * runs, and the learning-curve pictures of each experiment with a current run.
 */
public record ResultGroup(ClaimColumn column, List<ResultRow> rows, List<ResultSummary> summaries,
        List<LearningCurves> curves) {
}
