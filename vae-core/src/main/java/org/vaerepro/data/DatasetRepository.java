package org.vaerepro.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.vaerepro.settings.Setting;

/**
 * Finds, verifies and loads datasets, keeping each loaded split for the life of this object so an
 * experiment matrix reads each file once. Verification: structure always (magic numbers, sizes,
 * labels); content against a {@code SHA256SUMS} file beside the dataset folder when one exists.
 */
public final class DatasetRepository {
    private final DataLocations locations;
    private final DatasetDownloader downloader;
    private final Map<String, ImageDataset> loaded = new ConcurrentHashMap<>();

    public DatasetRepository(DataLocations locations) {
        this(locations, new DatasetDownloader());
    }

    public DatasetRepository(DataLocations locations, DatasetDownloader downloader) {
        this.locations = locations;
        this.downloader = downloader;
    }

    /** A split of a standard dataset or of an image folder, read and validated once per repository. */
    public ImageDataset load(DatasetReference dataset, Split split) {
        if (dataset instanceof StandardDataset standard) {
            return load(standard, split);
        }
        ImageFolderReference folder = (ImageFolderReference) dataset;
        ImageDataset images = loaded.computeIfAbsent(folder + "/" + split.id(), key -> folder.open(split));
        if (split == Split.TEST) {
            List<String> trainClasses = load(folder, Split.TRAIN).classNames();
            if (!images.classNames().equals(trainClasses)) {
                throw new DatasetFormatException(folder.root(split), "has classes " + images.classNames()
                        + " but the training folder " + folder.root(Split.TRAIN) + " has " + trainClasses
                        + "; both must have the same class folders");
            }
        }
        return images;
    }

    public ByteImageDataset load(StandardDataset dataset, Split split) {
        return (ByteImageDataset) loaded.computeIfAbsent(dataset.id() + "/" + split.id(),
                key -> read(dataset, split, folder(dataset)));
    }

    /** The folder holding the dataset, downloading it first when it is nowhere and downloads are allowed. */
    public Path folder(StandardDataset dataset) {
        return locations.find(dataset).orElseGet(() -> {
            if (!locations.downloadAllowed()) {
                throw new DatasetNotFoundException(locations.notFoundMessage(dataset) + "\nDownloading is off ("
                        + Setting.DOWNLOAD + ").", null);
            }
            try {
                return downloader.download(dataset, locations.downloadRoot());
            } catch (IOException | RuntimeException e) {
                throw new DatasetNotFoundException(locations.notFoundMessage(dataset)
                        + "\nDownloading from the official source into " + locations.downloadRoot() + " failed: " + e, e);
            }
        });
    }

    /** Reads one split from {@code folder}, validating structure and any published checksums. */
    public static ByteImageDataset read(StandardDataset dataset, Split split, Path folder) {
        List<Path> files = dataset.files(split).stream().map(folder::resolve).toList();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new DatasetFormatException(file, "missing (expected files " + dataset.files(split) + ")");
            }
        }
        Map<Path, String> hashes = new LinkedHashMap<>();
        for (Path file : files) {
            hashes.put(file, FileChecksums.sha256(file));
        }
        verifyPublishedChecksums(folder, hashes);
        String name = dataset.id() + "/" + split.id();
        int numClasses = dataset.classNames().size();
        String checksum = FileChecksums.combine(List.copyOf(hashes.values()));
        if (dataset == StandardDataset.CIFAR10) {
            Cifar10BinaryReader.Records records = Cifar10BinaryReader.read(files, numClasses);
            return new ByteImageDataset(name, dataset.shape(), records.pixels(), records.labels(), dataset.classNames(),
                    checksum);
        }
        IdxReader.IdxImages images = IdxReader.readImages(files.get(0));
        byte[] labels = IdxReader.readLabels(files.get(1), numClasses);
        ImageShape shape = dataset.shape();
        if (images.rows() != shape.height() || images.columns() != shape.width()) {
            throw new DatasetFormatException(files.get(0), "images are " + images.rows() + "x" + images.columns()
                    + ", expected " + shape.height() + "x" + shape.width() + " for " + dataset.id());
        }
        if (images.count() != labels.length) {
            throw new DatasetFormatException(files.get(1), labels.length + " labels for " + images.count()
                    + " images in " + files.get(0).getFileName());
        }
        return new ByteImageDataset(name, shape, images.pixels(), labels, dataset.classNames(), checksum);
    }

    /**
     * Checks files against a {@code SHA256SUMS} in the folder or its parent (sha256sum's format;
     * entries matched by their last two path elements), so a corrupted copy fails here and not
     * deep inside training.
     */
    static void verifyPublishedChecksums(Path folder, Map<Path, String> hashes) {
        Map<String, String> published = new HashMap<>();
        for (Path sums : List.of(folder.resolve("SHA256SUMS"), folder.getParent() == null ? folder.resolve("SHA256SUMS")
                : folder.getParent().resolve("SHA256SUMS"))) {
            if (Files.isRegularFile(sums)) {
                published.putAll(parseSums(sums));
            }
        }
        if (published.isEmpty()) {
            return;
        }
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<Path, String> hash : hashes.entrySet()) {
            Path file = hash.getKey();
            String key = file.getParent().getFileName() + "/" + file.getFileName();
            String expected = published.get(key);
            if (expected != null) {
                String actual = hash.getValue();
                if (!actual.equalsIgnoreCase(expected)) {
                    mismatches.add(file + ": SHA-256 " + actual + ", expected " + expected + " (from SHA256SUMS)");
                }
            }
        }
        if (!mismatches.isEmpty()) {
            throw new DatasetFormatException(hashes.keySet().iterator().next(), "checksum mismatch, the copy is corrupt or altered:\n  "
                    + String.join("\n  ", mismatches));
        }
    }

    private static Map<String, String> parseSums(Path sums) {
        Map<String, String> entries = new HashMap<>();
        try {
            for (String line : Files.readAllLines(sums, StandardCharsets.UTF_8)) {
                String[] parts = line.trim().split("\\s+\\*?", 2);
                if (parts.length == 2) {
                    Path path = Path.of(parts[1]);
                    int n = path.getNameCount();
                    String key = n >= 2 ? path.getName(n - 2) + "/" + path.getName(n - 1) : path.toString();
                    entries.put(key, parts[0]);
                }
            }
        } catch (IOException e) {
            throw new DatasetFormatException(sums, "cannot read: " + e);
        }
        return entries;
    }
}
