package org.vaerepro.reproductions;

import org.vaerepro.junit.ReproducibilityGate;
import org.vaerepro.junit.ReproducibilityGateTests;

/**
 * The committed `seed-tables` results (no training): every published cell and claim step keeps the verdict in
 * `baselines/seed-tables.verdicts.json`, and every run its baseline values, a regression of verdicts in every
 * `mvn verify`.
 */
@ReproducibilityGate(suite = "suites/seed-tables.json", outputDirectory = "results")
class SeedTablesVerdictsIT implements ReproducibilityGateTests {
}
