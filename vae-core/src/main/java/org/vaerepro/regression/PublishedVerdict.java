package org.vaerepro.regression;

import java.util.Locale;

/**
 * A published value against the confidence interval of the measured mean (over seeds):
 * <ul>
 *   <li>{@link #BEATS}: the whole interval is on the better side of the published value;</li>
 *   <li>{@link #MISSES}: the whole interval is worse than the published value by more than the margin;</li>
 *   <li>{@link #MATCHES}: the interval lies within the margin around the published value;</li>
 *   <li>{@link #UNDECIDED}: anything else: the interval is too wide to say, or there is only one seed.</li>
 * </ul>
 */
public enum PublishedVerdict {
    BEATS, MATCHES, MISSES, UNDECIDED;

    /** The verdict as the page and the tests print it: "undecided". */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    @Override
    public String toString() {
        return word();
    }
}
