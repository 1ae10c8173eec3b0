/**
 * <b>Internal: the reproducibility gate.</b> JUnit tests (run by failsafe after the bound
 * {@code vae:reproduce}) that read the suite this build ran ({@code MeasuredSuite}) and hold it to its
 * committed baseline ({@code BaselineRegressionIT}) and, with {@code -Preproduce}, to the published table
 * ({@code ReportedTableIT}) and the source's bottleneck claim ({@code BottleneckClaimIT}).
 */
package org.vaerepro.reproductions;
