package org.vaerepro.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A user's own images laid out as {@code root/<class>/<image>.png|jpg}. Only file names and image
 * headers are read up front (to check every image has the same size); pixels are decoded per batch.
 */
public final class ImageFolderDataset implements ImageDataset {
    private final String name;
    private final ImageShape shape;
    private final List<Path> files;
    private final int[] labels;
    private final List<String> classNames;
    private final String checksum;

    /**
     * @param name the dataset's name in provenance and tables, e.g. {@code shapes/train}
     * @param channels 1 to read images as grey, 3 as RGB (colour images are converted either way)
     */
    public static ImageFolderDataset open(Path root, String name, int channels) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
        }
        if (!Files.isDirectory(root)) {
            throw new DatasetFormatException(root, "not a directory (expected root/<class>/<image>.png|jpg)");
        }
        List<Path> classDirs;
        try (Stream<Path> entries = Files.list(root)) {
            classDirs = entries.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new DatasetFormatException(root, "cannot list: " + e);
        }
        List<String> classNames = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (Path dir : classDirs) {
            List<Path> images;
            try (Stream<Path> entries = Files.list(dir)) {
                images = entries.filter(ImageFolderDataset::isImageFile).sorted().toList();
            } catch (IOException e) {
                throw new DatasetFormatException(dir, "cannot list: " + e);
            }
            if (images.isEmpty()) {
                continue;
            }
            for (Path image : images) {
                files.add(image);
                labels.add(classNames.size());
            }
            classNames.add(dir.getFileName().toString());
        }
        if (files.isEmpty()) {
            throw new DatasetFormatException(root, "no .png/.jpg/.jpeg images in any class folder "
                    + "(expected root/<class>/<image>.png|jpg)");
        }
        int[] size = imageSize(files.get(0));
        for (Path file : files) {
            int[] other = imageSize(file);
            if (other[0] != size[0] || other[1] != size[1]) {
                throw new DatasetFormatException(file, "image is " + other[0] + "x" + other[1] + " (WxH) but "
                        + files.get(0) + " is " + size[0] + "x" + size[1] + "; all images must have the same size");
            }
        }
        String checksum = FileChecksums.sha256(files);
        return new ImageFolderDataset(name, new ImageShape(channels, size[1], size[0]), files,
                labels.stream().mapToInt(Integer::intValue).toArray(), classNames, checksum);
    }

    private ImageFolderDataset(String name, ImageShape shape, List<Path> files, int[] labels, List<String> classNames,
            String checksum) {
        this.name = name;
        this.shape = shape;
        this.files = List.copyOf(files);
        this.labels = labels;
        this.classNames = List.copyOf(classNames);
        this.checksum = checksum;
    }

    private static boolean isImageFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file) && (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg"));
    }

    /** Width and height from the image header, without decoding pixels. */
    private static int[] imageSize(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new DatasetFormatException(file, "not a readable PNG or JPEG image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new DatasetFormatException(file, "cannot read image header: " + e.getMessage());
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ImageShape shape() {
        return shape;
    }

    @Override
    public int size() {
        return files.size();
    }

    @Override
    public int label(int index) {
        return labels[index];
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public ImageBatch batch(int[] indices) {
        int h = shape.height();
        int w = shape.width();
        int per = shape.pixels();
        float[] out = new float[indices.length * per];
        int[] batchLabels = new int[indices.length];
        for (int b = 0; b < indices.length; b++) {
            Path file = files.get(indices[b]);
            BufferedImage image;
            try {
                image = ImageIO.read(file.toFile());
            } catch (IOException e) {
                throw new DatasetFormatException(file, "cannot decode image: " + e.getMessage());
            }
            if (image == null || image.getWidth() != w || image.getHeight() != h) {
                throw new DatasetFormatException(file, "image could not be decoded as " + w + "x" + h);
            }
            int base = b * per;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int rgb = image.getRGB(x, y);
                    float r = ((rgb >> 16) & 0xFF) / 255f;
                    float g = ((rgb >> 8) & 0xFF) / 255f;
                    float bl = (rgb & 0xFF) / 255f;
                    if (shape.channels() == 1) {
                        // ITU-R BT.601 luma, as PIL's convert("L") does.
                        out[base + y * w + x] = 0.299f * r + 0.587f * g + 0.114f * bl;
                    } else {
                        out[base + y * w + x] = r;
                        out[base + h * w + y * w + x] = g;
                        out[base + 2 * h * w + y * w + x] = bl;
                    }
                }
            }
            batchLabels[b] = labels[indices[b]];
        }
        return new ImageBatch(Nd4j.create(out, new long[] {indices.length, shape.channels(), h, w}, DataType.FLOAT),
                batchLabels);
    }

    @Override
    public String checksum() {
        return checksum;
    }
}
