package com.example.results;

import org.vaerepro.junit.ReproducibilityGate;
import org.vaerepro.junit.ReproducibilityGateTests;

/** Our published table and baseline, held in every build: one test per run, baseline window and published cell. */
@ReproducibilityGate(suite = "${vae.suite:suites/mine.json}", baseline = "${vae.baselineFile:baselines/mine.json}")
class ResultsGateIT implements ReproducibilityGateTests {
}
