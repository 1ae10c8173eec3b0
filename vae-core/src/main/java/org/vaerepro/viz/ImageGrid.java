package org.vaerepro.viz;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaerepro.io.AtomicFiles;

/**
 * Rows of images [N, C, H, W] in [0,1] tiled into one PNG, scaled up so 28-px digits are visible.
 * Used for reconstruction grids (originals above reconstructions), prior samples and interpolations.
 */
public final class ImageGrid {
    private static final int SCALE = 3;
    private static final int GAP = 2;

    private ImageGrid() {
    }

    /** Each element of {@code rows} is one row of the grid; all rows the same length. */
    public static BufferedImage render(List<INDArray> rows) {
        int columns = (int) rows.get(0).size(0);
        int c = (int) rows.get(0).size(1);
        int h = (int) rows.get(0).size(2);
        int w = (int) rows.get(0).size(3);
        int cellW = w * SCALE + GAP;
        int cellH = h * SCALE + GAP;
        BufferedImage image = new BufferedImage(columns * cellW + GAP, rows.size() * cellH + GAP,
                BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.dispose();
        for (int r = 0; r < rows.size(); r++) {
            float[] pixels = rows.get(r).castTo(DataType.FLOAT).dup('c').data().asFloat();
            for (int n = 0; n < columns; n++) {
                for (int y = 0; y < h * SCALE; y++) {
                    for (int x = 0; x < w * SCALE; x++) {
                        int base = n * c * h * w + (y / SCALE) * w + x / SCALE;
                        int red = level(pixels[base]);
                        int green = c == 3 ? level(pixels[base + h * w]) : red;
                        int blue = c == 3 ? level(pixels[base + 2 * h * w]) : red;
                        image.setRGB(GAP + n * cellW + x, GAP + r * cellH + y, red << 16 | green << 8 | blue);
                    }
                }
            }
        }
        return image;
    }

    public static void write(Path file, List<INDArray> rows) {
        writePng(file, render(rows));
    }

    static void writePng(Path file, BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode PNG " + file, e);
        }
        AtomicFiles.write(file, bytes.toByteArray());
    }

    private static int level(float value) {
        return Math.max(0, Math.min(255, Math.round(value * 255)));
    }
}
