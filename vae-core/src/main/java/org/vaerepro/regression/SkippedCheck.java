package org.vaerepro.regression;

/** A check the gate could not make ({@code check}), and why: what the baseline or the result lacks and what to do. */
public record SkippedCheck(DeviationKind check, String subject, String why) {
    @Override
    public String toString() {
        return subject + ": [" + check.id() + "] not checked: " + why;
    }
}
