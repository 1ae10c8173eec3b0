/**
 * <b>API: judging results, in one place.</b> {@link org.vaerepro.regression.SuiteJudgement} computes everything
 * judged about a suite's current results: each published cell's verdict with the suite's margins
 * ({@link org.vaerepro.regression.PublishedTableRule}), the source's bottleneck claim per
 * {@link org.vaerepro.regression.ClaimColumn} (Welch steps and their family-wise verdicts,
 * {@link org.vaerepro.regression.BottleneckClaim}; a {@link org.vaerepro.regression.BottleneckTrend} describes
 * columns the claim cannot be tested on), and {@link org.vaerepro.regression.SuiteComparison} against another
 * suite (its {@code comparedWith}, or any suite file with its own output folder: seed by seed, Welch and paired).
 * Analyses of a suite's current runs that scripts print: {@link org.vaerepro.regression.StoppingRuleStudy} (did the
 * runs train long enough; early-stopping rules simulated on their fitted curves) and
 * {@link org.vaerepro.regression.PeerCurveComparison} (validation curves against an independent implementation's). A suite's committed {@link org.vaerepro.regression.Baseline} is recorded, read (with fallbacks for older
 * versions) and checked by {@link org.vaerepro.regression.BaselineFile} and
 * {@link org.vaerepro.regression.BaselineCheck}, with the gate's {@link org.vaerepro.regression.Tolerances}: each
 * deviation names its {@link org.vaerepro.regression.DeviationKind} (the end-of-training values, the early-step
 * trajectories held to {@link org.vaerepro.regression.TrajectoryWindows}, the reference models'
 * numbers held to {@link org.vaerepro.regression.ReferenceValue}s), a check an older baseline cannot support is a
 * {@link org.vaerepro.regression.SkippedCheck}, and {@link org.vaerepro.regression.GateCalibration} derives the exact
 * checks' windows from the spread measured across configurations. Internal: {@code TrajectoryCheck},
 * {@code ReferenceCheck}. No
 * class outside this package computes a verdict (ArchitectureTest); {@code report}, {@code session} and the
 * reproduction tests render or assert what it computes.
 */
package org.vaerepro.regression;
