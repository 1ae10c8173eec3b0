package org.vaerepro.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaerepro.SharedData;
import org.vaerepro.data.Split;
import org.vaerepro.data.StandardDataset;
import org.vaerepro.io.Json;

/**
 * LPIPS's protocol variants (input scaling, small-image rules) and every resize against PyTorch on real
 * test images: lpips-variants-reference.json, written by src/bench/python/lpips_variants_reference.py from the
 * reference computation on the same weights (which that script first checks against lpips-reference.npz).
 */
class LpipsVariantsReferenceTest {
    private static Lpips lpips;
    private static JsonNode reference;

    @BeforeAll
    static void load() throws Exception {
        lpips = Lpips.load(SharedData.lpipsWeights());
        try (InputStream in = LpipsVariantsReferenceTest.class.getResourceAsStream("lpips-variants-reference.json")) {
            reference = Json.mapper().readTree(in);
        }
    }

    @Test
    void everyScalingAndSmallImageRuleMatchesPyTorchOnMnist() {
        INDArray test = SharedData.repository().load(StandardDataset.MNIST, Split.TEST).range(0, 5).images();
        INDArray a = test.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 4));
        INDArray next = test.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 5));
        INDArray first = Nd4j.concat(0, a, a);
        INDArray second = Nd4j.concat(0, next, rolledRight(a));
        for (LpipsScaling scaling : LpipsScaling.values()) {
            for (SmallImagePolicy rule : SmallImagePolicy.values()) {
                JsonNode expected = reference.at("/mnist/" + scaling.id() + "~1" + rule.id());
                assertEquals(8, expected.size(), scaling + " " + rule);
                check(expected, lpips.distances(first, second, rule, scaling), scaling + "/" + rule.id());
            }
        }
        // The variants differ by far more than the tolerance, so each comparison tells them apart.
        double signed = lpips.distances(first, second, SmallImagePolicy.RESIZE, LpipsScaling.SIGNED)[0];
        double raw = lpips.distances(first, second, SmallImagePolicy.RESIZE, LpipsScaling.RAW)[0];
        double big = lpips.distances(first, second, SmallImagePolicy.RESIZE64, LpipsScaling.SIGNED)[0];
        assertTrue(Math.abs(signed - raw) > 1e-3 && Math.abs(signed - big) > 1e-3, signed + " " + raw + " " + big);
    }

    @Test
    void bothScalingsMatchPyTorchOnCifar() {
        INDArray test = SharedData.repository().load(StandardDataset.CIFAR10, Split.TEST).range(0, 5).images();
        INDArray a = test.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 4));
        INDArray b = test.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 5));
        for (LpipsScaling scaling : LpipsScaling.values()) {
            // 32x32 images need no rule: every one gives the same value.
            for (SmallImagePolicy rule : SmallImagePolicy.values()) {
                check(reference.at("/cifar/" + scaling.id()), lpips.distances(a, b, rule, scaling), scaling + " cifar");
            }
        }
    }

    @Test
    void severalBatchesAgainstOneReferenceAreThePairsOneByOne() {
        INDArray test = SharedData.repository().load(StandardDataset.MNIST, Split.TEST).range(0, 12).images();
        INDArray reference = test.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 4));
        INDArray b = test.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(4, 8));
        INDArray c = test.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(8, 12));
        for (SmallImagePolicy rule : SmallImagePolicy.values()) {
            double[][] both = lpips.distances(reference, java.util.List.of(b, c), rule, LpipsScaling.RAW);
            double[] alone = lpips.distances(reference, c, rule, LpipsScaling.RAW);
            for (int i = 0; i < 4; i++) {
                assertEquals(lpips.distances(reference, b, rule, LpipsScaling.RAW)[i], both[0][i], 1e-6, rule + " b " + i);
                assertEquals(alone[i], both[1][i], 1e-6, rule + " c " + i);
            }
        }
    }

    @Test
    void theDefaultScalingIsTheSignedOne() {
        INDArray test = SharedData.repository().load(StandardDataset.CIFAR10, Split.TEST).range(0, 3).images();
        INDArray a = test.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 2));
        INDArray b = test.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 3));
        org.junit.jupiter.api.Assertions.assertArrayEquals(lpips.distances(a, b, SmallImagePolicy.RESIZE,
                LpipsScaling.SIGNED), lpips.distances(a, b, SmallImagePolicy.RESIZE));
    }

    @Test
    void everyResizeMatchesPyTorchInterpolate() {
        INDArray image = SharedData.repository().load(StandardDataset.MNIST, Split.TEST).range(0, 1).images();
        JsonNode pixels = reference.get("resizedPixels");
        for (SmallImagePolicy rule : SmallImagePolicy.values()) {
            if (rule == SmallImagePolicy.PAD) {
                continue;
            }
            int side = rule.side();
            JsonNode expected = reference.at("/resize/" + rule.id());
            assertEquals(4, expected.size(), rule.id());
            INDArray resized = ImageResize.resample(image, rule.resampling(), side, side).castTo(DataType.DOUBLE);
            assertEquals(expected.get("sum").asDouble(), resized.sumNumber().doubleValue(), 1e-4, rule + " sum");
            assertEquals(expected.get("sumOfSquares").asDouble(), resized.mul(resized).sumNumber().doubleValue(), 1e-4,
                    rule + " sum of squares");
            for (int i = 0; i < pixels.size(); i++) {
                int row = pixels.get(i).get(0).asInt() % side;
                int column = pixels.get(i).get(1).asInt() % side;
                assertEquals(expected.get("pixels").get(i).asDouble(), resized.getDouble(0, 0, row, column), 1e-6,
                        rule + " pixel (" + row + ", " + column + ")");
            }
            // The image LPIPS sees under the rule has the rule's size.
            assertEquals(side, Lpips.prepare(image, rule).size(2), rule.id());
        }
        assertEquals(32, Lpips.prepare(image, SmallImagePolicy.PAD).size(3));
        // The modes differ by far more than the tolerance at 48 px, so each comparison tells them apart.
        INDArray bilinear = ImageResize.resample(image, SmallImagePolicy.Resampling.BILINEAR, 48, 48);
        for (SmallImagePolicy.Resampling mode : List.of(SmallImagePolicy.Resampling.NEAREST,
                SmallImagePolicy.Resampling.BICUBIC, SmallImagePolicy.Resampling.BICUBIC_ANTIALIASED)) {
            double largest = ImageResize.resample(image, mode, 48, 48).sub(bilinear).amaxNumber().doubleValue();
            assertTrue(largest > 1e-2, mode + " differs from bilinear by at most " + largest);
        }
    }

    @Test
    void unknownRulesAndScalingsNameTheChoices() {
        IllegalArgumentException rule = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SmallImagePolicy.fromId("crop"));
        assertTrue(rule.getMessage().contains("[resize, pad, resize64, resize48, nearest32, nearest48, nearest64, "
                + "bicubic32, bicubic48, bicubic64, bicubic-aa32, bicubic-aa48, bicubic-aa64]"), rule.getMessage());
        assertEquals(SmallImagePolicy.RESIZE64, SmallImagePolicy.fromId("RESIZE64"));
        IllegalArgumentException scaling = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LpipsScaling.fromId("unit"));
        assertTrue(scaling.getMessage().contains("[signed, raw]"), scaling.getMessage());
    }

    /** Each image shifted right by one pixel, the last column wrapping round to the first (torch.roll). */
    private static INDArray rolledRight(INDArray images) {
        INDArray out = images.dup();
        long width = images.size(3);
        for (long column = 0; column < width; column++) {
            out.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.all(),
                    org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point((column + 1) % width))
                    .assign(images.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.all(),
                            org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(column)));
        }
        return out;
    }

    private static void check(JsonNode expected, double[] got, String what) {
        assertEquals(expected.size(), got.length, what);
        for (int i = 0; i < got.length; i++) {
            assertEquals(expected.get(i).asDouble(), got[i], LpipsReferenceTest.TOLERANCE, what + " pair " + i);
        }
    }
}
