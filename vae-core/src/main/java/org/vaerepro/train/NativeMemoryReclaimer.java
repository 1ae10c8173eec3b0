package org.vaerepro.train;

/**
 * Asks the JVM for collections where training leaves native memory behind that only a collection frees. ND4J
 * frees an array's native buffer only when the JVM collects the array object, and little heap is allocated
 * alongside, so the heap alone seldom triggers the collection that would find it:
 * <ul>
 * <li>before training: a model that went out of use (the previous run's, in a worker or the benchmark) sits in the
 * old generation with its replays' arrays (about 50-150 MB) until a full collection, and without one the new
 * model's arrays, recorded at its first step, come on top of them;
 * <li>after a step whose batch size differs from the step before (the first step, an epoch's smaller last batch and
 * the full batch after it): such a step may have run SameDiff's session to record the replay for that size, and the
 * session's arrays (every activation and gradient of the graph, some 100-200 MB on CIFAR-10) are garbage from then
 * on, but without a collection the replayed steps run beside them until the next one;
 * <li>every {@value #STEPS_BETWEEN_COLLECTIONS} steps: a replayed step allocates only its batch and noise
 * (0.4 MB on MNIST, 1.6 MB on CIFAR-10 at batch 128), so this bounds them to about 25-100 MB.
 * </ul>
 * The README ("Engine notes") gives the measurements behind the schedule.
 */
final class NativeMemoryReclaimer {
    private static final int STEPS_BETWEEN_COLLECTIONS = 64;
    private int steps;
    private long lastBatchSize = -1;

    void beforeTraining() {
        System.gc();
    }

    void afterStep(long batchSize) {
        boolean newSize = batchSize != lastBatchSize;
        lastBatchSize = batchSize;
        if (++steps == STEPS_BETWEEN_COLLECTIONS || newSize) {
            steps = 0;
            System.gc();
        }
    }
}
