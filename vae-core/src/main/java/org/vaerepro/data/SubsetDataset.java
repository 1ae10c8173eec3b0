package org.vaerepro.data;

import java.util.List;

/** Images {@code [offset, offset + count)} of another dataset: a cheap view, no copy. */
final class SubsetDataset implements ImageDataset {
    private final ImageDataset source;
    private final int offset;
    private final int count;

    SubsetDataset(ImageDataset source, int offset, int count) {
        this.source = source;
        this.offset = offset;
        this.count = count;
    }

    @Override
    public String name() {
        return source.name() + "[" + offset + ":" + (offset + count) + "]";
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
        return source.label(offset + checkIndex(index));
    }

    @Override
    public List<String> classNames() {
        return source.classNames();
    }

    @Override
    public ImageBatch batch(int[] indices) {
        int[] shifted = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            shifted[i] = offset + checkIndex(indices[i]);
        }
        return source.batch(shifted);
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
