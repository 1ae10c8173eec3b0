/**
 * <b>API: datasets.</b> {@link org.vaerepro.data.DatasetReference} names what an experiment uses: a
 * {@link org.vaerepro.data.StandardDataset} (MNIST, Fashion-MNIST, CIFAR-10, found through
 * {@link org.vaerepro.data.DataLocations}) or an {@link org.vaerepro.data.ImageFolderReference} to the
 * user's own images; {@link org.vaerepro.data.DatasetRepository} finds, validates (structure, sizes,
 * labels, published checksums) and loads them as {@link org.vaerepro.data.ImageDataset}s.
 * {@link org.vaerepro.data.ShuffledBatches} is the seeded batch order; {@link org.vaerepro.data.DataCopies} says what a
 * split recorded by its checksum is (the offline copies that are not the publishers' files). Internal: the file readers,
 * {@code SubsetDataset}, the downloader.
 */
package org.vaerepro.data;
