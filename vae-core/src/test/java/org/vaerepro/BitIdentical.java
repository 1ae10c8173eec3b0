package org.vaerepro;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeSet;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Bit-for-bit comparison of arrays: data type, shape and the raw bytes of the buffers in C order.
 * {@code INDArray.equals} compares with a tolerance of 1e-5, which would let a resume that is merely
 * close pass as exact.
 */
public final class BitIdentical {
    private BitIdentical() {
    }

    public static void assertBitIdentical(INDArray expected, INDArray actual, String what) {
        assertEquals(expected.dataType(), actual.dataType(), what + ": data type");
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        assertArrayEquals(expected.dup('c').data().asBytes(), actual.dup('c').data().asBytes(),
                what + ": raw buffers differ");
    }

    public static void assertBitIdentical(Map<String, INDArray> expected, Map<String, INDArray> actual, String what) {
        assertEquals(new TreeSet<>(expected.keySet()), new TreeSet<>(actual.keySet()), what + ": array names");
        expected.forEach((name, value) -> assertBitIdentical(value, actual.get(name), what + " '" + name + "'"));
    }
}
