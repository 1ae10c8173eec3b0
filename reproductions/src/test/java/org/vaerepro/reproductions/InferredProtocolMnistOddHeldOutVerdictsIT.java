package org.vaerepro.reproductions;

import org.vaerepro.junit.ReproducibilityGate;
import org.vaerepro.junit.ReproducibilityGateTests;

/**
 * The committed `inferred-protocol-mnist-odd-held-out` results (no training): the confirmation on the odd-numbered
 * MNIST test images of the reading selected on the even-numbered ones (issue #36) keeps the verdict of every
 * published cell and claim step in `baselines/inferred-protocol-mnist-odd-held-out.verdicts.json`, and every run its
 * baseline values, in every `mvn verify`.
 */
@ReproducibilityGate(suite = "suites/inferred-protocol-mnist-odd-held-out.json", outputDirectory = "results")
class InferredProtocolMnistOddHeldOutVerdictsIT implements ReproducibilityGateTests {
}
