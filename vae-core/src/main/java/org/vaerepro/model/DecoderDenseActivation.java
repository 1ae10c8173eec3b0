package org.vaerepro.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * What follows the decoder's dense layer (z → 128·4·4) before the reshape: a detail the source does not
 * state. {@link #RELU} is this project's historical choice (and every committed baseline's); common PyTorch
 * VAE code applies {@link #NONE}. Issue #13 reports (from a PyTorch implementation outside this repository)
 * that on CIFAR-10 it moves the result by more than the spread between seeds, so it is an explicit,
 * recorded option rather than a hidden constant.
 */
public enum DecoderDenseActivation {
    RELU("relu"),
    NONE("none");

    private final String id;

    DecoderDenseActivation(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static DecoderDenseActivation fromId(String id) {
        String key = id.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> a.id.equals(key)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown decoder dense activation '" + id + "', expected one of "
                        + Arrays.stream(values()).map(DecoderDenseActivation::id).toList()));
    }
}
