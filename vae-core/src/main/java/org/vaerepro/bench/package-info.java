/**
 * <b>Internal: benchmark and estimate programs</b>, run by {@code mvn -pl vae-core exec:exec@bench-models},
 * {@code exec:exec@bench-lpips} (docs/benchmarks.md) and {@code exec:exec@estimate-jpeg} (reproductions/README.md).
 * Not a library API; nothing in vae-core uses them.
 */
package org.vaerepro.bench;
