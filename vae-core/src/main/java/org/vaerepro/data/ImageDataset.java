package org.vaerepro.data;

import java.util.List;
import java.util.stream.IntStream;

/**
 * A labelled image collection that materialises float tensors one batch at a time, so a dataset
 * larger than memory (an image folder) works the same as a small one.
 */
public interface ImageDataset {

    /** Stable name used in provenance, e.g. {@code mnist/test}. */
    String name();

    ImageShape shape();

    int size();

    /** Class label of image {@code index}, in [0, classNames().size()). */
    int label(int index);

    List<String> classNames();

    /** Images at the given indices as float NCHW in [0,1], in the given order. */
    ImageBatch batch(int[] indices);

    /** SHA-256 over the source files, hex; identifies exactly which data a result came from. */
    String checksum();

    default ImageBatch range(int fromInclusive, int toExclusive) {
        if (fromInclusive < 0 || toExclusive > size() || fromInclusive > toExclusive) {
            throw new IndexOutOfBoundsException("range [" + fromInclusive + ", " + toExclusive + ") outside dataset "
                    + name() + " of size " + size());
        }
        return batch(IntStream.range(fromInclusive, toExclusive).toArray());
    }

    default int[] labels() {
        int[] labels = new int[size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = label(i);
        }
        return labels;
    }

    /** The first {@code count} images, or this dataset when it is no larger. */
    default ImageDataset firstN(int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("subset size must be positive, got " + count);
        }
        return count >= size() ? this : new SubsetDataset(this, 0, 1, count);
    }

    /** Images {@code [from, to)} as a view; the whole dataset when that is the range. */
    default ImageDataset slice(int from, int to) {
        if (from < 0 || to > size() || from >= to) {
            throw new IllegalArgumentException("slice [" + from + ", " + to + ") of dataset " + name() + " of size "
                    + size() + " is empty or out of range");
        }
        return from == 0 && to == size() ? this : new SubsetDataset(this, from, 1, to - from);
    }

    /**
     * Every {@code stride}-th image from {@code offset}, {@code count} of them, as a view (a stride of 2 from 0 and
     * from 1 splits a dataset into its even and odd images); the whole dataset when that is the selection.
     */
    default ImageDataset strided(int offset, int stride, int count) {
        if (stride < 1 || count < 1 || offset < 0 || (long) offset + (long) stride * (count - 1) >= size()) {
            throw new IllegalArgumentException(count + " images every " + stride + " from " + offset + " of dataset "
                    + name() + " of size " + size() + " are empty or out of range");
        }
        return stride == 1 ? slice(offset, offset + count) : new SubsetDataset(this, offset, stride, count);
    }
}
