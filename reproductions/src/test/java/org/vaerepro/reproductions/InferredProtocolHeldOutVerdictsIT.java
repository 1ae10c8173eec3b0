package org.vaerepro.reproductions;

import org.vaerepro.junit.ReproducibilityGate;
import org.vaerepro.junit.ReproducibilityGateTests;

/**
 * The committed `inferred-protocol-held-out` results (no training): the held-out confirmation of issue #36 keeps the
 * verdict of every published cell and claim step in `baselines/inferred-protocol-held-out.verdicts.json`, and every
 * run its baseline values, in every `mvn verify`.
 */
@ReproducibilityGate(suite = "suites/inferred-protocol-held-out.json", outputDirectory = "results")
class InferredProtocolHeldOutVerdictsIT implements ReproducibilityGateTests {
}
