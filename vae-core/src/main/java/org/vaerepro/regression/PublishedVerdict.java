package org.vaerepro.regression;

import java.util.Locale;

/**
 * A published value against the confidence interval of the measured mean (over seeds), with the suite's margin
 * {@code m}: a partition, so every interval gets exactly one verdict ({@link PublishedTableRule#verdict}).
 * <ul>
 *   <li>{@link #BEATS}: the whole interval is better than the published value by more than {@code m};</li>
 *   <li>{@link #MATCHES}: the whole interval lies within {@code m} of the published value;</li>
 *   <li>{@link #MISSES}: the whole interval is worse than the published value by more than {@code m};</li>
 *   <li>{@link #UNDECIDED}: anything else: the interval crosses a margin's edge, or there is only one seed.</li>
 * </ul>
 * In that order from best to worst, with {@link #MATCHES} and {@link #UNDECIDED} between the other two.
 */
public enum PublishedVerdict {
    BEATS("the whole interval is better than the reported value by more than the margin"),
    MATCHES("the whole interval lies within the margin of the reported value"),
    MISSES("the whole interval is worse than the reported value by more than the margin"),
    UNDECIDED("anything else: the interval crosses an edge of the margin, or there is only one seed");

    private final String definition;

    PublishedVerdict(String definition) {
        this.definition = definition;
    }

    /** The verdict as the page and the tests print it: "undecided". */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** When an interval gets this verdict, as every page and report words it. */
    public String definition() {
        return definition;
    }

    @Override
    public String toString() {
        return word();
    }
}
