package org.vaerepro.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The latent numbers on hand-worked cases where a rule's edge decides them: thresholds, ties and absent classes. */
class LatentEdgesTest {
    @Test
    void aUnitIsActiveWhenItsMeanVariesByMoreThanTheThreshold() {
        // Population variances over the four images: 0.0225, 0.009 (just under 0.01), 0, 0.25 and 1.
        INDArray means = Nd4j.create(new double[][] {
            {0.15, 0.0948683298, 7, 0.5, 1},
            {-0.15, -0.0948683298, 7, -0.5, -1},
            {0.15, 0.0948683298, 7, 0.5, 1},
            {-0.15, -0.0948683298, 7, -0.5, -1}});
        assertEquals(3, ActiveUnits.count(means));
    }

    @Test
    void aTieOfVotesGoesToTheNearestNeighbour() {
        // k = 2: one neighbour of each class; the nearer one (class 1, at 0) decides, not the lower class number.
        INDArray train = Nd4j.create(new double[][] {{1.0}, {0.0}});
        INDArray test = Nd4j.create(new double[][] {{0.1}, {0.9}});
        assertEquals(1.0, NearestNeighbourProbe.accuracy(train, new int[] {0, 1}, test, new int[] {1, 0}, 2, 2), 0);
    }

    @Test
    void theMajorityOfTheKNearestOutvotesTheNearestOne() {
        // k = 3 around 0.05: the nearest (0, class 0) against two of class 1 at 0.2 and 0.25.
        INDArray train = Nd4j.create(new double[][] {{0.0}, {0.2}, {0.25}, {5.0}});
        INDArray test = Nd4j.create(new double[][] {{0.05}});
        assertEquals(1.0, NearestNeighbourProbe.accuracy(train, new int[] {0, 1, 1, 0}, test, new int[] {1}, 3, 2), 0);
    }

    @Test
    void equallyNearNeighboursAreTakenInTheirTrainingOrder() {
        assertArrayEquals(new int[] {0, 1}, NearestNeighbourProbe.smallest(new double[] {0.5, 0.5, 0.5}, 0, 3, 2));
        // Read from offset 1: values 1, 0.5, 2, 0.5 at indices 0-3; the two at 0.5, the earlier first.
        assertArrayEquals(new int[] {1, 3}, NearestNeighbourProbe.smallest(new double[] {9, 1, 0.5, 2, 0.5}, 1, 4, 2));
    }

    @Test
    void anAbsentClassIsNotTheNearestOtherClassAndOneClassHasNoSilhouette() {
        INDArray x = Nd4j.create(new double[][] {{0}, {1}, {4}, {5}});
        // As the hand-worked example of LatentProbesTest, with the second class numbered 2 and class 1 empty.
        assertEquals((7.0 / 9 + 5.0 / 7) / 2, SilhouetteScore.of(x, new int[] {0, 0, 2, 2}, 3), 1e-12);
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
                () -> SilhouetteScore.of(x, new int[] {1, 1, 1, 1}, 3));
        assertTrue(one.getMessage().contains("at least two classes present, got 1"), one.getMessage());
    }
}
