package org.vaerepro.data;

import java.util.List;

/**
 * Images {@code offset, offset + stride, ...} ({@code count} of them) of another dataset: a cheap view, no copy.
 * Named as Python slices them ({@code mnist/test[1:10000:2]}; a stride of 1 is left out).
 */
final class SubsetDataset implements ImageDataset {
    private final ImageDataset source;
    private final int offset;
    private final int stride;
    private final int count;

    SubsetDataset(ImageDataset source, int offset, int stride, int count) {
        this.source = source;
        this.offset = offset;
        this.stride = stride;
        this.count = count;
    }

    @Override
    public String name() {
        int end = offset + stride * (count - 1) + 1;
        return source.name() + "[" + offset + ":" + (stride == 1 ? end + "]" : end + ":" + stride + "]");
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
        return source.label(sourceIndex(index));
    }

    @Override
    public List<String> classNames() {
        return source.classNames();
    }

    @Override
    public ImageBatch batch(int[] indices) {
        int[] shifted = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            shifted[i] = sourceIndex(indices[i]);
        }
        return source.batch(shifted);
    }

    @Override
    public String checksum() {
        return source.checksum();
    }

    private int sourceIndex(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("index " + index + " outside " + name());
        }
        return offset + stride * index;
    }
}
