package org.vaerepro.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaerepro.BitIdentical.assertBitIdentical;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.vaerepro.Fixtures;
import org.vaerepro.SharedData;
import org.vaerepro.data.FileChecksums;
import org.vaerepro.model.AutoencoderModel;
import org.vaerepro.model.ModelFile;

/** The gate's reference models: float16 files, measured exactly, and refused by SHA-256 when damaged. */
class ReferenceModelsTest {
    @TempDir
    Path dir;

    private ExperimentSpec experiment() throws Exception {
        Path file = Files.writeString(dir.resolve("r.json"), """
                {"suite": "r", "defaults": {"dataset": "mnist", "architecture": "vae", "epochs": 1, "seed": 3,
                 "seeds": 2}, "experiments": [{"id": "v", "latentDim": 2}]}
                """);
        return new SuiteParser().parse(file).experiments().get(0);
    }

    /** A model of {@code spec}'s configuration saved as a run would save it; returns its file. */
    private Path runModel(ExperimentSpec spec) {
        Path file = dir.resolve("model.zip");
        ModelFile.save(file, AutoencoderModel.create(ExperimentTrainer.modelConfig(spec), 3),
                Fixtures.provenance("1".repeat(64), "2".repeat(64), 3, 1));
        return file;
    }

    @Test
    void aReferenceModelHoldsItsRunsParametersRoundedToFloat16InHalfTheSpace() throws Exception {
        Path run = runModel(experiment());
        Path reference = dir.resolve("reference/v.zip");
        String sha256 = ReferenceModels.writeRounded(run, reference);
        assertEquals(FileChecksums.sha256(reference), sha256);
        Map<String, org.nd4j.linalg.api.ndarray.INDArray> original = ModelFile.load(run).model().parameters();
        Map<String, org.nd4j.linalg.api.ndarray.INDArray> loaded = ModelFile.load(reference).model().parameters();
        assertEquals(original.keySet(), loaded.keySet());
        original.forEach((name, value) -> {
            assertEquals(DataType.FLOAT, loaded.get(name).dataType());
            assertBitIdentical(value.castTo(DataType.HALF).castTo(DataType.FLOAT), loaded.get(name), name);
        });
        assertTrue(Files.size(reference) < 0.6 * Files.size(run), Files.size(reference) + " vs " + Files.size(run));
        // The provenance of the run travels with it.
        assertEquals(ModelFile.load(run).provenance(), ModelFile.load(reference).provenance());
    }

    @Test
    void aDamagedOrReplacedReferenceModelIsNamedWithItsPathAndSha256AndNeverRead() throws Exception {
        ExperimentSpec spec = ReferenceModels.measurementSpec(experiment());
        Path reference = dir.resolve("v.zip");
        String recorded = ReferenceModels.writeRounded(runModel(experiment()), reference);
        ReferenceModels references = new ReferenceModels(null); // never reaches evaluation

        ReferenceModels.Measurement missing = references.measure(dir.resolve("gone.zip"), recorded, spec);
        assertTrue(((ReferenceModels.Unusable) missing).problem().contains(dir.resolve("gone.zip") + " is missing (the "
                + "baseline recorded SHA-256 " + recorded), missing.toString());

        byte[] bytes = Files.readAllBytes(reference);
        Path truncated = Files.write(dir.resolve("truncated.zip"), Arrays.copyOf(bytes, bytes.length / 2));
        String found = FileChecksums.sha256(truncated);
        ReferenceModels.Measurement damaged = references.measure(truncated, recorded, spec);
        assertEquals("reference model file " + truncated + " has SHA-256 " + found + ", the baseline recorded " + recorded
                + ": the file is damaged or was replaced; restore the committed file, or record the reference models "
                + "again deliberately", ((ReferenceModels.Unusable) damaged).problem());

        // Recorded damaged (it can only have been so by hand): the reader's complaint comes with the path and SHA-256.
        ReferenceModels.Measurement unreadable = references.measure(truncated, found, spec);
        String problem = ((ReferenceModels.Unusable) unreadable).problem();
        assertTrue(problem.startsWith("reference model file " + truncated + " (SHA-256 " + found + ", as recorded) cannot "
                + "be read: "), problem);
    }

    @Test
    void aReferenceModelIsMeasuredAsARunIsEveryNumberTheSameEachTime() throws Exception {
        ExperimentSpec spec = ReferenceModels.measurementSpec(experiment());
        assertEquals(java.util.List.of(3L), spec.seeds(), "one run's spec: the experiment's first seed");
        assertEquals(ReferenceModels.PROBE_IMAGES, spec.training().trainSubset());
        Path reference = dir.resolve("v.zip");
        String sha256 = ReferenceModels.writeRounded(runModel(experiment()), reference);
        ExperimentEvaluator evaluator = new ExperimentEvaluator(new ExperimentDatasets(SharedData.repository()),
                new OutputLayout(dir.resolve("out")), new LazyLpips(SharedData.lpipsWeights()), line -> { });
        ReferenceModels references = new ReferenceModels(evaluator);
        Map<String, Double> first = assertInstanceOf(ReferenceModels.Measured.class,
                references.measure(reference, sha256, spec)).values();
        Map<String, Double> again = assertInstanceOf(ReferenceModels.Measured.class,
                references.measure(reference, sha256, spec)).values();
        assertEquals(first, again);
        for (String id : java.util.List.of("psnr/mean/per-image", "psnr/sampled/pooled", "lpips/mean/signed/resize",
                "lpips/sampled/raw/resize64", "ssim", "testReconstructionLoss", "activeUnits", "knnAccuracy",
                "linearProbeAccuracy", "silhouette", "likelihood/nll", "likelihood/elbo", "likelihood/kl")) {
            assertTrue(first.containsKey(id) && Double.isFinite(first.get(id)), id + " in " + first.keySet());
        }
        assertEquals(16 + 8 + 5, first.size(), "the protocol grid, the scalars, the likelihood bounds: " + first.keySet());
    }
}
