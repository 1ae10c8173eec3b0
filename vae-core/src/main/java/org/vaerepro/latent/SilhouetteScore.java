package org.vaerepro.latent;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Mean silhouette coefficient (Rousseeuw 1987) of latent codes grouped by their class labels, with
 * Euclidean distance, as scikit-learn's {@code silhouette_score}: s = (b - a) / max(a, b), where a is
 * the mean distance to the other members of the own class and b the smallest mean distance to another
 * class; s = 0 for a point alone in its class. Exact over all points, computed in blocks of rows so
 * memory stays at block x n distances.
 */
public final class SilhouetteScore {
    private SilhouetteScore() {
    }

    public static double of(INDArray codes, int[] labels, int numClasses) {
        int n = labels.length;
        if (codes.size(0) != n) {
            throw new IllegalArgumentException(codes.size(0) + " codes but " + n + " labels");
        }
        int[] classSize = new int[numClasses];
        for (int label : labels) {
            classSize[label]++;
        }
        int populated = 0;
        for (int size : classSize) {
            if (size > 0) {
                populated++;
            }
        }
        if (populated < 2) {
            throw new IllegalArgumentException("silhouette needs at least two classes present, got " + populated);
        }
        SquaredDistances toAll = new SquaredDistances(codes);
        double total = 0;
        for (int from = 0; from < n; from += SquaredDistances.BLOCK) {
            int to = Math.min(n, from + SquaredDistances.BLOCK);
            double[] d = toAll.from(codes.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()));
            for (int r = 0; r < to - from; r++) {
                int i = from + r;
                double[] sums = new double[numClasses];
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        sums[labels[j]] += Math.sqrt(Math.max(0, d[r * n + j]));
                    }
                }
                int own = labels[i];
                if (classSize[own] == 1) {
                    continue;
                }
                double a = sums[own] / (classSize[own] - 1);
                double b = Double.POSITIVE_INFINITY;
                for (int c = 0; c < numClasses; c++) {
                    if (c != own && classSize[c] > 0) {
                        b = Math.min(b, sums[c] / classSize[c]);
                    }
                }
                double denominator = Math.max(a, b);
                total += denominator == 0 ? 0 : (b - a) / denominator;
            }
        }
        return total / n;
    }
}
