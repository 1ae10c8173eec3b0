package org.vaerepro.reproductions;

import org.vaerepro.junit.ReproducibilityGate;
import org.vaerepro.junit.ReproducibilityGateTests;

/**
 * The committed `inferred-protocol` results (no training): every published cell and claim step keeps the verdict in
 * `baselines/inferred-protocol.verdicts.json`, and every run its baseline values, a regression of verdicts in every
 * `mvn verify`.
 */
@ReproducibilityGate(suite = "suites/inferred-protocol.json", outputDirectory = "results")
class InferredProtocolVerdictsIT implements ReproducibilityGateTests {
}
