package org.vaerepro.data;

import java.util.List;

/** The first {@code count} images of another dataset: a cheap view, no copy. */
final class SubsetDataset implements ImageDataset {
    private final ImageDataset source;
    private final int count;

    SubsetDataset(ImageDataset source, int count) {
        this.source = source;
        this.count = count;
    }

    @Override
    public String name() {
        return source.name() + "[0:" + count + "]";
    }

    @Override
    public ImageShape shape() {
        return source.shape();
    }

    @Override
    public int size() {
        return count;
    }

    @Override
    public int label(int index) {
        return source.label(checkIndex(index));
    }

    @Override
    public List<String> classNames() {
        return source.classNames();
    }

    @Override
    public ImageBatch batch(int[] indices) {
        for (int index : indices) {
            checkIndex(index);
        }
        return source.batch(indices);
    }

    @Override
    public String checksum() {
        return source.checksum();
    }

    private int checkIndex(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("index " + index + " outside " + name());
        }
        return index;
    }
}
