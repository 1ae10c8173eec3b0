package org.vaerepro.experiment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * What a suite requires of each published cell's verdict, declared at the top of a suite file
 * ({@code "verdictRequired"}): {@link #NOT_MISSES} (the default: beating a published value passes, only falling short
 * by more than the margin fails; a suite that explores) or {@link #MATCHES} (a reproduction: the interval must lie
 * within the margin around the published value, two-sided).
 */
public enum CellRequirement {
    NOT_MISSES("not-misses"), MATCHES("matches");

    private final String id;

    CellRequirement(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static CellRequirement fromId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown verdict requirement '" + id + "', expected one of "
                        + Arrays.stream(values()).map(CellRequirement::id).toList()));
    }
}
