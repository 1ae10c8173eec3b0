package org.vaerepro.metrics;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;
import org.vaerepro.io.Identified;

/**
 * How images smaller than LPIPS-AlexNet's 32x32 minimum are brought up to its input size: zero padding, or a
 * resize by one of PyTorch's {@code interpolate} modes ({@link Resampling}) to a square side. The choice changes
 * the value, so it is recorded with every LPIPS number. {@link #STANDARD} are the rules every evaluation measures;
 * a suite names more in {@code lpipsSmallImageRules}.
 */
public enum SmallImagePolicy implements Identified {
    /** Bilinear resize to 32x32 (half-pixel centres, as PyTorch's {@code interpolate(align_corners=False)}). */
    RESIZE(Resampling.BILINEAR, 32),
    /** Zero padding to 32x32 in [0,1] space (black borders), centred. */
    PAD(null, 32),
    /**
     * Bilinear resize to 64x64 ({@code interpolate(size=64, mode="bilinear", align_corners=False)}), as PyTorch
     * code does that brings every image to one larger LPIPS input size.
     */
    RESIZE64(Resampling.BILINEAR, 64),
    /** Bilinear resize to 48x48. */
    RESIZE48(Resampling.BILINEAR, 48),
    /** Nearest-neighbour resize to 32x32 ({@code interpolate(mode="nearest")}, PyTorch's default mode). */
    NEAREST32(Resampling.NEAREST, 32),
    NEAREST48(Resampling.NEAREST, 48),
    NEAREST64(Resampling.NEAREST, 64),
    /** Bicubic resize to 32x32 ({@code interpolate(mode="bicubic", align_corners=False)}: a = -0.75). */
    BICUBIC32(Resampling.BICUBIC, 32),
    BICUBIC48(Resampling.BICUBIC, 48),
    BICUBIC64(Resampling.BICUBIC, 64),
    /**
     * Antialiased bicubic resize to 32x32 ({@code interpolate(mode="bicubic", antialias=True)}: PIL's filter,
     * a = -0.5). Antialiased bilinear is not a rule of its own: when enlarging it is plain bilinear.
     */
    BICUBIC_AA32(Resampling.BICUBIC_ANTIALIASED, 32),
    BICUBIC_AA48(Resampling.BICUBIC_ANTIALIASED, 48),
    BICUBIC_AA64(Resampling.BICUBIC_ANTIALIASED, 64);

    /** The rules every evaluation and step curve measures, whatever a suite declares. */
    public static final List<SmallImagePolicy> STANDARD = List.of(RESIZE, PAD, RESIZE64);

    /** A PyTorch {@code interpolate} mode, as this project computes it ({@code ImageResize}). */
    public enum Resampling {
        NEAREST, BILINEAR, BICUBIC, BICUBIC_ANTIALIASED
    }

    private final Resampling resampling;
    private final int side;

    SmallImagePolicy(Resampling resampling, int side) {
        this.resampling = resampling;
        this.side = side;
    }

    /** The resize's mode; null for {@link #PAD}. */
    public Resampling resampling() {
        return resampling;
    }

    /** The side of the square a 28x28 image enters LPIPS at. */
    public int side() {
        return side;
    }

    /** "padded to 32", "resized to 64" (bilinear), "resized to 48 (bicubic)": how a page names the rule. */
    public String describe() {
        if (this == PAD) {
            return "padded to " + side;
        }
        String mode = switch (resampling) {
            case BILINEAR -> "";
            case NEAREST -> " (nearest)";
            case BICUBIC -> " (bicubic)";
            case BICUBIC_ANTIALIASED -> " (antialiased bicubic)";
        };
        return "resized to " + side + mode;
    }

    @JsonCreator
    public static SmallImagePolicy fromId(String id) {
        return Identified.fromId(SmallImagePolicy.class, id, "LPIPS small-image policy");
    }
}
