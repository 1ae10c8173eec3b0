package org.vaerepro.latent;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Accuracy of a k-nearest-neighbour classifier (Euclidean, majority vote, ties to the nearest) fitted
 * on train-set latent means and scored on test-set means: how well classes separate in the latent space.
 */
public final class NearestNeighbourProbe {
    private NearestNeighbourProbe() {
    }

    public static double accuracy(INDArray trainCodes, int[] trainLabels, INDArray testCodes, int[] testLabels, int k,
            int numClasses) {
        SquaredDistances toTrain = new SquaredDistances(trainCodes);
        int n = toTrain.referenceCount();
        int correct = 0;
        for (int from = 0; from < testCodes.size(0); from += SquaredDistances.BLOCK) {
            int to = (int) Math.min(testCodes.size(0), from + SquaredDistances.BLOCK);
            double[] d = toTrain.from(testCodes.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()));
            for (int row = 0; row < to - from; row++) {
                int[] nearest = smallest(d, row * n, n, k);
                int[] votes = new int[numClasses];
                for (int index : nearest) {
                    votes[trainLabels[index]]++;
                }
                int best = trainLabels[nearest[0]];
                for (int c = 0; c < numClasses; c++) {
                    if (votes[c] > votes[best]) {
                        best = c;
                    }
                }
                if (best == testLabels[from + row]) {
                    correct++;
                }
            }
        }
        return (double) correct / testCodes.size(0);
    }

    /** Indices of the k smallest values in d[offset, offset+n), nearest first. */
    static int[] smallest(double[] d, int offset, int n, int k) {
        int[] best = new int[k];
        double[] bestValue = new double[k];
        java.util.Arrays.fill(bestValue, Double.POSITIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            double v = d[offset + i];
            if (v < bestValue[k - 1]) {
                int j = k - 1;
                while (j > 0 && bestValue[j - 1] > v) {
                    bestValue[j] = bestValue[j - 1];
                    best[j] = best[j - 1];
                    j--;
                }
                bestValue[j] = v;
                best[j] = i;
            }
        }
        return best;
    }
}
