package org.vaerepro.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaerepro.BitIdentical.assertBitIdentical;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Evaluation's noise: streams training never uses, one per image and purpose, independent of batching. */
class EvaluationNoiseTest {
    @Test
    void streamsAreNegativeAndDistinctPerImageAndPurpose() {
        Set<Long> streams = new HashSet<>();
        for (EvaluationNoise purpose : EvaluationNoise.values()) {
            for (long image = 0; image < 10_000; image++) {
                long stream = purpose.stream(image);
                // Training uses 1 + its global step, sample() uses 0.
                assertTrue(stream < 0, purpose + " image " + image + ": " + stream);
                assertTrue(streams.add(stream), "stream used twice: " + stream);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> EvaluationNoise.SAMPLED_DECODING.stream(-1));
    }

    @Test
    void anImagesNoiseDependsOnItsIndexNotOnTheBatch() {
        INDArray all = EvaluationNoise.IMPORTANCE_SAMPLES.sample(7, 0, 10, 3, 4, DataType.DOUBLE);
        assertEquals(30, all.size(0));
        INDArray middle = EvaluationNoise.IMPORTANCE_SAMPLES.sample(7, 4, 3, 3, 4, DataType.DOUBLE);
        assertBitIdentical(all.get(NDArrayIndex.interval(12, 21), NDArrayIndex.all()).dup(), middle, "images 4-6");
        // Image 5's rows are its own stream, laid out row by row.
        INDArray image5 = GaussianNoise.sample(7, EvaluationNoise.IMPORTANCE_SAMPLES.stream(5), 3, 4, DataType.DOUBLE);
        assertBitIdentical(image5, all.get(NDArrayIndex.interval(15, 18), NDArrayIndex.all()).dup(), "image 5");
        // Another purpose, another seed: other values.
        INDArray decoding = EvaluationNoise.SAMPLED_DECODING.sample(7, 0, 1, 1, 4, DataType.DOUBLE);
        INDArray otherSeed = EvaluationNoise.IMPORTANCE_SAMPLES.sample(8, 0, 1, 1, 4, DataType.DOUBLE);
        assertTrue(decoding.getDouble(0, 0) != all.getDouble(0, 0) && otherSeed.getDouble(0, 0) != all.getDouble(0, 0));
        // Standard normal in distribution.
        INDArray many = EvaluationNoise.SAMPLED_DECODING.sample(3, 0, 2000, 1, 10, DataType.DOUBLE);
        assertEquals(0.0, many.meanNumber().doubleValue(), 0.02);
        assertEquals(1.0, many.stdNumber().doubleValue(), 0.02);
    }
}
