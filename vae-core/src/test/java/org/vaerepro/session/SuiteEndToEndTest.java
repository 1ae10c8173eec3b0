package org.vaerepro.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaerepro.experiment.Shard;
import org.vaerepro.SharedData;
import org.vaerepro.experiment.ExperimentResult;

/** A tiny real suite through train → evaluate → report; the page is parsed with jsoup and checked. */
class SuiteEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void trainEvaluateAndReport() throws Exception {
        Path suiteFile = dir.resolve("tiny.json");
        Files.writeString(suiteFile, """
                {"suite": "tiny",
                 "defaults": {"dataset": "mnist", "epochs": 1, "seed": 3, "trainSubset": 512, "testSubset": 250, "batchSize": 64},
                 "experiments": [
                   {"id": "vae-d2", "architecture": "vae", "latentDim": 2,
                    "reported": {"psnr": 13.392175427879028, "lpips": 0.2470882730558514, "source": "seed <table> & notes"}},
                   {"id": "ae-d4", "architecture": "ae", "latentDim": 4},
                   {"id": "never-run", "architecture": "vae-upsample", "latentDim": 2}
                 ]}
                """);
        List<String> log = new ArrayList<>();
        Path out = dir.resolve("out");
        SuiteSession session = new SuiteSession(settings(suiteFile, out, List.of("vae-d2", "ae-d4")), log::add);
        List<RunFailure> failures = new ArrayList<>(session.train().failures());
        failures.addAll(session.evaluate().failures());
        assertTrue(failures.isEmpty(), failures.toString());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("[vae-d2] epoch 1 step 4/8")), log.toString());
        // Training again with an unchanged spec is a no-op.
        new SuiteSession(settings(suiteFile, out, List.of("vae-d2")), log::add).train();
        assertTrue(log.get(log.size() - 1).contains("already trained"), log.get(log.size() - 1));

        ExperimentResult result = ExperimentResult.read(out.resolve("tiny/vae-d2/metrics.json"));
        assertEquals(250, result.metrics().testImages());
        assertTrue(result.metrics().psnr() > 5 && result.metrics().psnr() < 40);
        assertTrue(result.metrics().lpips() > 0 && result.metrics().lpips() < 1);
        assertEquals(64, result.provenance().data().train().sha256().length());
        assertEquals(512, result.provenance().data().train().images());
        assertEquals(3, result.provenance().training().seed());
        assertEquals(1, result.provenance().training().epochs());
        assertTrue(result.provenance().environment().threads() > 0, result.provenance().environment().toString());
        assertEquals("resize", result.metrics().lpipsSmallImages());
        // 28x28 images: LPIPS under both size rules, the headline being the spec's rule.
        assertEquals(java.util.Set.of("resize", "pad"), result.metrics().lpipsByPolicy().keySet());
        assertEquals(result.metrics().lpips(), result.metrics().lpipsByPolicy().get("resize"), 0.0);
        assertTrue(result.metrics().linearProbeAccuracy() > 0.1 && result.metrics().linearProbeAccuracy() <= 1);
        assertTrue(result.metrics().silhouette() > -1 && result.metrics().silhouette() < 1);

        Path page = session.report();
        Document html = Jsoup.parse(page.toFile(), "UTF-8");
        List<String> ids = html.select("td.id").eachText();
        assertEquals(List.of("vae-d2", "ae-d4", "never-run"), List.of(ids.get(0), ids.get(1), ids.get(2)));
        Element neverRun = html.select("td.id:containsOwn(never-run)").first().parent();
        assertTrue(neverRun.text().contains("not run"), neverRun.text());
        Element vae = html.select("td.id:containsOwn(vae-d2)").first().parent();
        double delta = result.metrics().psnr() - 13.392175427879028;
        assertTrue(vae.text().contains(String.format(java.util.Locale.ROOT, "%+.3f", delta)), vae.text());
        // Auto-escaping: the source's '<table>' shows as text, not markup.
        assertTrue(html.text().contains("seed <table> & notes"));
        assertTrue(html.select("table table").isEmpty());
        for (Element img : html.select("img")) {
            String src = img.attr("src");
            assertFalse(src.startsWith("http") || src.startsWith("/"), "image links must be relative: " + src);
            Path file = page.getParent().resolve(src);
            BufferedImage image = ImageIO.read(file.toFile());
            assertTrue(image.getWidth() > 50 && image.getHeight() > 50, src);
            assertTrue(distinctColours(image) > 10, src + " looks blank");
        }
        assertTrue(html.select("img").size() >= 5);

        // Raising the epoch count continues from the checkpoint instead of starting over.
        Files.writeString(suiteFile, Files.readString(suiteFile).replace("\"epochs\": 1", "\"epochs\": 2"));
        SuiteSession longer = new SuiteSession(settings(suiteFile, out, List.of("vae-d2")), log::add);
        assertTrue(longer.train().failures().isEmpty());
        assertTrue(log.stream().anyMatch(l -> l.equals("[vae-d2] epochs 1 → 2: continuing from the checkpoint")), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("[vae-d2] resuming from")), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("[vae-d2] epoch 2 step 4/8")), log.toString());
    }

    static SessionSettings settings(Path suiteFile, Path out, List<String> experiments) {
        return new SessionSettings(suiteFile, out, experiments, Shard.ALL, 0, SharedData.dataDir(), null, out.resolve("home"), false,
                SharedData.lpipsWeights(), null, false, 4, Parallelism.SERIAL);
    }

    static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
