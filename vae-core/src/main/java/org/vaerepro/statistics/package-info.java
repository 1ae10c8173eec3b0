/**
 * <b>API: statistics over seeds.</b> {@link org.vaerepro.statistics.SampleSummary}: mean, sample standard
 * deviation and a Student-t confidence interval of a metric over independent runs. Uses Apache Commons
 * Statistics for the t quantiles; depends on no other package of the project but {@code io}.
 */
package org.vaerepro.statistics;
