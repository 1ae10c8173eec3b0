/**
 * <b>Internal: a benchmark probe</b> of one lever for the decoder's transposed convolutions (issue #37): oneDNN called
 * directly through JavaCPP's {@code dnnl} presets instead of through libnd4j's deconv2d. Run by
 * {@code mvn -pl vae-bench-peers -Pdnnl exec:exec@bench-dnnl-deconvolution} (docs/benchmarks.md). Not an API.
 */
package org.vaerepro.peers.onednn;
