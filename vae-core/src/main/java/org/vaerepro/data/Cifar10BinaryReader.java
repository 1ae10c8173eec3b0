package org.vaerepro.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the CIFAR-10 binary format: records of 1 label byte + 3072 pixel bytes (1024 R, 1024 G,
 * 1024 B, each row-major). The pixel layout is already CHW, so bytes are copied unchanged.
 */
public final class Cifar10BinaryReader {
    public static final int RECORD_BYTES = 1 + 3 * 32 * 32;
    public static final int RECORDS_PER_FILE = 10_000;

    private Cifar10BinaryReader() {
    }

    /** Records of the given files concatenated: pixel bytes CHW and labels. */
    public record Records(byte[] pixels, byte[] labels) {
    }

    public static Records read(List<Path> files, int numClasses) {
        int total = files.size() * RECORDS_PER_FILE;
        byte[] pixels = new byte[total * (RECORD_BYTES - 1)];
        byte[] labels = new byte[total];
        int record = 0;
        for (Path file : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new DatasetFormatException(file, "cannot read: " + e);
            }
            long expected = (long) RECORDS_PER_FILE * RECORD_BYTES;
            if (bytes.length != expected) {
                String why = bytes.length % RECORD_BYTES != 0
                        ? "not a whole number of " + RECORD_BYTES + "-byte records (wrong record size or truncated)"
                        : (bytes.length < expected ? "truncated" : "trailing data");
                throw new DatasetFormatException(file, "size " + bytes.length + " bytes, expected " + expected + " ("
                        + RECORDS_PER_FILE + " records of " + RECORD_BYTES + " bytes): " + why);
            }
            for (int r = 0; r < RECORDS_PER_FILE; r++, record++) {
                int offset = r * RECORD_BYTES;
                int label = bytes[offset] & 0xFF;
                if (label >= numClasses) {
                    throw new DatasetFormatException(file, "label " + label + " of record " + r
                            + " is out of range [0, " + (numClasses - 1) + "]");
                }
                labels[record] = (byte) label;
                System.arraycopy(bytes, offset + 1, pixels, record * (RECORD_BYTES - 1), RECORD_BYTES - 1);
            }
        }
        return new Records(pixels, labels);
    }
}
