package org.vaerepro.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaerepro.io.FileFormat;
import org.vaerepro.io.Json;
import org.vaerepro.provenance.DataProvenance;
import org.vaerepro.provenance.DatasetProvenance;
import org.vaerepro.provenance.Provenance;
import org.vaerepro.provenance.TrainingProvenance;

/**
 * A trained model in one file: format, config, provenance and parameters. Loading rebuilds the graph
 * from the config and checks every parameter's name and shape against it. Version 1 files (flat
 * provenance: seed, dataset, checksum) are still read; their provenance is carried over field by field.
 */
public final class ModelFile {
    public static final FileFormat FORMAT = new FileFormat("vae-repro-model", 2);

    /** A loaded model with the provenance it was saved with. */
    public record Loaded(AutoencoderModel model, Provenance provenance) {
    }

    private ModelFile() {
    }

    public static void save(Path file, AutoencoderModel model, Provenance provenance) {
        save(file, model, provenance, model.dataType());
    }

    /**
     * As {@link #save(Path, AutoencoderModel, Provenance)}, every parameter stored as {@code storage} (e.g.
     * {@link DataType#HALF}: half the size of float32, and loading widens each value exactly, so the loaded model is
     * the same bits on every machine). The model itself is not changed.
     */
    public static void save(Path file, AutoencoderModel model, Provenance provenance, DataType storage) {
        ObjectNode manifest = Json.mapper().createObjectNode();
        manifest.set("format", Json.mapper().valueToTree(FORMAT));
        manifest.set("config", Json.mapper().valueToTree(model.config()));
        manifest.set("provenance", Json.mapper().valueToTree(provenance));
        Map<String, INDArray> params = new java.util.TreeMap<>();
        model.parameters().forEach((name, value) -> params.put(name, value.dataType() == storage ? value
                : value.castTo(storage)));
        manifest.put("arrayCount", params.size());
        ArrayArchive.write(file, manifest, params);
    }

    public static Loaded load(Path file) {
        ArrayArchive.Contents contents = ArrayArchive.read(file, FORMAT);
        JsonNode manifest = contents.manifest();
        try {
            ModelConfig config = Json.mapper().treeToValue(manifest.get("config"), ModelConfig.class);
            Provenance provenance = contents.version() == FileFormat.UNVERSIONED ? versionOneProvenance(file, manifest)
                    : Json.mapper().treeToValue(manifest.get("provenance"), Provenance.class);
            // Parameters are assigned below, so the initialisation seed does not matter.
            AutoencoderModel model = AutoencoderModel.create(config, 0);
            assignParameters(file, model, contents.arrays());
            return new Loaded(model, provenance);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ModelFileException(file, "invalid manifest: " + e.getMessage());
        }
    }

    /** Version 1 wrote {@code formatVersion: 1} and a flat provenance (seed, dataset, datasetChecksum, createdAt). */
    private static Provenance versionOneProvenance(Path file, JsonNode manifest) {
        if (manifest.path("formatVersion").asInt(-1) != 1) {
            throw new ModelFileException(file, "has model format version " + manifest.path("formatVersion")
                    + ", this vae-repro reads versions 1 and " + FORMAT.version());
        }
        JsonNode old = manifest.path("provenance");
        return new Provenance(new DataProvenance(new DatasetProvenance(old.path("dataset").asText(), 0,
                old.path("datasetChecksum").asText()), null),
                new TrainingProvenance(null, old.path("seed").asLong(), 0, 0, 0), null, null,
                old.path("createdAt").asText());
    }

    /** Copies saved arrays into a model's parameters, checking names and shapes match its graph. */
    public static void assignParameters(Path file, AutoencoderModel model, Map<String, INDArray> saved) {
        Map<String, INDArray> params = model.parameters();
        for (Map.Entry<String, INDArray> param : params.entrySet()) {
            INDArray value = saved.get(param.getKey());
            if (value == null) {
                throw new ModelFileException(file, "lacks parameter '" + param.getKey() + "'");
            }
            if (!Arrays.equals(value.shape(), param.getValue().shape())) {
                throw new ModelFileException(file, "parameter '" + param.getKey() + "' has shape "
                        + Arrays.toString(value.shape()) + ", the model expects " + Arrays.toString(param.getValue().shape()));
            }
            param.getValue().assign(value.castTo(DataType.FLOAT.equals(model.dataType()) ? DataType.FLOAT
                    : model.dataType()));
        }
    }
}
