package org.vaerepro.latent;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Squared Euclidean distances from query rows to a fixed set of reference codes, computed as
 * ||a||² + ||b||² - 2 a·b one block of queries at a time, so memory stays at block x references.
 * The probes ask for blocks of {@link #BLOCK} rows.
 */
final class SquaredDistances {
    static final int BLOCK = 500;

    private final INDArray referenceTransposed;
    private final INDArray referenceNorms;

    SquaredDistances(INDArray reference) {
        INDArray r = reference.castTo(DataType.DOUBLE);
        // A contiguous transpose, made once: a transposed view would be copied by every product.
        referenceTransposed = r.transpose().dup('c');
        referenceNorms = r.mul(r).sum(1).reshape(1, r.size(0));
    }

    int referenceCount() {
        return (int) referenceNorms.size(1);
    }

    /** Row-major [queries x references] distances of the given query rows. */
    double[] from(INDArray queries) {
        INDArray q = queries.castTo(DataType.DOUBLE);
        INDArray queryNorms = q.mul(q).sum(1).reshape(q.size(0), 1);
        return q.mmul(referenceTransposed).muli(-2).addiRowVector(referenceNorms).addiColumnVector(queryNorms)
                .dup('c').data().asDouble();
    }
}
