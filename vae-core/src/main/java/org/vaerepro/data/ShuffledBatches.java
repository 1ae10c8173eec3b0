package org.vaerepro.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The order in which one epoch visits a dataset: a permutation determined only by (seed, epoch), so a
 * resumed run sees exactly the batches an uninterrupted run would have seen.
 */
public final class ShuffledBatches {
    private final int[] order;
    private final int batchSize;

    public ShuffledBatches(int datasetSize, int batchSize, long seed, int epoch) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        this.batchSize = batchSize;
        this.order = permutation(datasetSize, new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (epoch + 1))));
    }

    private static int[] permutation(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** Number of batches; the last may be smaller than the batch size. */
    public int count() {
        return (order.length + batchSize - 1) / batchSize;
    }

    /** Dataset indices of batch {@code b}. */
    public int[] indices(int b) {
        int from = b * batchSize;
        if (b < 0 || from >= order.length) {
            throw new IndexOutOfBoundsException("batch " + b + " of " + count());
        }
        return Arrays.copyOfRange(order, from, Math.min(order.length, from + batchSize));
    }
}
