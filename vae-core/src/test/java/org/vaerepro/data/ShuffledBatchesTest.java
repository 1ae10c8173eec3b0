package org.vaerepro.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShuffledBatchesTest {
    @Test
    void sameSeedAndEpochGiveSameOrderAndEveryIndexOnce() {
        ShuffledBatches a = new ShuffledBatches(1000, 128, 42, 3);
        ShuffledBatches b = new ShuffledBatches(1000, 128, 42, 3);
        assertEquals(8, a.count());
        int[] all = IntStream.range(0, a.count()).flatMap(i -> Arrays.stream(a.indices(i))).toArray();
        assertArrayEquals(all, IntStream.range(0, b.count()).flatMap(i -> Arrays.stream(b.indices(i))).toArray());
        assertArrayEquals(IntStream.range(0, 1000).toArray(), Arrays.stream(all).sorted().toArray());
        assertEquals(1000 - 7 * 128, a.indices(7).length);
    }

    @Test
    void epochsAndSeedsDiffer() {
        int[] e0 = new ShuffledBatches(1000, 1000, 42, 0).indices(0);
        assertFalse(Arrays.equals(e0, new ShuffledBatches(1000, 1000, 42, 1).indices(0)));
        assertFalse(Arrays.equals(e0, new ShuffledBatches(1000, 1000, 43, 0).indices(0)));
    }
}
