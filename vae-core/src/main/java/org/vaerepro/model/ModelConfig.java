package org.vaerepro.model;

import java.util.List;
import org.vaerepro.data.ImageShape;

/**
 * Everything that determines a model's graph. Defaults follow the source: encoder channels
 * 32/64/128 with 3x3 stride-2 convolutions, BCE reconstruction, beta 1; and where the source is silent,
 * the recorded choices ({@link DecoderDenseActivation}, {@link KlReduction}, {@link ReconstructionReduction}).
 */
public record ModelConfig(Architecture architecture, ImageShape input, int latentDim, List<Integer> channels,
        ReconstructionLoss loss, double beta, DecoderDenseActivation decoderDenseActivation, KlReduction klReduction,
        ReconstructionReduction reconstructionReduction) {

    public static final List<Integer> DEFAULT_CHANNELS = List.of(32, 64, 128);

    public ModelConfig {
        if (latentDim <= 0) {
            throw new IllegalArgumentException("latentDim must be > 0, got " + latentDim);
        }
        channels = List.copyOf(channels);
        // Model files and checkpoints written before the option existed used a ReLU there.
        decoderDenseActivation = decoderDenseActivation == null ? DecoderDenseActivation.RELU : decoderDenseActivation;
        // Likewise the KL term was summed over latent dimensions before the option existed.
        klReduction = klReduction == null ? KlReduction.SUM : klReduction;
        // And the reconstruction term summed over pixels.
        reconstructionReduction = reconstructionReduction == null ? ReconstructionReduction.SUM : reconstructionReduction;
        if (channels.size() != 3 || channels.stream().anyMatch(c -> c <= 0)) {
            throw new IllegalArgumentException("channels must be three positive counts, got " + channels);
        }
        if (!(beta >= 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("beta must be finite and >= 0, got " + beta);
        }
        if (input.height() != input.width() || (input.height() != 28 && input.height() != 32)) {
            throw new IllegalArgumentException("input must be 28x28 or 32x32 (the decoder's size plan), got " + input);
        }
    }

    /** The reconstruction term summed over pixels, as before the option existed. */
    public ModelConfig(Architecture architecture, ImageShape input, int latentDim, List<Integer> channels,
            ReconstructionLoss loss, double beta, DecoderDenseActivation decoderDenseActivation, KlReduction klReduction) {
        this(architecture, input, latentDim, channels, loss, beta, decoderDenseActivation, klReduction,
                ReconstructionReduction.SUM);
    }

    /** The KL term summed over latent dimensions ({@link KlReduction#SUM}), as before the option existed. */
    public ModelConfig(Architecture architecture, ImageShape input, int latentDim, List<Integer> channels,
            ReconstructionLoss loss, double beta, DecoderDenseActivation decoderDenseActivation) {
        this(architecture, input, latentDim, channels, loss, beta, decoderDenseActivation, KlReduction.SUM);
    }

    public static ModelConfig of(Architecture architecture, ImageShape input, int latentDim) {
        return new ModelConfig(architecture, input, latentDim, DEFAULT_CHANNELS, ReconstructionLoss.BCE, 1.0,
                DecoderDenseActivation.RELU, KlReduction.SUM);
    }

    /** This config with the KL term reduced by {@code reduction}. */
    public ModelConfig withKlReduction(KlReduction reduction) {
        return new ModelConfig(architecture, input, latentDim, channels, loss, beta, decoderDenseActivation, reduction,
                reconstructionReduction);
    }

    /** This config with the reconstruction term reduced over pixels by {@code reduction}. */
    public ModelConfig withReconstructionReduction(ReconstructionReduction reduction) {
        return new ModelConfig(architecture, input, latentDim, channels, loss, beta, decoderDenseActivation, klReduction,
                reduction);
    }

    /** Side of the encoder's last feature map: 4 for both 28 and 32 inputs. */
    public int bottleneckSide() {
        int side = input.height();
        for (int i = 0; i < 3; i++) {
            side = (side + 2 - 3) / 2 + 1;
        }
        return side;
    }

    public int flatFeatures() {
        return channels.get(2) * bottleneckSide() * bottleneckSide();
    }
}
