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
 * Measured on the benchmark (exec:exec@bench-models, 1 thread, 6 models x 90 steps, 2026-12-03): a collection
 * every 4 steps, as before the replay (when a step allocated all its arrays anew), spent 6.2-7.7 s in 136 full
 * collections of 40-70 ms each, about 8% of the training time; this schedule spends 0.9-1.4 s, and the
 * peak resident set of each row was the same or lower (500-651 MB against 516-739 MB). Without the collection
 * before training the rows grew from model to model (CIFAR-10 rows 792-805 MB).
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
