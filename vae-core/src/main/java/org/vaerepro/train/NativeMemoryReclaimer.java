package org.vaerepro.train;

/**
 * Asks the JVM for a collection every few training steps. ND4J frees an array's native buffer only when
 * the JVM collects the array object; a training step allocates tens of megabytes of short-lived native
 * buffers but almost no heap, so the heap alone seldom triggers a collection. The resident set then
 * climbs to JavaCPP's cap, where allocations stall in forced collections. Collecting every 4 steps made the
 * benchmark both faster and smaller (README, "Engine notes", gives the measurements).
 */
final class NativeMemoryReclaimer {
    private static final int STEPS_BETWEEN_COLLECTIONS = 4;
    private int steps;

    void afterStep() {
        if (++steps == STEPS_BETWEEN_COLLECTIONS) {
            steps = 0;
            System.gc();
        }
    }
}
