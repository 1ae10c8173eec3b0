package org.vaerepro.model;

import java.util.List;
import java.util.Locale;

/**
 * The closed set of architectures. All share the convolutional encoder; they differ in the
 * bottleneck (stochastic or not) and in how the decoder upsamples.
 */
public sealed interface Architecture permits Architecture.Vae, Architecture.UpsampleVae, Architecture.Autoencoder {

    /** Spec name: {@code vae}, {@code vae-upsample}, {@code ae}. */
    @com.fasterxml.jackson.annotation.JsonValue
    String id();

    /** Human name, as the source's tables call it. */
    String displayName();

    /** Two dense heads (mean, log-variance), reparameterised sampling and a KL term. */
    boolean variational();

    /** Decoder of nearest-neighbour upsampling + 3x3 convolutions rather than transposed convolutions. */
    boolean upsamplingDecoder();

    /** Encoder → (mu, logvar) → z = mu + exp(logvar/2)·eps → transposed-convolution decoder. */
    record Vae() implements Architecture {
        public String id() {
            return "vae";
        }

        public String displayName() {
            return "VAE";
        }

        public boolean variational() {
            return true;
        }

        public boolean upsamplingDecoder() {
            return false;
        }
    }

    /** The source's "VAE-Variation": the VAE with an upsample + convolution decoder. */
    record UpsampleVae() implements Architecture {
        public String id() {
            return "vae-upsample";
        }

        public String displayName() {
            return "VAE-Variation";
        }

        public boolean variational() {
            return true;
        }

        public boolean upsamplingDecoder() {
            return true;
        }
    }

    /** Deterministic dense bottleneck, the VAE's decoder, no KL term. */
    record Autoencoder() implements Architecture {
        public String id() {
            return "ae";
        }

        public String displayName() {
            return "Autoencoder";
        }

        public boolean variational() {
            return false;
        }

        public boolean upsamplingDecoder() {
            return false;
        }
    }

    static List<Architecture> all() {
        return List.of(new Vae(), new UpsampleVae(), new Autoencoder());
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    static Architecture fromId(String id) {
        String key = id.toLowerCase(Locale.ROOT);
        return all().stream().filter(a -> a.id().equals(key)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown architecture '" + id + "', expected one of "
                        + all().stream().map(Architecture::id).toList()));
    }
}
