package org.vaerepro.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Class-separability probes on synthetic data whose answer is known in advance. */
class LatentProbesTest {

    /** Two unit-variance Gaussians at ±mu on the first axis, plus pure-noise axes. */
    private record Sample(INDArray codes, int[] labels) {
    }

    private static Sample gaussians(int n, double mu, int dims, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][dims];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            for (int k = 0; k < dims; k++) {
                x[i][k] = gaussian(random) + (k == 0 ? (labels[i] == 0 ? -mu : mu) : 0);
            }
        }
        return new Sample(Nd4j.create(x), labels);
    }

    /** XOR of two signs: no line separates the classes, neighbours do. */
    private static Sample xor(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][2];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = random.nextDouble(-1, 1);
            x[i][1] = random.nextDouble(-1, 1);
            labels[i] = (x[i][0] > 0) == (x[i][1] > 0) ? 0 : 1;
        }
        return new Sample(Nd4j.create(x), labels);
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    @Test
    void linearProbeReachesTheBayesAccuracyOfTwoGaussians() {
        // Means ±1, identity covariance: the Bayes rule is the sign of x0, accuracy Phi(1) = 0.841345.
        Sample train = gaussians(4000, 1.0, 3, 1);
        Sample test = gaussians(20000, 1.0, 3, 2);
        double accuracy = LinearProbe.accuracy(train.codes(), train.labels(), test.codes(), test.labels(), 2);
        // 20,000 test points: the sampling standard error is 0.0026; 0.01 allows for it and the fitted line.
        assertEquals(0.841345, accuracy, 0.01);
    }

    @Test
    void linearProbeSeparatesSeparableClassesPerfectlyAndConverges() {
        Sample train = gaussians(1000, 6.0, 2, 3);
        Sample test = gaussians(1000, 6.0, 2, 4);
        LinearProbe probe = LinearProbe.fit(train.codes(), train.labels(), 2, LinearProbe.DEFAULT_L2,
                LinearProbe.DEFAULT_ITERATIONS);
        assertEquals(1.0, probe.accuracy(test.codes(), test.labels()), 0.002);
        assertTrue(probe.finalLoss() < 0.05, "separable data should be fitted almost exactly, loss " + probe.finalLoss());
    }

    @Test
    void linearProbeCannotSolveXorButNearestNeighboursCan() {
        Sample train = xor(2000, 5);
        Sample test = xor(2000, 6);
        double linear = LinearProbe.accuracy(train.codes(), train.labels(), test.codes(), test.labels(), 2);
        double knn = NearestNeighbourProbe.accuracy(train.codes(), train.labels(), test.codes(), test.labels(), 5, 2);
        assertTrue(linear < 0.6, "a linear classifier is at chance on XOR, got " + linear);
        assertTrue(knn > 0.95, "5-NN follows the quadrants, got " + knn);
    }

    @Test
    void nearestNeighboursFindTheBayesRuleOfSeparatedClustersAndChanceOnNoise() {
        Sample train = gaussians(1000, 6.0, 2, 7);
        Sample test = gaussians(1000, 6.0, 2, 8);
        assertEquals(1.0, NearestNeighbourProbe.accuracy(train.codes(), train.labels(), test.codes(), test.labels(), 5,
                2), 0.002);
        Sample noiseTrain = gaussians(2000, 0.0, 2, 9);
        Sample noiseTest = gaussians(4000, 0.0, 2, 10);
        double chance = NearestNeighbourProbe.accuracy(noiseTrain.codes(), noiseTrain.labels(), noiseTest.codes(),
                noiseTest.labels(), 5, 2);
        assertEquals(0.5, chance, 0.03);
    }

    @Test
    void silhouetteOfAHandWorkedExample() {
        // Classes {0, 1} and {4, 5} on a line: s = 7/9 for the outer points, 5/7 for the inner ones.
        INDArray x = Nd4j.create(new double[][] {{0}, {1}, {4}, {5}});
        assertEquals((7.0 / 9 + 5.0 / 7) / 2, SilhouetteScore.of(x, new int[] {0, 0, 1, 1}, 2), 1e-12);
    }

    @Test
    void silhouetteMatchesScikitLearn() {
        // Reference: scikit-learn 1.2.1, sklearn.metrics.silhouette_score(X, i % 3) with
        // X[i] = [cos(1.3 i) + 2 (i % 3), sin(0.7 i) - (i % 3), 0.5 cos(0.4 i)], i = 0..29.
        double[][] x = new double[30][];
        int[] labels = new int[30];
        for (int i = 0; i < 30; i++) {
            labels[i] = i % 3;
            x[i] = new double[] {Math.cos(1.3 * i) + 2 * labels[i], Math.sin(0.7 * i) - labels[i], 0.5 * Math.cos(0.4 * i)};
        }
        assertEquals(0.34088390039450106, SilhouetteScore.of(Nd4j.create(x), labels, 3), 1e-9);
        assertEquals(0.34088390039450106, SilhouetteScore.of(Nd4j.create(x).castTo(DataType.FLOAT), labels, 3), 1e-5);
    }
}
