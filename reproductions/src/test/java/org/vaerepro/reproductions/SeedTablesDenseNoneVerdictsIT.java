package org.vaerepro.reproductions;

import org.vaerepro.junit.ReproducibilityGate;
import org.vaerepro.junit.ReproducibilityGateTests;

/**
 * The committed `seed-tables-dense-none` results (no training): every published cell and claim step keeps the verdict in
 * `baselines/seed-tables-dense-none.verdicts.json`, and every run its baseline values, a regression of verdicts in every
 * `mvn verify`.
 */
@ReproducibilityGate(suite = "suites/seed-tables-dense-none.json", outputDirectory = "results")
class SeedTablesDenseNoneVerdictsIT implements ReproducibilityGateTests {
}
