/**
 * <b>API: the results page.</b> {@link org.vaerepro.report.ResultsPage} renders a suite's measured results
 * with the Freemarker template {@code results.ftlh}, as a self-contained page or a copy for a Maven site;
 * {@link org.vaerepro.report.ResultGroup} and {@link org.vaerepro.report.ResultRow} are its model, and
 * {@link org.vaerepro.report.SuiteComparison} its table against the suite a suite names in {@code comparedWith}.
 * Judging (tolerances, rules, claims) comes from {@code regression}.
 */
package org.vaerepro.report;
