package org.vaerepro.io;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * A member of a closed set (an enum) written by its id in suite and result files: the constant's name in lower case,
 * with '-' for '_' ({@code PER_IMAGE} is {@code "per-image"}). One rule for every such set, so a file's value and a
 * suite's value are spelled alike; an enum reads its ids back with {@link #fromId}.
 */
public interface Identified {
    String name();

    @JsonValue
    default String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The member of {@code type} with {@code id} (any case); an unknown id names the {@code kind} and the ids it has. */
    static <E extends Enum<E> & Identified> E fromId(Class<E> type, String id, String kind) {
        return Arrays.stream(type.getEnumConstants()).filter(member -> member.id().equalsIgnoreCase(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown " + kind + " '" + id + "', expected one of "
                        + Arrays.stream(type.getEnumConstants()).map(Identified::id).toList()));
    }
}
