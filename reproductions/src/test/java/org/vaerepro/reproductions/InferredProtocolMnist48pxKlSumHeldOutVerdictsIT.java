package org.vaerepro.reproductions;

import org.vaerepro.junit.ReproducibilityGate;
import org.vaerepro.junit.ReproducibilityGateTests;

/**
 * The committed `inferred-protocol-mnist-48px-kl-sum-held-out` results (no training): the held-out confirmation of
 * the MNIST 48 px reading with the KL term summed (issue #36) keeps the verdict of every published cell and claim
 * step in `baselines/inferred-protocol-mnist-48px-kl-sum-held-out.verdicts.json`, and every run its baseline values,
 * in every `mvn verify`.
 */
@ReproducibilityGate(suite = "suites/inferred-protocol-mnist-48px-kl-sum-held-out.json", outputDirectory = "results")
class InferredProtocolMnist48pxKlSumHeldOutVerdictsIT implements ReproducibilityGateTests {
}
