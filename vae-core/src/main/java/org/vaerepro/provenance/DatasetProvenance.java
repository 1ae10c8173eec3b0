package org.vaerepro.provenance;

/**
 * One dataset split as used: its name (e.g. {@code mnist/train}, {@code folder:shapes/test}), how many
 * images were used (a subset names its range, e.g. {@code mnist/test[5000:10000]}) and the SHA-256 over its source files.
 */
public record DatasetProvenance(String name, int images, String sha256) {
}
