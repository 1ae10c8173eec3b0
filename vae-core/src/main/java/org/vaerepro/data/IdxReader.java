package org.vaerepro.data;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Reads the IDX files of MNIST and Fashion-MNIST, raw or gzip-compressed, validating every header field. */
public final class IdxReader {
    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;

    private IdxReader() {
    }

    /** Pixels of an idx3 image file, row-major, one byte per pixel. */
    public record IdxImages(int count, int rows, int columns, byte[] pixels) {
    }

    public static IdxImages readImages(Path file) {
        byte[] bytes = readAll(file);
        ByteBuffer header = header(file, bytes, 16);
        int magic = header.getInt();
        if (magic != IMAGES_MAGIC) {
            throw new DatasetFormatException(file, String.format(
                    "wrong magic number 0x%08X, expected 0x%08X (IDX unsigned-byte 3-D image file)", magic, IMAGES_MAGIC));
        }
        int count = positive(file, "image count", header.getInt());
        int rows = positive(file, "row count", header.getInt());
        int columns = positive(file, "column count", header.getInt());
        long expected = 16L + (long) count * rows * columns;
        if (bytes.length != expected) {
            throw new DatasetFormatException(file, "size " + bytes.length + " bytes, expected " + expected + " for "
                    + count + " images of " + rows + "x" + columns + (bytes.length < expected ? " (truncated)" : " (trailing data)"));
        }
        byte[] pixels = new byte[count * rows * columns];
        System.arraycopy(bytes, 16, pixels, 0, pixels.length);
        return new IdxImages(count, rows, columns, pixels);
    }

    /** Labels of an idx1 file, each checked against {@code numClasses}. */
    public static byte[] readLabels(Path file, int numClasses) {
        byte[] bytes = readAll(file);
        ByteBuffer header = header(file, bytes, 8);
        int magic = header.getInt();
        if (magic != LABELS_MAGIC) {
            throw new DatasetFormatException(file, String.format(
                    "wrong magic number 0x%08X, expected 0x%08X (IDX unsigned-byte 1-D label file)", magic, LABELS_MAGIC));
        }
        int count = positive(file, "label count", header.getInt());
        long expected = 8L + count;
        if (bytes.length != expected) {
            throw new DatasetFormatException(file, "size " + bytes.length + " bytes, expected " + expected + " for "
                    + count + " labels" + (bytes.length < expected ? " (truncated)" : " (trailing data)"));
        }
        byte[] labels = new byte[count];
        System.arraycopy(bytes, 8, labels, 0, count);
        for (int i = 0; i < count; i++) {
            int label = labels[i] & 0xFF;
            if (label >= numClasses) {
                throw new DatasetFormatException(file, "label " + label + " of record " + i + " is out of range [0, "
                        + (numClasses - 1) + "]");
            }
        }
        return labels;
    }

    private static ByteBuffer header(Path file, byte[] bytes, int length) {
        if (bytes.length < length) {
            throw new DatasetFormatException(file, "size " + bytes.length + " bytes is shorter than the " + length
                    + "-byte IDX header (truncated)");
        }
        return ByteBuffer.wrap(bytes, 0, length);
    }

    private static int positive(Path file, String field, int value) {
        if (value <= 0) {
            throw new DatasetFormatException(file, "header field '" + field + "' is " + value + ", expected > 0");
        }
        return value;
    }

    /** Whole file, gunzipped when it starts with the gzip magic bytes. */
    static byte[] readAll(Path file) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            boolean gzip = b0 == 0x1f && b1 == 0x8b;
            try (InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(gzip ? 1 << 20 : (int) Files.size(file));
                in.transferTo(out);
                return out.toByteArray();
            }
        } catch (java.io.EOFException e) {
            throw new DatasetFormatException(file, "gzip stream ends early (truncated file)");
        } catch (java.util.zip.ZipException e) {
            throw new DatasetFormatException(file, "corrupt gzip data: " + e.getMessage());
        } catch (IOException e) {
            throw new DatasetFormatException(file, "cannot read: " + e);
        }
    }
}
