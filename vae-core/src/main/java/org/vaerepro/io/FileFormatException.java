package org.vaerepro.io;

import java.nio.file.Path;

/** A file that is not what its reader expects (kind, version, structure); the message starts with the file. */
public final class FileFormatException extends RuntimeException {
    private final transient Path file;

    public FileFormatException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public FileFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
