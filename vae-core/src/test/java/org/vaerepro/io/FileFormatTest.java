package org.vaerepro.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaerepro.experiment.ExperimentResult;
import org.vaerepro.experiment.TrainingRecord;

/** Reading a file of another kind or version fails with the file, the version found and the one expected. */
class FileFormatTest {
    @TempDir
    Path dir;

    @Test
    void aMetricsFileFromANewerVersionNamesFileAndVersions() throws Exception {
        Path file = Files.writeString(dir.resolve("metrics.json"),
                "{\"format\": {\"kind\": \"vae-repro-metrics\", \"version\": 7}, \"suite\": \"s\"}");
        FileFormatException e = assertThrows(FileFormatException.class, () -> ExperimentResult.read(file));
        assertEquals(file, e.file());
        assertTrue(e.getMessage().startsWith(file + ": has vae-repro-metrics format version 7, this vae-repro reads "
                + "version 2 (written by a newer vae-repro)"), e.getMessage());
    }

    @Test
    void anUnversionedMetricsFileIsRefusedWithWhatToDo() throws Exception {
        Path file = Files.writeString(dir.resolve("metrics.json"), "{\"suite\": \"s\", \"metrics\": {}}");
        FileFormatException e = assertThrows(FileFormatException.class, () -> ExperimentResult.read(file));
        assertTrue(e.getMessage().contains("no format version") && e.getMessage().contains("version 2"),
                e.getMessage());
    }

    @Test
    void aFileOfAnotherKindIsNamedAsSuch() throws Exception {
        Path file = Files.writeString(dir.resolve("training.json"),
                "{\"format\": {\"kind\": \"vae-repro-metrics\", \"version\": 2}}");
        FileFormatException e = assertThrows(FileFormatException.class, () -> TrainingRecord.read(file));
        assertTrue(e.getMessage().contains("is a 'vae-repro-metrics' file, expected 'vae-repro-training'"),
                e.getMessage());
    }
}
