/**
 * <b>API: judging results.</b> Every tolerance in one place ({@link org.vaerepro.regression.Tolerances}),
 * the published-table rule ({@link org.vaerepro.regression.PublishedTableRule}), the bottleneck claim
 * ({@link org.vaerepro.regression.BottleneckTrend}), and a suite's committed
 * {@link org.vaerepro.regression.Baseline}: recorded, read (with a fallback for version 1 files) and
 * checked by {@link org.vaerepro.regression.BaselineFile} and {@link org.vaerepro.regression.BaselineCheck}.
 * Used by {@code report}, {@code session} and the reproduction tests.
 */
package org.vaerepro.regression;
