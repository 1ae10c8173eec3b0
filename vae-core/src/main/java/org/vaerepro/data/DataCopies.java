package org.vaerepro.data;

import java.util.List;
import java.util.Optional;
import org.vaerepro.io.Preconditions;
import org.vaerepro.provenance.DatasetProvenance;

/**
 * What is known about a copy of a dataset split that is not the official files, keyed by the SHA-256 a result's
 * provenance records for it ({@link ImageDataset#checksum()}), so that every page says what its numbers were
 * measured on. The entries are the copies in this project's offline data folder, as its README describes them; a
 * copy with another checksum is named by its checksum only.
 */
public final class DataCopies {
    /** One known copy: the split's name without a range ({@code cifar10/test}), its checksum and what it is. */
    public record DataCopy(String split, String sha256, String description) {
    }

    private static final String CIFAR10 = "decoded from a public copy of CIFAR-10 stored as JPEG (quality 75), so its"
            + " pixels carry JPEG artefacts and differ from the official binary files; the official classes and"
            + " train/test split, in a fixed shuffled order";

    private static final List<DataCopy> KNOWN = List.of(
            new DataCopy("mnist/train", "acedef37557eed5c2b59a09c63218f8efe6baf09921c4462ae1458a14bbb9782",
                    "rebuilt from a lossless PNG export whose grey levels had been remapped: within 1 grey level of the"
                            + " official images (the official labels)"),
            new DataCopy("mnist/test", "fe9fbeca1f86b6d588746a44864c8f7c5b02056b3a01eec4dc0b96538449a3d5",
                    "the official images and labels"),
            new DataCopy("cifar10/train", "a76e0f863651c78b3247ac2bb6b375f888451d8c8243f88539b2dbc11a6dd798", CIFAR10),
            new DataCopy("cifar10/test", "e5a0991030bab9817df34389a38dc00c3be289a9a8da425a0241a8ceaf4e1b08", CIFAR10));

    private DataCopies() {
    }

    public static List<DataCopy> known() {
        return KNOWN;
    }

    /** The known copy a split with this name (a range such as {@code [5000:10000]} ignored) and checksum is. */
    public static Optional<DataCopy> of(DatasetProvenance split) {
        Preconditions.notNull(split, "dataset provenance");
        String name = splitName(split.name());
        return KNOWN.stream().filter(c -> c.split().equals(name) && c.sha256().equals(split.sha256())).findFirst();
    }

    /** One sentence on what {@code split} was: its name, images, checksum and, for a known copy, what that copy is. */
    public static String describe(DatasetProvenance split) {
        String head = split.name() + " (" + split.images() + " images, SHA-256 " + split.sha256().substring(0,
                Math.min(12, split.sha256().length())) + "…)";
        return of(split).map(c -> head + ": " + c.description())
                .orElse(head + ": a copy this project has no description of; compare its checksum with the official files");
    }

    private static String splitName(String name) {
        int range = name.indexOf('[');
        return range < 0 ? name : name.substring(0, range);
    }
}
