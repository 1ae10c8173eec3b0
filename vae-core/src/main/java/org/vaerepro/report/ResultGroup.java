package org.vaerepro.report;

import java.util.List;
import org.vaerepro.regression.BottleneckTrend;

/**
 * One table of the page: an architecture on a dataset, rows ordered by bottleneck size, with the
 * source's claim "a larger bottleneck gives better PSNR and LPIPS" checked on the measured rows.
 */
public record ResultGroup(String architecture, String dataset, List<ResultRow> rows, BottleneckTrend trend) {
}
