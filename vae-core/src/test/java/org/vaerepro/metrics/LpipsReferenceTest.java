package org.vaerepro.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaerepro.SharedData;

/** Every value the reference PyTorch implementation produced (../shared/weights/lpips-reference.npz), to 1e-5. */
class LpipsReferenceTest {
    static final double TOLERANCE = 1e-5;
    static Lpips lpips;
    static Map<String, INDArray> reference;

    @BeforeAll
    static void load() throws Exception {
        lpips = Lpips.load(SharedData.lpipsWeights());
        reference = Nd4j.createFromNpzFile(SharedData.weightsDir().resolve("lpips-reference.npz").toFile());
    }

    @Test
    void exampleImagesOfTheReferenceRepository() {
        double[] got = check("ex");
        assertEquals(0.77962, got[0], 1e-5);
        assertEquals(0.09134, got[1], 1e-5);
    }

    @Test
    void cifarNoisyAndBlurredCopies() {
        check("c32");
    }

    @Test
    void randomImages32And64() {
        check("r32");
        check("r64");
    }

    @Test
    void pairsAreIndependentOfTheirBatchAndReuseOfItsMemory() {
        // Batches of different sizes in a row through the reused workspace: each pair's value stays the same.
        INDArray a = reference.get("c32_a");
        INDArray b = reference.get("c32_b");
        double[] whole = lpips.distances(a, b, SmallImagePolicy.RESIZE);
        for (int i = 0; i < whole.length; i++) {
            double[] single = lpips.distances(a.get(point(i), all(), all(), all()).reshape(1, 3, 32, 32),
                    b.get(point(i), all(), all(), all()).reshape(1, 3, 32, 32), SmallImagePolicy.RESIZE);
            assertEquals(whole[i], single[0], 1e-6, "pair " + i);
        }
        assertArrayEquals(whole, lpips.distances(a, b, SmallImagePolicy.RESIZE));
    }

    @Test
    void imageAgainstItselfIsZero() {
        INDArray a = reference.get("c32_a");
        for (double d : lpips.distances(a, a, SmallImagePolicy.RESIZE)) {
            assertEquals(0.0, d, 1e-7);
        }
        assertEquals(0.0, reference.get("same_lpips").getDouble(0), 0.0);
    }

    @Test
    void greyAndSmallImagesAreHandledPerPolicy() {
        INDArray grey = Nd4j.rand(DataType.FLOAT, 2, 1, 28, 28);
        INDArray other = Nd4j.rand(DataType.FLOAT, 2, 1, 28, 28);
        double resized = lpips.distances(grey, other, SmallImagePolicy.RESIZE)[0];
        double padded = lpips.distances(grey, other, SmallImagePolicy.PAD)[0];
        assertTrue(resized > 0 && padded > 0);
        assertTrue(Math.abs(resized - padded) > 1e-4, "the policy must change the value");
        // Grey is the same as an explicit RGB repeat.
        INDArray rgb = Nd4j.concat(1, grey, grey, grey);
        INDArray rgbOther = Nd4j.concat(1, other, other, other);
        assertEquals(resized, lpips.distances(rgb, rgbOther, SmallImagePolicy.RESIZE)[0], 1e-6);
    }

    @Test
    void missingWeightsNameThePath() {
        Path nowhere = Path.of("/nonexistent/lpips.npz");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Lpips.load(nowhere));
        assertTrue(e.getMessage().contains("/nonexistent/lpips.npz"));
        assertTrue(e.getMessage().contains("setting 'lpipsWeights'"));
    }

    private static double[] check(String prefix) {
        INDArray a = reference.get(prefix + "_a");
        INDArray b = reference.get(prefix + "_b");
        double[] expected = reference.get(prefix + "_lpips").castTo(DataType.DOUBLE).data().asDouble();
        double[] got = lpips.distances(a, b, SmallImagePolicy.RESIZE);
        assertEquals(expected.length, got.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], got[i], TOLERANCE, prefix + " pair " + i);
        }
        return got;
    }
}
