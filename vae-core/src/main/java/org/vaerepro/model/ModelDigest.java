package org.vaerepro.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.vaerepro.data.FileChecksums;
import org.vaerepro.io.Preconditions;

/**
 * The size and SHA-256 of a model file as written, recorded beside it (training.json) so a damaged copy is caught by
 * checksum, not by a crash when it is loaded, and a file written again can be told identical to the one measured.
 */
public record ModelDigest(long bytes, String sha256) {
    public ModelDigest {
        Preconditions.check(bytes >= 0, "bytes must be >= 0, got " + bytes);
        Preconditions.check(sha256 != null && sha256.matches("[0-9a-f]{64}"), "sha256 must be 64 lowercase hex digits, got "
                + sha256);
    }

    public static ModelDigest of(Path file) {
        try {
            return new ModelDigest(Files.size(file), FileChecksums.sha256(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * What is wrong with {@code file}: its size or SHA-256 differs from {@code recorded}, or, when nothing was recorded
     * (files written before digests were), it fails the zip's own checks ({@link ArrayArchive#damage}); empty when
     * it is whole.
     */
    public static Optional<String> damage(Path file, ModelDigest recorded) {
        if (recorded == null) {
            return ArrayArchive.damage(file);
        }
        ModelDigest found = of(file);
        if (found.bytes() != recorded.bytes()) {
            return Optional.of(found.bytes() + " bytes, " + recorded.bytes() + " when written");
        }
        return found.sha256().equals(recorded.sha256()) ? Optional.empty()
                : Optional.of("SHA-256 " + found.sha256() + ", " + recorded.sha256() + " when written");
    }
}
