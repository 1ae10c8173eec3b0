/**
 * <b>API: the reproducibility gate in a user's own JUnit 5 build.</b> {@link org.vaerepro.junit.ReproducibilityGate}
 * on a test class that implements {@link org.vaerepro.junit.ReproducibilityGateTests}; the class's
 * {@link org.vaerepro.junit.GateTests} are the gate's checks as dynamic tests. Internal:
 * {@code ReproducibilityGateExtension} (the parameter resolver the annotation registers) and {@code GateSettings}
 * (placeholder resolution). It asserts what {@code SuiteSession.judge} wrote to judgement.json and judges nothing.
 */
package org.vaerepro.junit;
