package org.vaerepro.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaerepro.data.ImageFolderReference;
import org.vaerepro.experiment.ExperimentResult;
import org.vaerepro.experiment.PreflightException;
import org.vaerepro.experiment.SpecException;

/**
 * A user's own images as a suite's dataset, end to end: a generated folder of grey 28x28 shapes
 * (circles, squares, bars) is named in a suite file, trained on, evaluated and shown on the page; bad
 * declarations and bad folders fail with the suite field or the image file named.
 */
class ImageFolderSuiteTest {
    private static final List<String> CLASSES = List.of("bar", "circle", "square");

    @TempDir
    Path dir;

    @Test
    void trainEvaluateAndReportOnAnImageFolder() throws Exception {
        writeShapes(dir.resolve("shapes/train"), 40, 28, 1);
        writeShapes(dir.resolve("shapes/test"), 12, 28, 2);
        Path suiteFile = suite(28, "shapes/train");
        List<String> log = new ArrayList<>();
        Path out = dir.resolve("out");
        SuiteSession session = new SuiteSession(SuiteEndToEndTest.settings(suiteFile, out, List.of()), log::add);
        assertEquals(new ImageFolderReference("shapes", dir.resolve("shapes/train"), dir.resolve("shapes/test"), 1, 28, 28),
                session.suite().experiments().get(0).training().dataset());
        SuiteSession.Outcome outcome = session.reproduce();
        List<RunFailure> failures = outcome.failures();
        assertTrue(failures.isEmpty(), failures.toString());
        assertTrue(log.stream().anyMatch(l -> l.contains("on shapes/train (120 images")), log.toString());

        ExperimentResult result = ExperimentResult.read(out.resolve("folder/shapes-vae/metrics.json"));
        assertEquals(36, result.metrics().testImages());
        assertEquals("shapes/train", result.provenance().data().train().name());
        assertEquals("shapes/test", result.provenance().data().test().name());
        assertEquals(64, result.provenance().data().test().sha256().length());
        assertTrue(result.metrics().psnr() > 5 && result.metrics().psnr() < 60, "PSNR " + result.metrics().psnr());
        assertTrue(result.metrics().knnAccuracy() >= 0 && result.metrics().knnAccuracy() <= 1);

        Document page = Jsoup.parse(outcome.page().toFile(), "UTF-8");
        assertTrue(page.select("td.id").eachText().contains("shapes-vae"), page.text());
        assertTrue(page.text().contains("on shapes"), page.text());
        for (String picture : List.of("reconstructions.png", "latent.png", "samples.png")) {
            BufferedImage image = ImageIO.read(out.resolve("folder/shapes-vae").resolve(picture).toFile());
            assertTrue(SuiteEndToEndTest.distinctColours(image) > 5, picture + " looks blank");
        }
        // The spec, with its folder dataset, reads back equal: an unchanged suite is not retrained.
        new SuiteSession(SuiteEndToEndTest.settings(suiteFile, out, List.of()), log::add).train();
        assertTrue(log.get(log.size() - 1).contains("already trained"), log.get(log.size() - 1));
    }

    @Test
    void aShapeTheModelsCannotTakeIsASuiteError() throws Exception {
        writeShapes(dir.resolve("shapes/train"), 2, 28, 1);
        writeShapes(dir.resolve("shapes/test"), 2, 28, 2);
        SpecException error = assertThrows(SpecException.class,
                () -> new SuiteSession(SuiteEndToEndTest.settings(suite(64, "shapes/train"), dir, List.of()), l -> { }));
        assertTrue(error.getMessage().contains("field 'dataset'") && error.getMessage().contains("declared 64x64"),
                error.getMessage());
        SpecException missing = assertThrows(SpecException.class,
                () -> new SuiteSession(SuiteEndToEndTest.settings(suite(28, "nowhere"), dir, List.of()), l -> { }));
        assertTrue(missing.getMessage().contains(dir.resolve("nowhere").toString()), missing.getMessage());
    }

    @Test
    void imagesOfAnotherSizeThanDeclaredNameTheFolder() throws Exception {
        writeShapes(dir.resolve("shapes/train"), 4, 32, 1);
        writeShapes(dir.resolve("shapes/test"), 2, 32, 2);
        SuiteSession session = new SuiteSession(SuiteEndToEndTest.settings(suite(28, "shapes/train"),
                dir.resolve("out"), List.of()), l -> { });
        // Found by the preflight, before any training starts.
        PreflightException error = assertThrows(PreflightException.class, session::train);
        assertEquals(1, error.problems().size(), error.getMessage());
        String message = error.problems().get(0);
        assertTrue(message.contains(dir.resolve("shapes/train").toString()) && message.contains("32x32")
                && message.contains("declares 28x28"), message);
    }

    private Path suite(int side, String train) throws Exception {
        Path file = dir.resolve("folder.json");
        Files.writeString(file, """
                {"suite": "folder",
                 "defaults": {"epochs": 1, "seed": 4, "batchSize": 16,
                   "dataset": {"name": "shapes", "train": "%s", "test": "shapes/test", "channels": 1,
                               "height": %d, "width": %d}},
                 "experiments": [{"id": "shapes-vae", "architecture": "vae", "latentDim": 2}]}
                """.formatted(train, side, side));
        return file;
    }

    /** {@code perClass} grey images per class of one white shape at a random place and size on black. */
    private static void writeShapes(Path root, int perClass, int side, long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        for (String shape : CLASSES) {
            Path folder = Files.createDirectories(root.resolve(shape));
            for (int i = 0; i < perClass; i++) {
                BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
                Graphics2D g = image.createGraphics();
                g.setColor(Color.WHITE);
                int size = 8 + random.nextInt(side / 3);
                int x = random.nextInt(side - size);
                int y = random.nextInt(side - size);
                switch (shape) {
                    case "bar" -> g.fillRect(x, y, size, Math.max(2, size / 4));
                    case "circle" -> g.fillOval(x, y, size, size);
                    default -> g.fillRect(x, y, size, size);
                }
                g.dispose();
                ImageIO.write(image, "png", folder.resolve(shape + "-" + i + ".png").toFile());
            }
        }
    }
}
