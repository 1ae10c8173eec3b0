package org.vaerepro.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** SHA-256 of files, and of a list of files taken together (for dataset provenance). */
public final class FileChecksums {
    private FileChecksums() {
    }

    public static String sha256(Path file) {
        MessageDigest digest = newDigest();
        update(digest, file);
        return HexFormat.of().formatHex(digest.digest());
    }

    /** SHA-256 over the per-file SHA-256 values, in the order given. */
    public static String sha256(List<Path> files) {
        return combine(files.stream().map(FileChecksums::sha256).toList());
    }

    /** One hash for several files from their hex SHA-256 values; a single file keeps its own hash. */
    public static String combine(List<String> fileHashes) {
        if (fileHashes.size() == 1) {
            return fileHashes.get(0);
        }
        MessageDigest digest = newDigest();
        for (String hash : fileHashes) {
            digest.update(hash.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    public static String md5(Path file) {
        try {
            MessageDigest digest = MessageDigest.getInstance("MD5");
            update(digest, file);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JVM lacks MD5", e);
        }
    }

    private static void update(MessageDigest digest, Path file) {
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new DatasetFormatException(file, "cannot read for checksum: " + e);
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JVM lacks SHA-256", e);
        }
    }
}
