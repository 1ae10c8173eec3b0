/**
 * <b>API: the results page.</b> {@link org.vaerepro.report.ResultsPage} renders a suite's results
 * ({@code experiment.SuiteResults}) and what {@code regression.SuiteJudgement} judged of them, with the Freemarker
 * templates {@code results.ftlh} (the page), {@code summary.ftlh} (the site's summary) and their shared
 * {@code verdicts.ftlh}, as a self-contained page or a copy for a Maven site;
 * {@link org.vaerepro.report.ResultGroup}, {@link org.vaerepro.report.ResultRow},
 * {@link org.vaerepro.report.ResultSummary} and {@link org.vaerepro.report.LearningCurves} are its model. It judges
 * nothing: verdicts, claims and comparisons come from {@code regression}.
 */
package org.vaerepro.report;
