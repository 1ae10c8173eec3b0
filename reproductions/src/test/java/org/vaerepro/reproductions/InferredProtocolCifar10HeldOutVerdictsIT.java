package org.vaerepro.reproductions;

import org.vaerepro.junit.ReproducibilityGate;
import org.vaerepro.junit.ReproducibilityGateTests;

/**
 * The committed `inferred-protocol-cifar10-held-out` results (no training): the held-out confirmation of the CIFAR-10
 * reading selected on seeds 1-2 and test images 0-4,999 (issue #36) keeps the verdict of every published cell and
 * claim step in `baselines/inferred-protocol-cifar10-held-out.verdicts.json`, and every run its baseline values, in
 * every `mvn verify`.
 */
@ReproducibilityGate(suite = "suites/inferred-protocol-cifar10-held-out.json", outputDirectory = "results")
class InferredProtocolCifar10HeldOutVerdictsIT implements ReproducibilityGateTests {
}
