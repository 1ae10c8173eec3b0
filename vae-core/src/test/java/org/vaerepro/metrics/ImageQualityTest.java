package org.vaerepro.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.vaerepro.SharedData;
import org.vaerepro.data.ByteImageDataset;
import org.vaerepro.data.DatasetRepository;
import org.vaerepro.data.Split;
import org.vaerepro.data.StandardDataset;

/** PSNR and SSIM on hand-worked cases and against scikit-image on real images. */
class ImageQualityTest {
    private final DatasetRepository repository = SharedData.repository();

    @Test
    void psnrOfKnownErrors() {
        INDArray a = Nd4j.zeros(DataType.FLOAT, 2, 1, 4, 4);
        INDArray b = a.dup();
        b.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0)).assign(0.1); // MSE 0.01 → 20 dB
        b.get(org.nd4j.linalg.indexing.NDArrayIndex.point(1)).assign(0.01); // MSE 1e-4 → 40 dB
        PsnrAccumulator psnr = new PsnrAccumulator();
        psnr.add(a, b);
        assertEquals(2, psnr.images());
        assertEquals(30.0, psnr.meanPsnr(), 1e-4);
        assertEquals(10 * Math.log10(1 / ((0.01 + 1e-4) / 2)), psnr.pooledPsnr(), 1e-4);
        PsnrAccumulator same = new PsnrAccumulator();
        same.add(a, a);
        assertEquals(100.0, same.meanPsnr(), 1e-9);
    }

    @Test
    void ssimOfIdenticalAndShiftedImages() {
        INDArray x = repository.load(StandardDataset.CIFAR10, Split.TEST).range(0, 4).images();
        for (double s : Ssim.perImage(x, x)) {
            assertEquals(1.0, s, 1e-12);
        }
        // A constant image against itself plus c: means differ by c, variances and covariance are 0,
        // so SSIM = (2·m·(m+c) + C1) / (m² + (m+c)² + C1) exactly.
        double m = 0.3;
        double c = 0.2;
        INDArray flat = Nd4j.valueArrayOf(new long[] {1, 1, 11, 11}, m, DataType.DOUBLE);
        double expected = (2 * m * (m + c) + Ssim.C1) / (m * m + (m + c) * (m + c) + Ssim.C1);
        assertEquals(expected, Ssim.perImage(flat, flat.add(c))[0], 1e-12);
    }

    @Test
    void ssimOfABatchIsEachImagesAndEachImagesIsTheMeanOverItsChannels() {
        // Every image and channel its own plane: a batch's SSIM must not read another image's or channel's pixels.
        java.util.Random random = new java.util.Random(35);
        double[] x = new double[3 * 3 * 12 * 12];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble();
            y[i] = x[i] + 0.3 * random.nextDouble();
        }
        INDArray a = Nd4j.create(x, new long[] {3, 3, 12, 12}, DataType.DOUBLE);
        INDArray b = Nd4j.create(y, new long[] {3, 3, 12, 12}, DataType.DOUBLE);
        double[] batch = Ssim.perImage(a, b);
        for (int i = 0; i < 3; i++) {
            double channels = 0;
            for (int ch = 0; ch < 3; ch++) {
                channels += Ssim.perImage(plane(a, i, ch), plane(b, i, ch))[0];
            }
            assertEquals(channels / 3, batch[i], 1e-12, "image " + i);
        }
    }

    private static INDArray plane(INDArray batch, int image, int channel) {
        return batch.get(NDArrayIndex.point(image), NDArrayIndex.point(channel)).dup().reshape(1, 1, 12, 12);
    }

    @Test
    void ssimAndPsnrMatchScikitImage() {
        // scikit-image 0.19.3 (Debian python3-skimage): structural_similarity(a, b, gaussian_weights=True,
        // sigma=1.5, use_sample_covariance=False, data_range=1.0[, channel_axis=0]) and
        // peak_signal_noise_ratio(a, b, data_range=1.0), images /255 from ../shared/data.
        ByteImageDataset mnist = repository.load(StandardDataset.MNIST, Split.TEST);
        INDArray m0 = mnist.range(0, 1).images();
        INDArray m1 = mnist.range(1, 2).images();
        assertEquals(-0.0088112093, Ssim.perImage(m0, m1)[0], 1e-8);
        PsnrAccumulator psnr = new PsnrAccumulator();
        psnr.add(m0, m1);
        assertEquals(7.9055951720, psnr.meanPsnr(), 1e-6);

        ByteImageDataset cifar = repository.load(StandardDataset.CIFAR10, Split.TEST);
        INDArray c0 = cifar.range(0, 1).images();
        INDArray c1 = cifar.range(1, 2).images();
        assertEquals(0.0682988634, Ssim.perImage(c0, c1)[0], 1e-8);
        PsnrAccumulator cifarPsnr = new PsnrAccumulator();
        cifarPsnr.add(c0, c1);
        assertEquals(5.1066023469, cifarPsnr.meanPsnr(), 1e-6);
    }
}
