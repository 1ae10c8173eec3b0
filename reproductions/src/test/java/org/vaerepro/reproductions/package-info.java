/**
 * <b>Internal: this repository's use of its own gate.</b> Test classes annotated with vae-junit's
 * {@code @ReproducibilityGate}, as a user's build would write them: the suite the build trains, and the committed
 * suites whose published verdicts are held to their verdict records. No checking code lives here.
 */
package org.vaerepro.reproductions;
