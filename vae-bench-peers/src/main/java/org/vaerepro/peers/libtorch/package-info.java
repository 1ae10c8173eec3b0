/**
 * <b>Internal: a benchmark peer</b>, the project's three architectures written on libtorch 2.7.1 through DJL's
 * PyTorch engine, as a JVM user of PyTorch would write them, run by
 * {@code mvn -pl vae-bench-peers -Plibtorch exec:exec@bench-libtorch} and {@code reproductions/bench/models-vs-peer.sh}
 * (docs/benchmarks.md). {@link org.vaerepro.peers.libtorch.PeerParameters} names the parameters and their shapes
 * (checked against vae-core's models); {@link org.vaerepro.peers.libtorch.LibtorchModel} computes with them;
 * {@link org.vaerepro.peers.libtorch.LibtorchThroughputPeer} follows ModelThroughputBenchmark's protocol. Not an API.
 */
package org.vaerepro.peers.libtorch;
