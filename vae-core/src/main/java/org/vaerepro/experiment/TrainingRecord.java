package org.vaerepro.experiment;

import java.nio.file.Path;
import org.vaerepro.io.FileFormat;
import org.vaerepro.provenance.Provenance;
import org.vaerepro.train.TrainingResult;

/** What {@code training.json} holds: the training run's per-epoch history and totals, with provenance. */
public record TrainingRecord(FileFormat format, TrainingResult result, Provenance provenance) {
    public static final FileFormat FORMAT = new FileFormat("vae-repro-training", 2);

    public TrainingRecord(TrainingResult result, Provenance provenance) {
        this(FORMAT, result, provenance);
    }

    /** Reads a training.json; the error names the file (and the versions, when they differ). */
    public static TrainingRecord read(Path file) {
        return FORMAT.readJson(file, TrainingRecord.class);
    }
}
