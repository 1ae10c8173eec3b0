package org.vaerepro.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** The bilinear resize on a hand-worked image, without the LPIPS weights or a dataset (the reference tests need both). */
class ImageResizeTest {
    @Test
    void upsamplesAsPyTorchsBilinearWithoutAlignedCorners() {
        // torch.nn.functional.interpolate(torch.arange(4.).view(1, 1, 2, 2), size=4, mode="bilinear",
        // align_corners=False), worked by hand from its rule: output o samples input (o + 0.5) / 2 - 0.5, clamped to
        // [0, 1], so each axis reads 0, 0.25, 0.75, 1 of the way across and the last row and column are the edge's.
        float[] expected = {
            0.00f, 0.25f, 0.75f, 1.00f,
            0.50f, 0.75f, 1.25f, 1.50f,
            1.50f, 1.75f, 2.25f, 2.50f,
            2.00f, 2.25f, 2.75f, 3.00f};
        float[] resized = ImageResize.bilinear(Nd4j.create(new float[] {0, 1, 2, 3}, new long[] {1, 1, 2, 2},
                DataType.FLOAT), 4, 4).data().asFloat();
        assertArrayEquals(expected, resized, 1e-6f);
    }
}
