package org.vaerepro.reproductions;

import org.vaerepro.junit.ReproducibilityGate;
import org.vaerepro.junit.ReproducibilityGateTests;

/**
 * The suite this build trained (the POM's {@code vae.suite}: {@code ci} under {@code mvn verify}, {@code seed-tables}
 * under {@code -Preproduce}), held to its baseline and, over every seed, to its verdict record: the gate as a user's
 * build runs it, through the vae-junit artifact.
 */
@ReproducibilityGate(suite = "${vae.suite:suites/ci.json}", outputDirectory = "${vae.outputDirectory:target/vae}",
        firstSeeds = "${vae.firstSeeds:1}")
class TrainedSuiteGateIT implements ReproducibilityGateTests {
}
