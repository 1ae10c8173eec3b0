package org.vaerepro.experiment;

/**
 * A field of an experiment with a value it cannot have; the suite parser turns it into a {@link SpecException}
 * naming file, line:column and this field, a result file's reader into an error naming the file.
 */
public final class SpecFieldException extends IllegalArgumentException {
    private final String field;

    public SpecFieldException(String field, String problem) {
        super(problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
