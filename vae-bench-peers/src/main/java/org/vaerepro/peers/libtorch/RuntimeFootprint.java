package org.vaerepro.peers.libtorch;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.util.Locale;
import org.nd4j.linalg.factory.Nd4j;
import org.vaerepro.bench.ResidentMemory;

/**
 * The resident set of a JVM with one engine initialised and one tiny op run, nothing read or built: what each side's
 * peak carries before its model and data (docs/benchmarks.md, Memory). Usage: {@code RuntimeFootprint nd4j|libtorch}.
 */
public final class RuntimeFootprint {
    private RuntimeFootprint() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 1 || !(args[0].equals("nd4j") || args[0].equals("libtorch"))) {
            throw new IllegalArgumentException("usage: RuntimeFootprint nd4j|libtorch");
        }
        if (args[0].equals("nd4j")) {
            Nd4j.create(new float[] {1, 2}, new long[] {2}).addi(1);
        } else {
            try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
                manager.create(new float[] {1, 2}).add(1);
            }
        }
        System.gc();
        Thread.sleep(500);
        ResidentMemory memory = ResidentMemory.now();
        System.out.printf(Locale.ROOT, "%s\trss_mib\t%d\tpeak_rss_mib\t%d%n", args[0], memory.currentBytes() >> 20,
                memory.peakBytes() >> 20);
    }
}
