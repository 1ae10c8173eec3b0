package org.vaerepro.report;

import java.util.List;

/** One table of the page: an architecture on a dataset, rows ordered by bottleneck size. */
public record ResultGroup(String architecture, String dataset, List<ResultRow> rows) {
}
