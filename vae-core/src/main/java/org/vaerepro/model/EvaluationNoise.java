package org.vaerepro.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaerepro.io.Preconditions;

/**
 * The noise evaluation draws, per test image, from a seed (typically the run's): {@link GaussianNoise} streams
 * below zero, {@code -1 - (image * 2 + purpose)}. Training draws stream 1 + its global step and
 * {@link AutoencoderModel#sample} stream 0, so with the same seed evaluation never reuses a key training
 * uses, and measuring a model, during training or after it, consumes nothing of training's noise. Keyed by the
 * image's index in the evaluated set, the noise of an image does not depend on how the set is batched.
 */
public enum EvaluationNoise {
    /** eps of the decoding of one sampled z = mu + exp(logvar/2)·eps: one row of d values per image. */
    SAMPLED_DECODING,
    /** eps of the K importance samples of the likelihood bound: K rows of d values per image. */
    IMPORTANCE_SAMPLES;

    /** The {@link GaussianNoise} stream of image {@code image} (0-based index in the evaluated set). */
    public long stream(long image) {
        Preconditions.check(image >= 0 && image < Long.MAX_VALUE / (2 * values().length),
                "image index must be >= 0 and < 2^61, got " + image);
        return -1 - (image * values().length + ordinal());
    }

    /**
     * The noise of images {@code firstImage} .. {@code firstImage + images - 1}, {@code rowsPerImage} rows of
     * {@code columns} values each, image by image: [images * rowsPerImage, columns].
     */
    public INDArray sample(long seed, long firstImage, int images, int rowsPerImage, int columns, DataType dataType) {
        Preconditions.check(images >= 0 && rowsPerImage > 0 && columns > 0, "need images >= 0, rows and columns > 0, got "
                + images + ", " + rowsPerImage + ", " + columns);
        int perImage = rowsPerImage * columns;
        double[] values = new double[images * perImage];
        for (int i = 0; i < images; i++) {
            System.arraycopy(GaussianNoise.values(seed, stream(firstImage + i), perImage), 0, values, i * perImage,
                    perImage);
        }
        return Nd4j.create(values, new long[] {(long) images * rowsPerImage, columns}, DataType.DOUBLE).castTo(dataType);
    }
}
