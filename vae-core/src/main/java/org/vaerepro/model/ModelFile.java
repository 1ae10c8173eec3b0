package org.vaerepro.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained model in one file: config, provenance and parameters. Loading rebuilds the graph from
 * the config and checks every parameter's name and shape against it.
 */
public final class ModelFile {
    public static final String KIND = "vae-repro-model";
    public static final int FORMAT_VERSION = 1;

    /** A loaded model with the provenance it was saved with. */
    public record Loaded(AutoencoderModel model, ModelProvenance provenance) {
    }

    private ModelFile() {
    }

    public static void save(Path file, AutoencoderModel model, ModelProvenance provenance) {
        ObjectNode manifest = ArrayArchive.json().createObjectNode();
        manifest.put("kind", KIND);
        manifest.put("formatVersion", FORMAT_VERSION);
        manifest.set("config", ArrayArchive.json().valueToTree(model.config()));
        manifest.set("provenance", ArrayArchive.json().valueToTree(provenance));
        Map<String, INDArray> params = model.parameters();
        manifest.put("arrayCount", params.size());
        try {
            ArrayArchive.write(file, manifest, params);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model file " + file, e);
        }
    }

    public static Loaded load(Path file) {
        ArrayArchive.Contents contents = ArrayArchive.read(file, KIND);
        try {
            ModelConfig config = ArrayArchive.json().treeToValue(contents.manifest().get("config"), ModelConfig.class);
            ModelProvenance provenance = ArrayArchive.json().treeToValue(contents.manifest().get("provenance"),
                    ModelProvenance.class);
            AutoencoderModel model = AutoencoderModel.create(config, provenance.seed());
            assignParameters(file, model, contents.arrays());
            return new Loaded(model, provenance);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new ModelFileException(file, "invalid manifest: " + e.getMessage());
        }
    }

    /** Copies saved arrays into a model's parameters, checking names and shapes match its graph. */
    public static void assignParameters(Path file, AutoencoderModel model, Map<String, INDArray> saved) {
        Map<String, INDArray> params = model.parameters();
        for (Map.Entry<String, INDArray> param : params.entrySet()) {
            INDArray value = saved.get(param.getKey());
            if (value == null) {
                throw new ModelFileException(file, "lacks parameter '" + param.getKey() + "'");
            }
            if (!java.util.Arrays.equals(value.shape(), param.getValue().shape())) {
                throw new ModelFileException(file, "parameter '" + param.getKey() + "' has shape "
                        + java.util.Arrays.toString(value.shape()) + ", the model expects "
                        + java.util.Arrays.toString(param.getValue().shape()));
            }
            param.getValue().assign(value.castTo(DataType.FLOAT.equals(model.dataType()) ? DataType.FLOAT
                    : model.dataType()));
        }
    }
}
