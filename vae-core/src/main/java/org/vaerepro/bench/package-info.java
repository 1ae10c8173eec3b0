/**
 * <b>Internal: benchmark programs</b>, run by {@code mvn -pl vae-core exec:exec@bench-models} and
 * {@code exec:exec@bench-lpips} (docs/benchmarks.md). Not a library API; nothing in vae-core uses them.
 */
package org.vaerepro.bench;
