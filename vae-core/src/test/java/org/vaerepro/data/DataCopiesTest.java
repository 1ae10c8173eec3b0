package org.vaerepro.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vaerepro.SharedData;
import org.vaerepro.provenance.DatasetProvenance;

/** The copies the pages describe are the ones in ../shared/data: their checksums, as loading them computes them. */
class DataCopiesTest {
    @Test
    void everyKnownCopyIsTheSharedFolderSplitOfThatName() {
        DatasetRepository repository = SharedData.repository();
        for (DataCopies.DataCopy copy : DataCopies.known()) {
            String[] parts = copy.split().split("/");
            ImageDataset split = repository.load(StandardDataset.valueOf(parts[0].equals("cifar10") ? "CIFAR10"
                    : parts[0].toUpperCase()), parts[1].equals("train") ? Split.TRAIN : Split.TEST);
            assertEquals(copy.sha256(), split.checksum(), copy.split() + " in ../shared/data has another checksum");
            assertEquals(copy.split(), split.name());
        }
    }

    @Test
    void aRangeOfAKnownCopyIsDescribedAndAnUnknownChecksumIsNamedOnly() {
        String cifarTest = DataCopies.known().get(3).sha256();
        String held = DataCopies.describe(new DatasetProvenance("cifar10/test[5000:10000]", 5000, cifarTest));
        assertEquals("cifar10/test[5000:10000] (5000 images, SHA-256 e5a0991030ba…): decoded from a public copy of"
                + " CIFAR-10 stored as JPEG (quality 75), so its pixels carry JPEG artefacts and differ from the official"
                + " binary files; the official classes and train/test split, in a fixed shuffled order", held);
        assertTrue(DataCopies.of(new DatasetProvenance("mnist/test", 10000, cifarTest)).isEmpty(),
                "a checksum counts only for its own split");
        assertTrue(DataCopies.describe(new DatasetProvenance("cifar10/test", 10000, "0".repeat(64)))
                .endsWith("a copy this project has no description of; compare its checksum with the official files"));
    }
}
