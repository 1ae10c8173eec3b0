package org.vaerepro.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaerepro.SharedData;
import org.vaerepro.experiment.ExperimentResult;
import org.vaerepro.experiment.Shard;
import org.vaerepro.experiment.TrainingRecord;
import org.vaerepro.train.EpochReport;
import org.vaerepro.train.ValidationReport;

/**
 * Held-out validation images, measured after every epoch: they come from the end of the training pool
 * (never the test set), they do not change training (the same run without validation but with the same
 * training images ends bit-identical in its metrics), and the page draws the curves, one line per seed.
 */
class LearningCurvesTest {
    @TempDir
    Path dir;

    @Test
    void everyEpochRecordsValidationAndThePageDrawsTheCurves() throws Exception {
        Path suiteFile = Files.writeString(dir.resolve("curves.json"), """
                {"suite": "curves", "defaults": {"dataset": "mnist", "architecture": "vae", "latentDim": 2,
                  "epochs": 2, "batchSize": 64, "testSubset": 100, "seed": 1},
                 "experiments": [
                   {"id": "held", "trainSubset": 320, "validation": 64, "seeds": 2, "patience": 5},
                   {"id": "plain", "trainSubset": 256}]}
                """);
        Path out = dir.resolve("out");
        List<String> log = new ArrayList<>();
        SessionSettings settings = new SessionSettings(suiteFile, out, List.of(), Shard.ALL, 0, SharedData.dataDir(),
                null, dir, false, SharedData.lpipsWeights(), null, false, 0, Parallelism.SERIAL);
        SuiteSession.Outcome outcome = new SuiteSession(settings, log::add).reproduce();
        assertTrue(outcome.failures().isEmpty(), outcome.failures().toString());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("[held/seed-1] training VAE d=2 on mnist/train[0:320][0:256] "
                + "(256 images")), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("[held/seed-1] epoch 2 done") && l.contains("| validation loss")),
                log.toString());

        TrainingRecord held = TrainingRecord.read(out.resolve("curves/held/seed-1/training.json"));
        assertEquals(2, held.result().epochs().size());
        for (EpochReport epoch : held.result().epochs()) {
            ValidationReport v = epoch.validation();
            assertNotNull(v, "epoch " + epoch.epoch());
            assertEquals(64, v.images());
            assertEquals(64, v.lpipsImages());
            assertTrue(v.psnr() > 5 && v.psnr() < 40 && v.lpips() > 0 && v.lpips() < 1 && v.loss() > 0, v.toString());
            assertEquals(v.reconstruction() + v.kl(), v.loss(), 1e-6 * v.loss());
        }
        // The second epoch's validation loss improves on the first on real data, so the run keeps epoch 2's model
        // and records that it reached its maximum rather than converging.
        assertTrue(held.result().epochs().get(1).validation().loss() < held.result().epochs().get(0).validation().loss());
        assertEquals(1, held.result().convergence().bestEpoch());
        assertTrue(held.result().convergence().reason().startsWith("reached the maximum of 2 epochs"),
                held.result().convergence().reason());

        // Validation reads the model only: the same 256 training images without a hold-out train to the same model.
        ExperimentResult withValidation = ExperimentResult.read(out.resolve("curves/held/seed-1/metrics.json"));
        ExperimentResult without = ExperimentResult.read(out.resolve("curves/plain/metrics.json"));
        assertEquals(without.metrics().psnr(), withValidation.metrics().psnr(), 0.0);
        assertEquals(without.metrics().lpips(), withValidation.metrics().lpips(), 0.0);
        assertNull(without.training().get(0).validation());

        Document page = Jsoup.parse(outcome.page().toFile(), "UTF-8");
        for (String picture : List.of("held/loss-curves.png", "held/psnr-curves.png", "held/lpips-curves.png",
                "plain/loss-curves.png")) {
            assertEquals(1, page.select("img[src=" + picture + "]").size(), picture);
            BufferedImage image = ImageIO.read(out.resolve("curves").resolve(picture).toFile());
            assertTrue(SuiteEndToEndTest.distinctColours(image) > 10, picture + " looks blank");
        }
        assertEquals(0, page.select("img[src=plain/psnr-curves.png]").size(), "no validation, no validation curve");
        assertTrue(page.text().contains("Training reached the maximum of 2 epochs"), page.text());
    }
}
