package org.vaerepro.train;

/**
 * Asks the JVM for collections where training leaves native memory behind that only a collection frees. ND4J
 * frees an array's native buffer only when the JVM collects the array object, and little heap is allocated
 * alongside, so the heap alone seldom triggers the collection that would find it:
 * <ul>
 * <li>before training: a model that went out of use (the previous run's, in a worker or the benchmark) sits in the
 * old generation with its replays' arrays (about 50-150 MB) until a full collection, and without one the new
 * model's arrays, recorded at its first step, come on top of them;
 * <li>every {@value #STEPS_BETWEEN_COLLECTIONS} steps: a replayed step allocates only its batch and noise
 * (0.4 MB on MNIST, 1.6 MB on CIFAR-10 at batch 128), so this bounds them to about 25-100 MB.
 * </ul>
 * The README ("Engine notes") gives the measurements behind the schedule.
 */
final class NativeMemoryReclaimer {
    private static final int STEPS_BETWEEN_COLLECTIONS = 64;
    private int steps;

    void beforeTraining() {
        System.gc();
    }

    void afterStep() {
        if (++steps == STEPS_BETWEEN_COLLECTIONS) {
            steps = 0;
            System.gc();
        }
    }
}
