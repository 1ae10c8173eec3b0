package org.vaerepro.data;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Images kept as unsigned bytes in CHW order (a quarter of the float size: CIFAR-10 train is 150 MB
 * as bytes) and converted to float [0,1] only for the batch asked for.
 */
public final class ByteImageDataset implements ImageDataset {
    private final String name;
    private final ImageShape shape;
    private final byte[] pixels;
    private final byte[] labels;
    private final List<String> classNames;
    private final String checksum;

    public ByteImageDataset(String name, ImageShape shape, byte[] pixels, byte[] labels, List<String> classNames,
            String checksum) {
        if ((long) labels.length * shape.pixels() != pixels.length) {
            throw new IllegalArgumentException(name + ": " + labels.length + " labels but " + pixels.length
                    + " pixel bytes (expected " + (long) labels.length * shape.pixels() + ")");
        }
        this.name = name;
        this.shape = shape;
        this.pixels = pixels;
        this.labels = labels;
        this.classNames = List.copyOf(classNames);
        this.checksum = checksum;
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
        return labels.length;
    }

    @Override
    public int label(int index) {
        return labels[index] & 0xFF;
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public ImageBatch batch(int[] indices) {
        int per = shape.pixels();
        float[] out = new float[indices.length * per];
        int[] batchLabels = new int[indices.length];
        for (int b = 0; b < indices.length; b++) {
            int index = indices[b];
            if (index < 0 || index >= labels.length) {
                throw new IndexOutOfBoundsException("index " + index + " outside " + name + " of size " + labels.length);
            }
            int src = index * per;
            int dst = b * per;
            for (int p = 0; p < per; p++) {
                out[dst + p] = (pixels[src + p] & 0xFF) / 255f;
            }
            batchLabels[b] = labels[index] & 0xFF;
        }
        long[] nchw = {indices.length, shape.channels(), shape.height(), shape.width()};
        return new ImageBatch(Nd4j.create(out, nchw, DataType.FLOAT), batchLabels);
    }

    @Override
    public String checksum() {
        return checksum;
    }

    /** Raw byte of one pixel, for spot checks against the files. */
    public int rawPixel(int index, int channel, int row, int column) {
        return pixels[index * shape.pixels() + (channel * shape.height() + row) * shape.width() + column] & 0xFF;
    }
}
