package org.vaerepro.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaerepro.SharedData;
import org.vaerepro.experiment.ExperimentResult;
import org.vaerepro.experiment.Shard;
import org.vaerepro.train.StepPoint;

/**
 * The options of issue #26 through a real suite: a step budget, the KL averaged over latent dimensions, an early
 * step curve, a headline under another evaluation protocol, and the likelihood bounds, all in metrics.json.
 */
class ProtocolSuiteTest {
    @TempDir
    Path dir;

    @Test
    void aSuiteDeclaresTheProtocolItsHeadlineIsMeasuredUnder() throws Exception {
        Path suiteFile = Files.writeString(dir.resolve("protocol.json"), """
                {"suite": "protocol", "defaults": {"dataset": "mnist", "architecture": "vae", "latentDim": 2, "seed": 1,
                  "epochs": 5, "batchSize": 64, "trainSubset": 640, "testSubset": 60},
                 "experiments": [
                   {"id": "reference"},
                   {"id": "published", "klReduction": "mean", "maxSteps": 12, "curveSteps": [2, 4, 8, 12],
                    "curveTestImages": 40, "decoding": "sampled", "lpipsScaling": "raw", "lpipsSmallImages": "bicubic-aa64",
                    "lpipsSmallImageRules": ["nearest48"], "psnrReduction": "pooled", "likelihoodSamples": 5,
                    "likelihoodImages": 20}]}
                """);
        List<String> log = new ArrayList<>();
        SuiteSession session = new SuiteSession(new SessionSettings(suiteFile, dir.resolve("out"), List.of(), Shard.ALL, 0,
                SharedData.dataDir(), null, dir, false, SharedData.lpipsWeights(), null, false, 0, Parallelism.SERIAL),
                log::add);
        assertTrue(session.reproduce().failures().isEmpty(), String.join("\n", log));

        ExperimentResult reference = ExperimentResult.read(dir.resolve("out/protocol/reference/metrics.json"));
        ExperimentResult published = ExperimentResult.read(dir.resolve("out/protocol/published/metrics.json"));
        // The reference protocol's headline is the grid's mean-decoding, per-image, [-1, 1], resize value.
        assertEquals(reference.metrics().byProtocol().get("psnr/mean/per-image"), reference.metrics().psnr(), 0.0);
        assertEquals(reference.metrics().byProtocol().get("lpips/mean/signed/resize"), reference.metrics().lpips(), 0.0);
        assertEquals(16, reference.metrics().byProtocol().size(), reference.metrics().byProtocol().keySet().toString());
        assertNull(reference.metrics().likelihood());
        assertTrue(reference.stepCurve().isEmpty());
        assertEquals(5 * 10, reference.provenance().training().steps(), "5 epochs of 10 steps");

        // The declared protocol picks its own headline from the same grid.
        assertEquals(published.metrics().byProtocol().get("psnr/sampled/pooled"), published.metrics().psnr(), 0.0);
        assertEquals(published.metrics().byProtocol().get("lpips/sampled/raw/bicubic-aa64"), published.metrics().lpips(),
                0.0);
        // The grid: the standard rules, the declared nearest48 and the headline's bicubic-aa64, 4 values each.
        assertEquals(16 + 2 * 4, published.metrics().byProtocol().size(),
                published.metrics().byProtocol().keySet().toString());
        assertEquals(12, published.provenance().training().steps(), "the step budget ends training mid-epoch");
        assertEquals(List.of(2L, 4L, 8L, 12L), published.stepCurve().stream().map(StepPoint::step).toList());
        StepPoint last = published.stepCurve().get(3);
        assertTrue(last.values().containsKey("lpips/sampled/raw/resize64") && last.values().containsKey("loss/kl")
                && last.values().containsKey("lpips/mean/signed/nearest48"), last.values().keySet().toString());
        // A step curve measures the declared rules; the headline's own rule is the evaluation's.
        assertFalse(last.values().containsKey("lpips/sampled/raw/bicubic-aa64"), last.values().keySet().toString());
        assertNotNull(published.metrics().likelihood());
        assertEquals(20, published.metrics().likelihood().images());
        assertEquals(5, published.metrics().likelihood().samples());
        assertTrue(published.metrics().likelihood().nll().mean() > 0, published.metrics().likelihood().toString());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("[published] test NLL ")), log.toString());
    }
}
