package org.vaerepro.metrics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * How images smaller than LPIPS-AlexNet's 32x32 minimum are brought up to its input size. The choice changes
 * the value, so it is recorded with every LPIPS number.
 */
public enum SmallImagePolicy {
    /** Bilinear resize to 32x32 (half-pixel centres, as PyTorch's {@code interpolate(align_corners=False)}). */
    RESIZE("resize"),
    /** Zero padding to 32x32 in [0,1] space (black borders), centred. */
    PAD("pad"),
    /**
     * Bilinear resize to 64x64 ({@code interpolate(size=64, mode="bilinear", align_corners=False)}), as PyTorch
     * code does that brings every image to one larger LPIPS input size.
     */
    RESIZE_64("resize64");

    private final String id;

    SmallImagePolicy(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static SmallImagePolicy fromId(String id) {
        return Arrays.stream(values()).filter(p -> p.id().equalsIgnoreCase(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown LPIPS small-image policy '" + id + "', expected one of "
                        + Arrays.stream(values()).map(SmallImagePolicy::id).toList()));
    }
}
