/**
 * <b>API: where a result came from.</b> One nested, versioned-with-its-file record,
 * {@link org.vaerepro.provenance.Provenance}: data (names, image counts, SHA-256), training (spec, seed,
 * epochs, steps, seconds), environment (ND4J backend and device read from ND4J at run time, threads,
 * JVM, OS, CPU) and source (git commit and whether the tree was dirty, recorded at build time). Every
 * file the project writes carries one. Depends on nothing of the project but ND4J's environment.
 */
package org.vaerepro.provenance;
