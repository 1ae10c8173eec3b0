package org.vaerepro.metrics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * How images in [0,1] enter LPIPS's network. The reference implementation expects [-1,1]
 * ({@code lpips.LPIPS()(x, y)} with {@code normalize=False}, its default); [0,1] images passed to it unscaled
 * are a common slip in PyTorch VAE code, and it changes the value, so it is a measured variant.
 */
public enum LpipsScaling {
    /** [0,1] mapped to [-1,1] as 2x - 1: what the reference expects, and this project's LPIPS. */
    SIGNED("signed"),
    /** [0,1] passed unscaled, as {@code lpips.LPIPS()(x, y)} computes when handed [0,1] images. */
    RAW("raw");

    private final String id;

    LpipsScaling(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static LpipsScaling fromId(String id) {
        String key = id.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.id.equals(key)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown LPIPS input scaling '" + id + "', expected one of "
                        + Arrays.stream(values()).map(LpipsScaling::id).toList()));
    }
}
