package org.vaerepro.metrics;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.vaerepro.io.Identified;

/**
 * How images smaller than LPIPS-AlexNet's 32x32 minimum are brought up to its input size. The choice changes
 * the value, so it is recorded with every LPIPS number.
 */
public enum SmallImagePolicy implements Identified {
    /** Bilinear resize to 32x32 (half-pixel centres, as PyTorch's {@code interpolate(align_corners=False)}). */
    RESIZE,
    /** Zero padding to 32x32 in [0,1] space (black borders), centred. */
    PAD,
    /**
     * Bilinear resize to 64x64 ({@code interpolate(size=64, mode="bilinear", align_corners=False)}), as PyTorch
     * code does that brings every image to one larger LPIPS input size.
     */
    RESIZE64;

    @JsonCreator
    public static SmallImagePolicy fromId(String id) {
        return Identified.fromId(SmallImagePolicy.class, id, "LPIPS small-image policy");
    }
}
