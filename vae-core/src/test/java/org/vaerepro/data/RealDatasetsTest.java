package org.vaerepro.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaerepro.SharedData;

/** The real copies in ../shared/data: counts, shapes, class balance, value range and pixels. */
class RealDatasetsTest {
    private final DatasetRepository repository = SharedData.repository();

    @Test
    void mnistCountsLabelsAndPixels() {
        ByteImageDataset train = repository.load(StandardDataset.MNIST, Split.TRAIN);
        ByteImageDataset test = repository.load(StandardDataset.MNIST, Split.TEST);
        assertEquals(60_000, train.size());
        assertEquals(10_000, test.size());
        assertEquals(new ImageShape(1, 28, 28), test.shape());
        // Official class counts (train and test label files are the official ones).
        assertArrayEquals(new int[] {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949}, histogram(train));
        assertArrayEquals(new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009}, histogram(test));
        assertEquals(7, test.label(0));
        assertEquals(2, test.label(1));
        // Test image 0 (a seven), row 7, columns 6..10 in the official t10k file.
        int[] expected = {84, 185, 159, 151, 60};
        ImageBatch first = test.range(0, 1);
        for (int c = 0; c < expected.length; c++) {
            assertEquals(expected[c], test.rawPixel(0, 0, 7, 6 + c));
            assertEquals(expected[c] / 255f, first.images().getFloat(0, 0, 7, 6 + c), 1e-7);
        }
        assertArrayEquals(new long[] {1, 1, 28, 28}, first.images().shape());
        assertValueRange(test.range(0, 500).images());
    }

    @Test
    void fashionMnistCountsAndBalance() {
        ByteImageDataset train = repository.load(StandardDataset.FASHION_MNIST, Split.TRAIN);
        ByteImageDataset test = repository.load(StandardDataset.FASHION_MNIST, Split.TEST);
        assertEquals(60_000, train.size());
        assertEquals(10_000, test.size());
        for (int count : histogram(train)) {
            assertEquals(6_000, count);
        }
        for (int count : histogram(test)) {
            assertEquals(1_000, count);
        }
        assertValueRange(train.range(0, 500).images());
    }

    @Test
    void cifar10CountsBalanceAndPixels() {
        ByteImageDataset train = repository.load(StandardDataset.CIFAR10, Split.TRAIN);
        ByteImageDataset test = repository.load(StandardDataset.CIFAR10, Split.TEST);
        assertEquals(50_000, train.size());
        assertEquals(10_000, test.size());
        assertEquals(new ImageShape(3, 32, 32), train.shape());
        for (int count : histogram(train)) {
            assertEquals(5_000, count);
        }
        for (int count : histogram(test)) {
            assertEquals(1_000, count);
        }
        // Record 0 of test_batch.bin: label byte 0, then R plane, G plane, B plane (read with Python).
        assertEquals(0, test.label(0));
        INDArray image = test.range(0, 1).images();
        assertArrayEquals(new long[] {1, 3, 32, 32}, image.shape());
        assertEquals(127 / 255f, image.getFloat(0, 0, 0, 0), 1e-7);
        assertEquals(125 / 255f, image.getFloat(0, 0, 0, 2), 1e-7);
        assertEquals(129 / 255f, image.getFloat(0, 1, 0, 0), 1e-7);
        assertEquals(163 / 255f, image.getFloat(0, 2, 5, 7), 1e-7);
        assertEquals("airplane", test.classNames().get(0));
        assertValueRange(test.range(0, 500).images());
    }

    @Test
    void checksumsIdentifyTheFiles() throws java.io.IOException {
        ByteImageDataset test = repository.load(StandardDataset.MNIST, Split.TEST);
        java.nio.file.Path images = SharedData.dataDir().resolve("mnist/t10k-images-idx3-ubyte.gz");
        java.nio.file.Path labels = SharedData.dataDir().resolve("mnist/t10k-labels-idx1-ubyte.gz");
        String published = java.nio.file.Files.readAllLines(SharedData.dataDir().resolve("SHA256SUMS")).stream()
                .filter(line -> line.endsWith("/data/mnist/t10k-images-idx3-ubyte.gz")).findFirst().orElseThrow()
                .split("\\s+")[0];
        assertEquals(published, FileChecksums.sha256(images));
        assertEquals(FileChecksums.combine(java.util.List.of(published, FileChecksums.sha256(labels))), test.checksum());
        // The official test-label file is byte-identical to the published one (MD5 from the data README).
        assertEquals("ec29112dd5afa0611ce80d1b7f02629c", FileChecksums.md5(labels));
    }

    private static int[] histogram(ImageDataset dataset) {
        int[] counts = new int[dataset.classNames().size()];
        for (int i = 0; i < dataset.size(); i++) {
            counts[dataset.label(i)]++;
        }
        return counts;
    }

    private static void assertValueRange(INDArray images) {
        double min = images.minNumber().doubleValue();
        double max = images.maxNumber().doubleValue();
        assertTrue(min >= 0 && min < 0.05, "min " + min);
        assertTrue(max <= 1 && max > 0.95, "max " + max);
    }
}
