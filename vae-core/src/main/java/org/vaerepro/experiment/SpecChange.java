package org.vaerepro.experiment;

/**
 * One field that differs between two specs, with its value before and after, as written in the spec's JSON;
 * reads "epochs 25 → 80" in messages.
 */
public record SpecChange(String field, String before, String after) {
    @Override
    public String toString() {
        return field + " " + before + " → " + after;
    }
}
