package org.vaerepro.data;

/** The dataset's files were found nowhere and could not be downloaded. */
public final class DatasetNotFoundException extends RuntimeException {
    public DatasetNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
