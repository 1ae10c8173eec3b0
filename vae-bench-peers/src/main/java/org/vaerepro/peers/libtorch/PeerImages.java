package org.vaerepro.peers.libtorch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.List;
import org.vaerepro.data.Cifar10BinaryReader;
import org.vaerepro.data.DataLocations;
import org.vaerepro.data.IdxReader;
import org.vaerepro.data.Split;
import org.vaerepro.data.StandardDataset;

/**
 * The first images of a split as bytes, read with vae-core's file readers (pure Java, no ND4J), and batches of them
 * as float tensors in [0, 1] (b / 255, as the project and the Python peer make them).
 */
record PeerImages(int count, int channels, int side, byte[] pixels) {

    /** The first {@code count} images (fewer if the split is smaller) of MNIST or CIFAR-10's {@code split}. */
    static PeerImages first(Path dataDir, StandardDataset dataset, Split split, int count) {
        Path folder = DataLocations.of(dataDir).find(dataset).orElseThrow(() ->
                new IllegalArgumentException(DataLocations.of(dataDir).notFoundMessage(dataset)));
        byte[] all;
        if (dataset == StandardDataset.MNIST) {
            all = IdxReader.readImages(folder.resolve(dataset.files(split).get(0))).pixels();
        } else if (dataset == StandardDataset.CIFAR10) {
            // The training images from the first batch file only, as the other benchmarks read them.
            List<String> files = dataset.files(split);
            all = Cifar10BinaryReader.read(List.of(folder.resolve(files.get(0))), dataset.classNames().size()).pixels();
        } else {
            throw new IllegalArgumentException("dataset '" + dataset.id() + "' is not measured: expected mnist or cifar10");
        }
        int channels = dataset.shape().channels();
        int side = dataset.shape().height();
        int n = Math.min(count, all.length / (channels * side * side));
        return new PeerImages(n, channels, side, java.util.Arrays.copyOf(all, n * channels * side * side));
    }

    /** Images {@code indices} as a [n, c, h, w] float tensor in {@code manager}. */
    NDArray batch(NDManager manager, int[] indices) {
        int size = channels * side * side;
        float[] values = new float[indices.length * size];
        for (int i = 0; i < indices.length; i++) {
            int from = indices[i] * size;
            for (int j = 0; j < size; j++) {
                values[i * size + j] = (pixels[from + j] & 0xFF) / 255f;
            }
        }
        return manager.create(values, new Shape(indices.length, channels, side, side));
    }

    /** Images [from, to) as one batch. */
    NDArray range(NDManager manager, int from, int to) {
        return batch(manager, java.util.stream.IntStream.range(from, to).toArray());
    }
}
