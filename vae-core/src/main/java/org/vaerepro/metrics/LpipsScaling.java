package org.vaerepro.metrics;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.vaerepro.io.Identified;

/**
 * How images in [0,1] enter LPIPS's network. The reference implementation expects [-1,1]
 * ({@code lpips.LPIPS()(x, y)} with {@code normalize=False}, its default); [0,1] images passed to it unscaled
 * are a common slip in PyTorch VAE code, and it changes the value, so it is a measured variant.
 */
public enum LpipsScaling implements Identified {
    /** [0,1] mapped to [-1,1] as 2x - 1: what the reference expects, and this project's LPIPS. */
    SIGNED,
    /** [0,1] passed unscaled, as {@code lpips.LPIPS()(x, y)} computes when handed [0,1] images. */
    RAW;

    @JsonCreator
    public static LpipsScaling fromId(String id) {
        return Identified.fromId(LpipsScaling.class, id, "LPIPS input scaling");
    }
}
