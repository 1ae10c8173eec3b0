/**
 * <b>API: statistics over seeds.</b> {@link org.vaerepro.statistics.SampleSummary}: mean, sample standard
 * deviation and a Student-t confidence interval of a metric over independent runs;
 * {@link org.vaerepro.statistics.WelchTest}: two samples compared without assuming equal variances;
 * {@link org.vaerepro.statistics.HolmAdjustment}: p-values of a family of tests adjusted for their number;
 * {@link org.vaerepro.statistics.PairedTest}: the same units (seeds) measured twice;
 * {@link org.vaerepro.statistics.PowerLawFit}: a decaying curve's least-squares fit and its residual scatter;
 * {@link org.vaerepro.statistics.Percentile}: a sample's percentiles. Uses Apache Commons Statistics for the t
 * quantiles and Apache Commons Math for the least-squares fit and percentiles; depends on no other package of the
 * project but {@code io}.
 */
package org.vaerepro.statistics;
