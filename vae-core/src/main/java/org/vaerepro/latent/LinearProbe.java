package org.vaerepro.latent;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Multinomial logistic regression fitted on train-set latent means and scored on test-set means: the
 * linear counterpart of {@link NearestNeighbourProbe}. Features are standardised with the train
 * statistics; the loss is mean cross-entropy plus {@code l2/2 * ||W||²}, minimised by full-batch Adam
 * in double precision from zero weights (convex, so the start does not matter and the result is
 * deterministic).
 */
public final class LinearProbe {
    public static final double DEFAULT_L2 = 1e-4;
    public static final int DEFAULT_ITERATIONS = 500;
    private static final double LEARNING_RATE = 0.05;

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
        INDArray x = codes.castTo(DataType.DOUBLE);
        INDArray mean = x.mean(0).reshape(1, x.size(1));
        INDArray scale = Transforms.max(x.std(false, 0), 1e-8).reshape(1, x.size(1));
        INDArray z = x.subRowVector(mean).diviRowVector(scale);
        int n = labels.length;
        INDArray targets = Nd4j.zeros(DataType.DOUBLE, n, numClasses);
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException("label " + labels[i] + " at row " + i + " is outside [0, "
                        + numClasses + ")");
            }
            targets.putScalar(i, labels[i], 1.0);
        }
        INDArray w = Nd4j.zeros(DataType.DOUBLE, x.size(1), numClasses);
        INDArray b = Nd4j.zeros(DataType.DOUBLE, 1, numClasses);
        Adam adamW = new Adam(w.shape());
        Adam adamB = new Adam(b.shape());
        double loss = Double.NaN;
        for (int t = 1; t <= iterations; t++) {
            INDArray probabilities = softmax(z.mmul(w).addiRowVector(b));
            loss = -Transforms.log(probabilities.mul(targets).sum(1), false).meanNumber().doubleValue()
                    + 0.5 * l2 * w.mul(w).sumNumber().doubleValue();
            INDArray error = probabilities.subi(targets).divi(n);
            INDArray gradW = z.transpose().mmul(error).addi(w.mul(l2));
            INDArray gradB = error.sum(true, 0);
            w.subi(adamW.step(gradW, t));
            b.subi(adamB.step(gradB, t));
        }
        return new LinearProbe(mean, scale, w, b, loss);
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

    /** Training objective at the last iteration (cross-entropy + L2 term). */
    public double finalLoss() {
        return finalLoss;
    }

    private static INDArray softmax(INDArray logits) {
        INDArray shifted = logits.subColumnVector(logits.max(true, 1));
        INDArray e = Transforms.exp(shifted, false);
        return e.diviColumnVector(e.sum(true, 1));
    }

    /** Adam for one parameter block; plain arithmetic, so every run takes the same path. */
    private static final class Adam {
        private static final double BETA1 = 0.9;
        private static final double BETA2 = 0.999;
        private static final double EPSILON = 1e-8;
        private final INDArray m;
        private final INDArray v;

        Adam(long[] shape) {
            m = Nd4j.zeros(DataType.DOUBLE, shape);
            v = Nd4j.zeros(DataType.DOUBLE, shape);
        }

        INDArray step(INDArray gradient, int t) {
            m.muli(BETA1).addi(gradient.mul(1 - BETA1));
            v.muli(BETA2).addi(gradient.mul(gradient).muli(1 - BETA2));
            double correction1 = 1 - Math.pow(BETA1, t);
            double correction2 = 1 - Math.pow(BETA2, t);
            return m.div(correction1).divi(Transforms.sqrt(v.div(correction2), false).addi(EPSILON)).muli(LEARNING_RATE);
        }
    }
}
