package org.vaerepro.experiment;

import java.nio.file.Path;

/** A suite file that cannot be used; the message names the file, line:column and field. */
public final class SpecException extends RuntimeException {
    public SpecException(Path file, int line, int column, String field, String problem) {
        super(file + ":" + line + ":" + column + ": " + (field == null || field.isEmpty() ? "" : "field '" + field
                + "': ") + problem);
    }
}
