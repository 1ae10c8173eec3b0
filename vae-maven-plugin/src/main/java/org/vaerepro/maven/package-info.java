/**
 * <b>The Maven front end.</b> Goals {@code vae:train}, {@code vae:evaluate}, {@code vae:report},
 * {@code vae:reproduce}, {@code vae:baseline}, {@code vae:check}, the {@code vae:site-report}, and for analyses and
 * scripts {@code vae:compare}, {@code vae:compare-peer}, {@code vae:stopping-rule} and {@code vae:export}: each hands
 * its parameters (one per declared {@code settings.Setting}, as {@link org.vaerepro.maven.GoalParameters}) to
 * {@code session.SessionSettings} and calls one step of {@code session.SuiteSession}, with ND4J's console noise off
 * ({@link org.vaerepro.maven.Nd4jLogging}). Maven's words (goal names, {@code -D} properties, {@code mvn} commands)
 * live here only, in {@link org.vaerepro.maven.MavenHints}.
 * Internal: nothing here is meant to be called from code.
 */
package org.vaerepro.maven;
