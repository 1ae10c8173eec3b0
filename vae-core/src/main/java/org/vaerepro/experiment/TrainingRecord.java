package org.vaerepro.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.vaerepro.io.FileFormat;
import org.vaerepro.io.Json;
import org.vaerepro.model.ModelDigest;
import org.vaerepro.provenance.Provenance;
import org.vaerepro.train.TrainingResult;

/**
 * What {@code training.json} holds: the training run's per-epoch history and totals, with provenance, and the
 * size and SHA-256 of the model.zip written with it ({@code model}; version 3 on, null in version 2 files, which
 * are still read).
 */
public record TrainingRecord(FileFormat format, TrainingResult result, Provenance provenance, ModelDigest model) {
    public static final FileFormat FORMAT = new FileFormat("vae-repro-training", 3);
    private static final FileFormat WITHOUT_DIGEST = new FileFormat(FORMAT.kind(), 2);

    public TrainingRecord(TrainingResult result, Provenance provenance, ModelDigest model) {
        this(FORMAT, result, provenance, model);
    }

    /** The same record for a model file written again with {@code model}'s bytes, in this version's format. */
    public TrainingRecord withModel(ModelDigest model) {
        return new TrainingRecord(result, provenance, model);
    }

    /** Reads a training.json of version 3 or 2; the error names the file (and the versions, when they differ). */
    public static TrainingRecord read(Path file) {
        try {
            JsonNode root = Json.mapper().readTree(file.toFile());
            if (root != null && root.path("format").path("version").asInt(-1) == WITHOUT_DIGEST.version()) {
                WITHOUT_DIGEST.require(file, root);
                ((ObjectNode) root).set("format", Json.mapper().valueToTree(FORMAT));
                return Json.mapper().treeToValue(root, TrainingRecord.class);
            }
            FORMAT.require(file, root);
            return Json.mapper().treeToValue(root, TrainingRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FORMAT.kind() + " file " + file + ": " + e.getMessage(), e);
        }
    }
}
