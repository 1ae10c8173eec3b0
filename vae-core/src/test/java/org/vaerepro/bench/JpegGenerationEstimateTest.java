package org.vaerepro.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaerepro.SharedData;
import org.vaerepro.data.Split;
import org.vaerepro.data.StandardDataset;
import org.vaerepro.metrics.PsnrAccumulator;

/** One more JPEG generation of real test images: deterministic, 8-bit, near-idempotent at the copy's quality. */
class JpegGenerationEstimateTest {

    private static double meanPsnr(INDArray a, INDArray b) {
        return java.util.Arrays.stream(PsnrAccumulator.perImage(a, b)).average().orElseThrow();
    }

    @Test
    void theCifarCopyIsNearlyAFixedPointAtQuality75AndLowerQualitiesChangeIt() {
        INDArray images = SharedData.repository().load(StandardDataset.CIFAR10, Split.TEST).range(0, 20).images();
        INDArray q75 = JpegGenerationEstimate.recompress(images, 75);
        INDArray q50 = JpegGenerationEstimate.recompress(images, 50);
        assertArrayEquals(images.shape(), q75.shape());
        assertEquals(q75, JpegGenerationEstimate.recompress(images, 75), "same input, same bits");
        // The copy was decoded from JPEG quality 75: compressing it again at 75 changes a few levels at most.
        double psnr75 = meanPsnr(images, q75);
        double psnr50 = meanPsnr(images, q50);
        assertTrue(psnr75 > 60 && psnr50 < 40 && psnr50 > 25, psnr75 + " dB at 75, " + psnr50 + " at 50");
        // Decoded pixels are 8-bit levels.
        INDArray levels = q50.mul(255);
        assertEquals(0, levels.sub(org.nd4j.linalg.ops.transforms.Transforms.round(levels)).amaxNumber().doubleValue(),
                1e-4);
    }

    @Test
    void greyImagesStayGrey() {
        INDArray images = SharedData.repository().load(StandardDataset.MNIST, Split.TEST).range(0, 5).images();
        INDArray again = JpegGenerationEstimate.recompress(images, 75);
        assertArrayEquals(images.shape(), again.shape());
        // MNIST's test images were never JPEG-compressed: a first generation at 75 changes them visibly.
        double psnr = meanPsnr(images, again);
        assertTrue(psnr > 20 && psnr < 45, psnr + " dB");
    }
}
