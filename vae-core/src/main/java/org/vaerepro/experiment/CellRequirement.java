package org.vaerepro.experiment;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.vaerepro.io.Identified;

/**
 * What a suite requires of each published cell's verdict, declared at the top of a suite file
 * ({@code "verdictRequired"}): {@link #NOT_MISSES} (the default: beating a published value passes, only falling short
 * by more than the margin fails; a suite that explores) or {@link #MATCHES} (a reproduction: the interval must lie
 * within the margin around the published value, two-sided).
 */
public enum CellRequirement implements Identified {
    NOT_MISSES, MATCHES;

    @JsonCreator
    public static CellRequirement fromId(String id) {
        return Identified.fromId(CellRequirement.class, id, "verdict requirement");
    }
}
