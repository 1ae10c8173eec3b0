package org.vaerepro.model;

import java.nio.file.Path;

/** A model or checkpoint file that cannot be used; the message names the file and why. */
public final class ModelFileException extends RuntimeException {
    public ModelFileException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
