package org.vaerepro.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.vaerepro.io.Identified;

/**
 * What follows the decoder's dense layer (z → 128·4·4) before the reshape: a detail the source does not
 * state. {@link #RELU} is this project's historical choice (and every committed baseline's); common PyTorch
 * VAE code applies {@link #NONE}. Issue #13 reports (from a PyTorch implementation outside this repository)
 * that on CIFAR-10 it moves the result by more than the spread between seeds, so it is an explicit,
 * recorded option rather than a hidden constant.
 */
public enum DecoderDenseActivation implements Identified {
    RELU,
    NONE;

    @JsonCreator
    public static DecoderDenseActivation fromId(String id) {
        return Identified.fromId(DecoderDenseActivation.class, id, "decoder dense activation");
    }
}
