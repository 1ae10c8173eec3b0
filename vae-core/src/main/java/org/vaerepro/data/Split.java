package org.vaerepro.data;

/** Which official split of a dataset. */
public enum Split {
    TRAIN, TEST;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
