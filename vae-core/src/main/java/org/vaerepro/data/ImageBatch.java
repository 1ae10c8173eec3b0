package org.vaerepro.data;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A mini-batch: float images in [0,1], NCHW, with one class label per image (-1 where unlabelled). */
public record ImageBatch(INDArray images, int[] labels) {
    public int size() {
        return labels.length;
    }
}
