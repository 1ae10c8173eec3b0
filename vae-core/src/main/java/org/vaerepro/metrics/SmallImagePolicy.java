package org.vaerepro.metrics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * How images smaller than LPIPS-AlexNet's 32x32 minimum are brought to 32x32. The choice changes the
 * value, so it is recorded with every LPIPS number.
 */
public enum SmallImagePolicy {
    /** Bilinear resize (half-pixel centres, as PyTorch's {@code interpolate(align_corners=False)}). */
    RESIZE,
    /** Zero padding in [0,1] space (black borders), centred. */
    PAD;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static SmallImagePolicy fromId(String id) {
        return Arrays.stream(values()).filter(p -> p.id().equalsIgnoreCase(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown LPIPS small-image policy '" + id + "', expected resize or pad"));
    }
}
