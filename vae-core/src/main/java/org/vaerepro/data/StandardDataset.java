package org.vaerepro.data;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The datasets this project knows by name: their folder, files per split, classes and where the
 * official copies can be downloaded (with the official MD5 of each download).
 */
public enum StandardDataset implements DatasetReference {
    MNIST("mnist", "mnist", new ImageShape(1, 28, 28),
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
            List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"),
            List.of("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"),
            List.of(
                    new Download("https://ossci-datasets.s3.amazonaws.com/mnist/train-images-idx3-ubyte.gz", "train-images-idx3-ubyte.gz", "f68b3c2dcbeaaa9fbdd348bbdeb94873"),
                    new Download("https://ossci-datasets.s3.amazonaws.com/mnist/train-labels-idx1-ubyte.gz", "train-labels-idx1-ubyte.gz", "d53e105ee54ea40749a09fcbcd1e9432"),
                    new Download("https://ossci-datasets.s3.amazonaws.com/mnist/t10k-images-idx3-ubyte.gz", "t10k-images-idx3-ubyte.gz", "9fb629c4189551a2d022fa330f9573f3"),
                    new Download("https://ossci-datasets.s3.amazonaws.com/mnist/t10k-labels-idx1-ubyte.gz", "t10k-labels-idx1-ubyte.gz", "ec29112dd5afa0611ce80d1b7f02629c"))),
    FASHION_MNIST("fashion-mnist", "fashion-mnist", new ImageShape(1, 28, 28),
            List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"),
            List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"),
            List.of("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"),
            List.of(
                    new Download("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/train-images-idx3-ubyte.gz", "train-images-idx3-ubyte.gz", "8d4fb7e6c68d591d4c3dfef9ec88bf0d"),
                    new Download("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/train-labels-idx1-ubyte.gz", "train-labels-idx1-ubyte.gz", "25c81989df183df01b3e8d0aad5d2c80"),
                    new Download("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/t10k-images-idx3-ubyte.gz", "t10k-images-idx3-ubyte.gz", "bef4ecab320f06d8554ea6380940ec79"),
                    new Download("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/t10k-labels-idx1-ubyte.gz", "t10k-labels-idx1-ubyte.gz", "bb300cfdad3c16e7a12a480ee83cd310"))),
    CIFAR10("cifar10", "cifar-10-batches-bin", new ImageShape(3, 32, 32),
            List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"),
            List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"),
            List.of("test_batch.bin"),
            // One archive whose members unpack into cifar-10-batches-bin/.
            List.of(new Download("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz", "cifar-10-binary.tar.gz", "c32a1d4ab5d03f1284b67883e8d87530")));

    /** One official download: URL, file name and the MD5 its publisher gives. */
    public record Download(String url, String fileName, String md5) {
    }

    private final String id;
    private final String folder;
    private final ImageShape shape;
    private final List<String> classNames;
    private final List<String> trainFiles;
    private final List<String> testFiles;
    private final List<Download> downloads;

    StandardDataset(String id, String folder, ImageShape shape, List<String> classNames, List<String> trainFiles,
            List<String> testFiles, List<Download> downloads) {
        this.id = id;
        this.folder = folder;
        this.shape = shape;
        this.classNames = classNames;
        this.trainFiles = trainFiles;
        this.testFiles = testFiles;
        this.downloads = downloads;
    }

    /** Name used in experiment specs: {@code mnist}, {@code fashion-mnist}, {@code cifar10}. */
    @Override
    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
        return id;
    }

    /** Folder below a data directory that holds the files, as in the official layout. */
    public String folder() {
        return folder;
    }

    @Override
    public ImageShape shape() {
        return shape;
    }

    public List<String> classNames() {
        return classNames;
    }

    public List<String> files(Split split) {
        return split == Split.TRAIN ? trainFiles : testFiles;
    }

    public List<String> allFiles() {
        return java.util.stream.Stream.concat(trainFiles.stream(), testFiles.stream()).toList();
    }

    public List<Download> downloads() {
        return downloads;
    }

    public static StandardDataset fromId(String id) {
        String key = id.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(d -> d.id.equals(key)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown dataset '" + id + "', expected one of "
                        + Arrays.stream(values()).map(StandardDataset::id).toList()));
    }
}
