package org.vaerepro.data;

import java.nio.file.Path;

/** A dataset file that is not what its format promises; the message names the file and the problem. */
public final class DatasetFormatException extends RuntimeException {
    private final Path file;

    public DatasetFormatException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
