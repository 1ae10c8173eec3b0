package org.vaerepro.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of broken input is rejected with a message that names the file and the problem. */
class BadInputTest {
    @TempDir
    Path dir;

    @Test
    void idxWrongMagicNumber() throws IOException {
        Path file = write("images", idxImages(0x00000801, 2, 4, 4, 2 * 16));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> IdxReader.readImages(file));
        assertMessage(e, file, "wrong magic number 0x00000801, expected 0x00000803");
    }

    @Test
    void idxTruncatedRawAndGzip() throws IOException {
        Path raw = write("images", idxImages(IdxReader.IMAGES_MAGIC, 3, 4, 4, 2 * 16 + 5));
        assertMessage(assertThrows(DatasetFormatException.class, () -> IdxReader.readImages(raw)), raw,
                "expected 64 for 3 images of 4x4 (truncated)");
        byte[] gz = gzip(idxImages(IdxReader.IMAGES_MAGIC, 3, 4, 4, 3 * 16));
        Path cut = write("images.gz", java.util.Arrays.copyOf(gz, gz.length - 12));
        assertMessage(assertThrows(DatasetFormatException.class, () -> IdxReader.readImages(cut)), cut, "truncated");
        Path header = write("short", new byte[] {0, 0, 8});
        assertMessage(assertThrows(DatasetFormatException.class, () -> IdxReader.readImages(header)), header,
                "shorter than the 16-byte IDX header");
    }

    @Test
    void idxReadsValidGzipAndRaw() throws IOException {
        byte[] content = idxImages(IdxReader.IMAGES_MAGIC, 2, 3, 3, 18);
        IdxReader.IdxImages raw = IdxReader.readImages(write("raw", content));
        IdxReader.IdxImages gz = IdxReader.readImages(write("gz", gzip(content)));
        assertEquals(2, gz.count());
        assertEquals(3, gz.rows());
        assertEquals(java.util.Arrays.toString(raw.pixels()), java.util.Arrays.toString(gz.pixels()));
        assertEquals(17, gz.pixels()[17]);
    }

    @Test
    void labelOutOfRange() throws IOException {
        ByteBuffer labels = ByteBuffer.allocate(8 + 3).putInt(IdxReader.LABELS_MAGIC).putInt(3);
        labels.put((byte) 1).put((byte) 10).put((byte) 2);
        Path file = write("labels", labels.array());
        assertMessage(assertThrows(DatasetFormatException.class, () -> IdxReader.readLabels(file, 10)), file,
                "label 10 of record 1 is out of range [0, 9]");
    }

    @Test
    void cifarWrongRecordSizeTruncatedAndBadLabel() throws IOException {
        Path odd = write("odd.bin", new byte[Cifar10BinaryReader.RECORD_BYTES * 3 + 7]);
        assertMessage(assertThrows(DatasetFormatException.class, () -> Cifar10BinaryReader.read(List.of(odd), 10)), odd,
                "not a whole number of 3073-byte records");
        Path shortFile = write("short.bin", new byte[Cifar10BinaryReader.RECORD_BYTES * 3]);
        assertMessage(assertThrows(DatasetFormatException.class,
                () -> Cifar10BinaryReader.read(List.of(shortFile), 10)), shortFile, "truncated");
        byte[] records = new byte[Cifar10BinaryReader.RECORD_BYTES * Cifar10BinaryReader.RECORDS_PER_FILE];
        records[Cifar10BinaryReader.RECORD_BYTES * 5] = 12;
        Path badLabel = write("label.bin", records);
        assertMessage(assertThrows(DatasetFormatException.class,
                () -> Cifar10BinaryReader.read(List.of(badLabel), 10)), badLabel, "label 12 of record 5 is out of range");
    }

    @Test
    void imageFolderWithMixedSizes() throws IOException {
        png(dir.resolve("set/cat/a.png"), 8, 8);
        png(dir.resolve("set/cat/b.png"), 8, 8);
        Path odd = dir.resolve("set/dog/c.png");
        png(odd, 9, 8);
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> ImageFolderDataset.open(dir.resolve("set"), "set", 3));
        assertMessage(e, odd, "image is 9x8 (WxH)");
    }

    @Test
    void imageFolderReadsClassesAndPixels() throws IOException {
        png(dir.resolve("set/ants/a.png"), 5, 4);
        png(dir.resolve("set/bees/b.png"), 5, 4);
        Files.writeString(dir.resolve("set/bees/notes.txt"), "ignored");
        ImageFolderDataset dataset = ImageFolderDataset.open(dir.resolve("set"), "set", 3);
        assertEquals(List.of("ants", "bees"), dataset.classNames());
        assertEquals(new ImageShape(3, 4, 5), dataset.shape());
        ImageBatch batch = dataset.range(0, 2);
        assertEquals(1, batch.labels()[1]);
        // png() paints pixel (x, y) with red = 10x, green = 20y, blue = 200.
        assertEquals(30 / 255f, batch.images().getFloat(0, 0, 2, 3), 1e-6);
        assertEquals(40 / 255f, batch.images().getFloat(1, 1, 2, 3), 1e-6);
        assertEquals(200 / 255f, batch.images().getFloat(1, 2, 0, 0), 1e-6);
        assertEquals(1, ImageFolderDataset.open(dir.resolve("set"), "set", 1).range(0, 1).images().size(1));
    }

    @Test
    void emptyImageFolder() throws IOException {
        Files.createDirectories(dir.resolve("empty/cls"));
        assertMessage(assertThrows(DatasetFormatException.class, () -> ImageFolderDataset.open(dir.resolve("empty"), "empty", 3)),
                dir.resolve("empty"), "no .png/.jpg/.jpeg images");
    }

    @Test
    void checksumMismatchIsDetected() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("mnist"));
        Path images = write("mnist/t10k-images-idx3-ubyte.gz", gzip(idxImages(IdxReader.IMAGES_MAGIC, 1, 28, 28, 784)));
        ByteBuffer labels = ByteBuffer.allocate(9).putInt(IdxReader.LABELS_MAGIC).putInt(1).put((byte) 3);
        write("mnist/t10k-labels-idx1-ubyte.gz", gzip(labels.array()));
        Files.writeString(dir.resolve("SHA256SUMS"), "0".repeat(64) + "  ./data/mnist/t10k-images-idx3-ubyte.gz\n");
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> DatasetRepository.read(StandardDataset.MNIST, Split.TEST, folder));
        assertMessage(e, images, "checksum mismatch");
        Files.writeString(dir.resolve("SHA256SUMS"), FileChecksums.sha256(images) + "  ./data/mnist/t10k-images-idx3-ubyte.gz\n");
        assertEquals(3, DatasetRepository.read(StandardDataset.MNIST, Split.TEST, folder).label(0));
    }

    @Test
    void missingDatasetListsFilesAndPlaces() {
        DataLocations locations = DataLocations.from(dir.resolve("nowhere"), dir.resolve("env"), dir.resolve("home"),
                false);
        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class,
                () -> new DatasetRepository(locations).load(StandardDataset.CIFAR10, Split.TEST));
        String message = e.getMessage();
        for (String expected : List.of("data_batch_1.bin", "test_batch.bin", dir.resolve("nowhere/cifar-10-batches-bin")
                .toString(), dir.resolve("env/cifar-10-batches-bin").toString(),
                dir.resolve("home/.vae/data/cifar-10-batches-bin").toString(), "/usr/share/datasets/cifar-10-batches-bin",
                "setting 'dataDir'", "setting 'download'")) {
            assertTrue(message.contains(expected), () -> "message lacks '" + expected + "':\n" + message);
        }
    }

    private static void assertMessage(RuntimeException e, Path file, String problem) {
        assertTrue(e.getMessage().contains(file.toString()), () -> "message does not name " + file + ": " + e.getMessage());
        assertTrue(e.getMessage().contains(problem), () -> "message lacks '" + problem + "': " + e.getMessage());
    }

    private Path write(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        return file;
    }

    private static byte[] idxImages(int magic, int count, int rows, int columns, int pixelBytes) {
        ByteBuffer buffer = ByteBuffer.allocate(16 + pixelBytes).putInt(magic).putInt(count).putInt(rows).putInt(columns);
        for (int i = 0; i < pixelBytes; i++) {
            buffer.put((byte) i);
        }
        return buffer.array();
    }

    private static byte[] gzip(byte[] content) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }

    private static void png(Path file, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (10 * x) << 16 | (20 * y) << 8 | 200);
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
    }
}
