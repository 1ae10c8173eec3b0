package org.vaerepro.model;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Standard-normal noise that depends only on (seed, stream index): the noise of training step s is
 * a pure function of s, so resuming at any step reproduces it without saving RNG internals.
 */
public final class GaussianNoise {
    private GaussianNoise() {
    }

    public static INDArray sample(long seed, long stream, int rows, int columns, DataType dataType) {
        return Nd4j.create(values(seed, stream, rows * columns), new long[] {rows, columns}, DataType.DOUBLE)
                .castTo(dataType);
    }

    /** The first {@code count} values of stream {@code stream}: what {@link #sample} lays out row by row. */
    public static double[] values(long seed, long stream, int count) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + stream);
        double[] values = new double[count];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian();
        }
        return values;
    }
}
