package org.vaerepro.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The n slices of a suite partition it exactly: every experiment in exactly one slice, sizes within one. */
class ShardTest {
    @Test
    void slicesPartitionTheRunsExactly() {
        for (int size : List.of(0, 1, 7, 15, 16)) {
            List<Integer> runs = IntStream.range(0, size).boxed().toList();
            for (int n = 1; n <= 6; n++) {
                List<Integer> union = new ArrayList<>();
                Set<Integer> sizes = new HashSet<>();
                for (int i = 0; i < n; i++) {
                    List<Integer> slice = new Shard(i, n).slice(runs);
                    assertEquals(slice, new Shard(i, n).slice(runs), "deterministic");
                    union.addAll(slice);
                    sizes.add(slice.size());
                }
                assertEquals(size, union.size(), "no run twice, size " + size + " n " + n);
                assertEquals(new HashSet<>(runs), new HashSet<>(union), "every run once, size " + size + " n " + n);
                assertTrue(sizes.stream().mapToInt(Integer::intValue).max().orElse(0)
                        - sizes.stream().mapToInt(Integer::intValue).min().orElse(0) <= 1, sizes.toString());
            }
        }
        assertEquals(List.of("b", "e"), new Shard(1, 3).slice(List.of("a", "b", "c", "d", "e", "f", "g")).subList(0, 2));
    }

    @Test
    void theTextFormIsCheckedWithTheSettingNamed() {
        assertEquals(new Shard(2, 4), Shard.parse("2/4"));
        assertEquals(new Shard(0, 1), Shard.parse(" 0 / 1 "));
        for (String bad : List.of("4/4", "1/0", "-1/3", "1", "a/b", "1/2/3")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shard.parse(bad), bad);
            assertTrue(e.getMessage().contains("setting 'shard'"), e.getMessage());
        }
    }
}
