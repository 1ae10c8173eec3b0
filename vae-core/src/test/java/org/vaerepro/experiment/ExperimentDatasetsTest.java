package org.vaerepro.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaerepro.Fixtures;
import org.vaerepro.SharedData;
import org.vaerepro.data.ImageDataset;
import org.vaerepro.data.Split;
import org.vaerepro.data.StandardDataset;

/** Which test images a spec's evaluation and its step curves measure, on the real MNIST test split. */
class ExperimentDatasetsTest {
    @TempDir
    Path dir;

    private ExperimentSpec spec(String fields) {
        Suite suite = Fixtures.suite(dir.resolve("s.json"), """
                {"suite": "s", "defaults": {"dataset": "mnist", "architecture": "ae", "latentDim": 2, "epochs": 1, "seed": 1},
                 "experiments": [%s]}""".formatted(fields));
        return suite.experiments().get(0);
    }

    @Test
    void anOffsetEvaluatesTheImagesFromItAndTheCurvesKeepTheFirstOnes() {
        ExperimentDatasets datasets = new ExperimentDatasets(SharedData.repository());
        ImageDataset split = SharedData.repository().load(StandardDataset.MNIST, Split.TEST);
        ExperimentSpec held = spec("{\"id\": \"held\", \"testOffset\": 5000, \"testSubset\": 40, \"curveTestImages\": 30}");

        ImageDataset test = datasets.testSet(held);
        assertEquals(40, test.size());
        assertEquals("mnist/test[5000:5040]", test.name());
        int[] indices = {0, 17, 39};
        int[] shifted = {5000, 5017, 5039};
        assertArrayEquals(split.batch(shifted).images().data().asFloat(), test.batch(indices).images().data().asFloat());
        assertArrayEquals(split.batch(shifted).labels(), test.batch(indices).labels());

        ImageDataset curve = datasets.curveSet(held);
        assertEquals(30, curve.size());
        assertArrayEquals(split.batch(new int[] {0, 29}).images().data().asFloat(),
                curve.batch(new int[] {0, 29}).images().data().asFloat());
    }

    @Test
    void aStrideOfTwoSplitsTheTestSetIntoItsEvenAndOddImagesForEvaluationAndCurves() {
        ExperimentDatasets datasets = new ExperimentDatasets(SharedData.repository());
        ImageDataset split = SharedData.repository().load(StandardDataset.MNIST, Split.TEST);
        ExperimentSpec odd = spec("{\"id\": \"odd\", \"testOffset\": 1, \"testStride\": 2,"
                + " \"curveTestStride\": 2, \"curveTestImages\": 5000}");

        ImageDataset test = datasets.testSet(odd);
        assertEquals(5000, test.size(), "no testSubset: every odd image");
        assertEquals("mnist/test[1:10000:2]", test.name());
        assertArrayEquals(split.batch(new int[] {1, 3, 9999}).images().data().asFloat(),
                test.batch(new int[] {0, 1, 4999}).images().data().asFloat());
        assertArrayEquals(split.batch(new int[] {1, 3, 9999}).labels(), test.batch(new int[] {0, 1, 4999}).labels());
        assertEquals(split.label(7), test.label(3));

        ImageDataset curve = datasets.curveSet(odd);
        assertEquals("mnist/test[0:9999:2]", curve.name());
        assertArrayEquals(split.batch(new int[] {0, 2, 9998}).images().data().asFloat(),
                curve.batch(new int[] {0, 1, 4999}).images().data().asFloat());

        ExperimentSpec evenFirst = spec("{\"id\": \"e\", \"testStride\": 2, \"testSubset\": 3}");
        assertEquals("mnist/test[0:5:2]", datasets.testSet(evenFirst).name(), "test images 0, 2 and 4");
        ExperimentSpec curveOffset = spec("{\"id\": \"c\", \"curveTestOffset\": 5000, \"curveTestImages\": 10}");
        assertEquals("mnist/test[5000:5010]", datasets.curveSet(curveOffset).name());
    }

    @Test
    void aStridedSelectionPastTheSplitNamesItsFields() {
        ExperimentDatasets datasets = new ExperimentDatasets(SharedData.repository());
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class, () -> datasets.testSet(
                spec("{\"id\": \"odd\", \"testOffset\": 1, \"testStride\": 2, \"testSubset\": 5001}")));
        assertEquals("experiment 'odd': testOffset 1 and testStride 2 with testSubset 5001 runs past the 10000 images"
                + " of mnist/test; from image 1 every 2 there are 5000", tooMany.getMessage());
        IllegalArgumentException curve = assertThrows(IllegalArgumentException.class, () -> datasets.curveSet(
                spec("{\"id\": \"c\", \"curveTestOffset\": 9995, \"curveTestImages\": 10}")));
        assertEquals("experiment 'c': curveTestOffset 9995 with curveTestImages 10 runs past the 10000 images of"
                + " mnist/test; the offset plus the subset may be at most 10000", curve.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> datasets.testSet(spec("{\"id\": \"past\", \"testOffset\": 10000}")));
    }

    @Test
    void anOffsetWithoutASubsetTakesTheRestOfTheSplit() {
        ExperimentDatasets datasets = new ExperimentDatasets(SharedData.repository());
        assertEquals("mnist/test[9990:10000]", datasets.testSet(spec("{\"id\": \"tail\", \"testOffset\": 9990}")).name());
        assertEquals(10000, datasets.testSet(spec("{\"id\": \"all\"}")).size());
    }
}
