package org.vaerepro.latent;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;

/** Projection of latent codes onto their top two principal components, with the variance they explain. */
public record PrincipalComponents(INDArray projected, double explainedVariance) {

    /** The codes themselves when d = 2 (explained variance 1); else the PCA projection. */
    public static PrincipalComponents twoD(INDArray codes) {
        INDArray x = codes.castTo(DataType.DOUBLE);
        if (x.size(1) == 2) {
            return new PrincipalComponents(x, 1.0);
        }
        INDArray centred = x.subRowVector(x.mean(0));
        INDArray covariance = centred.transpose().mmul(centred).divi(x.size(0) - 1);
        INDArray eigenvalues = Eigen.symmetricGeneralizedEigenvalues(covariance, true); // covariance ← eigenvectors
        double[] values = eigenvalues.data().asDouble();
        int d = values.length;
        // Eigenvalues come in ascending order: the last two columns are the top components.
        int[] top = {d - 1, d - 2};
        double total = 0;
        for (double v : values) {
            total += Math.max(v, 0);
        }
        INDArray components = org.nd4j.linalg.factory.Nd4j.hstack(covariance.getColumn(top[0], true),
                covariance.getColumn(top[1], true));
        return new PrincipalComponents(centred.mmul(components), (values[top[0]] + values[top[1]]) / total);
    }
}
