package org.vaerepro.data;

/**
 * What an experiment trains and tests on: a {@link StandardDataset} by name (written as its id, e.g.
 * {@code "mnist"}) or an {@link ImageFolderReference} to the user's own images (written as an object).
 */
public sealed interface DatasetReference permits StandardDataset, ImageFolderReference {

    /** Name in specs, tables and provenance: {@code mnist}, {@code cifar10}, or the folder dataset's own name. */
    String id();

    /** Shape of every image; a folder's images are checked against it when it is opened. */
    ImageShape shape();
}
