package org.vaerepro.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The kind and version every file the project writes declares in its {@code format} field, e.g.
 * {@code {"kind": "vae-repro-metrics", "version": 2}}. Readers check it before reading anything else,
 * so a file from another kind or another version of the project fails with a message naming the file
 * and both versions instead of a field-level parse error.
 */
public record FileFormat(String kind, int version) {
    public FileFormat {
        Preconditions.notBlank(kind, "kind");
        Preconditions.check(version > 0, "version must be > 0, got " + version);
    }

    /** Version of a file that predates format fields: written by vae-repro before they existed. */
    public static final int UNVERSIONED = 0;

    /**
     * The version {@code root} declares for this kind: {@link #UNVERSIONED} when it has no {@code format}
     * field (an older file the caller may read through a fallback). A file of another kind, or of a
     * version newer than this one, is an error naming the file.
     */
    public int versionOf(Path file, JsonNode root) {
        JsonNode format = root == null ? null : root.get("format");
        if (format == null || format.isNull()) {
            return UNVERSIONED;
        }
        String foundKind = format.path("kind").asText("");
        int found = format.path("version").asInt(-1);
        if (!kind.equals(foundKind)) {
            throw new FileFormatException(file, "is a '" + foundKind + "' file, expected '" + kind + "'");
        }
        if (found != version) {
            throw new FileFormatException(file, "has " + kind + " format version " + found + ", this vae-repro reads "
                    + "version " + version + (found > version ? " (written by a newer vae-repro)" : ""));
        }
        return found;
    }

    /** Like {@link #versionOf}, for readers that have no fallback for unversioned files. */
    public void require(Path file, JsonNode root) {
        if (versionOf(file, root) == UNVERSIONED) {
            throw new FileFormatException(file, "has no format version (written by an older vae-repro); expected "
                    + kind + " format version " + version + ". Produce it again with this version");
        }
    }

    /** Reads a JSON file of this format (and no other version) as {@code type}; errors name the file. */
    public <T> T readJson(Path file, Class<T> type) {
        try {
            JsonNode root = Json.mapper().readTree(file.toFile());
            require(file, root);
            return Json.mapper().treeToValue(root, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + kind + " file " + file + ": " + e.getMessage(), e);
        }
    }
}
