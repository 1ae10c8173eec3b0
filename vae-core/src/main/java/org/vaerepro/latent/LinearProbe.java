package org.vaerepro.latent;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Multinomial logistic regression fitted on train-set latent means and scored on test-set means: the
 * linear counterpart of {@link NearestNeighbourProbe}. Features are standardised with the train
 * statistics; the loss is mean cross-entropy plus {@code l2/2 * ||W||²} (bias not penalised), minimised
 * by full-batch Adam in double precision from zero weights (convex, so the start does not matter and
 * the result is deterministic).
 */
public final class LinearProbe {
    public static final double DEFAULT_L2 = 1e-4;
    public static final int DEFAULT_ITERATIONS = 500;
    private static final double LEARNING_RATE = 0.05;
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final INDArray featureMean;
    private final INDArray featureScale;
    private final INDArray weights;
    private final INDArray bias;
    private final double finalLoss;

    private LinearProbe(INDArray featureMean, INDArray featureScale, INDArray weights, INDArray bias, double finalLoss) {
        this.featureMean = featureMean;
        this.featureScale = featureScale;
        this.weights = weights;
        this.bias = bias;
        this.finalLoss = finalLoss;
    }

    /** Test accuracy of a probe fitted with the default regularisation and iteration count. */
    public static double accuracy(INDArray trainCodes, int[] trainLabels, INDArray testCodes, int[] testLabels,
            int numClasses) {
        return fit(trainCodes, trainLabels, numClasses, DEFAULT_L2, DEFAULT_ITERATIONS).accuracy(testCodes, testLabels);
    }

    public static LinearProbe fit(INDArray codes, int[] labels, int numClasses, double l2, int iterations) {
        if (codes.size(0) != labels.length) {
            throw new IllegalArgumentException(codes.size(0) + " codes but " + labels.length + " labels");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException("label " + labels[i] + " at row " + i + " is outside [0, "
                        + numClasses + ")");
            }
        }
        INDArray x = codes.castTo(DataType.DOUBLE);
        INDArray mean = x.mean(0).reshape(1, x.size(1));
        INDArray scale = Transforms.max(x.std(false, 0), 1e-8).reshape(1, x.size(1));
        int n = labels.length;
        int d = (int) x.size(1);
        // Standardised features with a constant column, so the bias is the last row of the weights.
        INDArray z = Nd4j.hstack(x.subRowVector(mean).diviRowVector(scale), Nd4j.ones(DataType.DOUBLE, n, 1));
        INDArray zt = z.transpose().dup('c');
        int rows = d + 1;
        double[] w = new double[rows * numClasses];
        double[] m = new double[w.length];
        double[] v = new double[w.length];
        // Only the two products run in ND4J; softmax and Adam on these small arrays are plain loops,
        // which avoids dozens of tiny native calls per iteration.
        for (int t = 1; t <= iterations; t++) {
            INDArray weights = Nd4j.create(w, new long[] {rows, numClasses}, 'c');
            double[] probabilities = z.mmul(weights).dup('c').data().asDouble();
            softmaxRows(probabilities, numClasses);
            for (int i = 0; i < n; i++) {
                probabilities[i * numClasses + labels[i]] -= 1;
            }
            for (int k = 0; k < probabilities.length; k++) {
                probabilities[k] /= n;
            }
            double[] gradient = zt.mmul(Nd4j.create(probabilities, new long[] {n, numClasses}, 'c')).dup('c').data()
                    .asDouble();
            for (int k = 0; k < gradient.length; k++) {
                if (k < d * numClasses) {
                    gradient[k] += l2 * w[k]; // no penalty on the bias row
                }
                m[k] = BETA1 * m[k] + (1 - BETA1) * gradient[k];
                v[k] = BETA2 * v[k] + (1 - BETA2) * gradient[k] * gradient[k];
                double mHat = m[k] / (1 - Math.pow(BETA1, t));
                double vHat = v[k] / (1 - Math.pow(BETA2, t));
                w[k] -= LEARNING_RATE * mHat / (Math.sqrt(vHat) + EPSILON);
            }
        }
        INDArray weights = Nd4j.create(w, new long[] {rows, numClasses}, 'c');
        double[] probabilities = z.mmul(weights).dup('c').data().asDouble();
        softmaxRows(probabilities, numClasses);
        double loss = 0;
        for (int i = 0; i < n; i++) {
            loss -= Math.log(Math.max(probabilities[i * numClasses + labels[i]], 1e-300)) / n;
        }
        for (int k = 0; k < d * numClasses; k++) {
            loss += 0.5 * l2 * w[k] * w[k];
        }
        INDArray featureWeights = weights.get(NDArrayIndex.interval(0, d), NDArrayIndex.all()).dup();
        INDArray bias = weights.get(NDArrayIndex.interval(d, d + 1), NDArrayIndex.all()).dup();
        return new LinearProbe(mean, scale, featureWeights, bias, loss);
    }

    private static void softmaxRows(double[] logits, int classes) {
        for (int offset = 0; offset < logits.length; offset += classes) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, logits[offset + c]);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                logits[offset + c] = Math.exp(logits[offset + c] - max);
                sum += logits[offset + c];
            }
            for (int c = 0; c < classes; c++) {
                logits[offset + c] /= sum;
            }
        }
    }

    public int[] predict(INDArray codes) {
        INDArray z = codes.castTo(DataType.DOUBLE).subRowVector(featureMean).diviRowVector(featureScale);
        return z.mmul(weights).addiRowVector(bias).argMax(1).toIntVector();
    }

    public double accuracy(INDArray codes, int[] labels) {
        int[] predicted = predict(codes);
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if (predicted[i] == labels[i]) {
                correct++;
            }
        }
        return (double) correct / labels.length;
    }

    /** Training objective after the last iteration (cross-entropy + L2 term). */
    public double finalLoss() {
        return finalLoss;
    }
}
