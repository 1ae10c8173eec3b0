package org.vaerepro.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void anOffsetWithoutASubsetTakesTheRestOfTheSplit() {
        ExperimentDatasets datasets = new ExperimentDatasets(SharedData.repository());
        assertEquals("mnist/test[9990:10000]", datasets.testSet(spec("{\"id\": \"tail\", \"testOffset\": 9990}")).name());
        assertEquals(10000, datasets.testSet(spec("{\"id\": \"all\"}")).size());
    }
}
