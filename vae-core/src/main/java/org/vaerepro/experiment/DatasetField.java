package org.vaerepro.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.vaerepro.data.DatasetReference;
import org.vaerepro.data.ImageFolderReference;
import org.vaerepro.data.StandardDataset;

/**
 * The field {@code dataset}: a standard dataset's name, or an image folder
 * {@code {"name", "train", "test", "channels", "height", "width"}} with images of 28x28 or 32x32 (the decoder's
 * size plan). In a suite file the folders are relative to the suite file and must exist; in a result file they
 * are the absolute paths the suite resolved them to, taken as written.
 */
final class DatasetField {
    static final String NAME = "dataset";
    static final Set<String> FOLDER_FIELDS = Set.of("name", "train", "test", "channels", "height", "width");

    private DatasetField() {
    }

    /** @param suiteFolder the suite file's folder, or null when reading a result file */
    static DatasetReference read(JsonNode node, Path suiteFolder) {
        if (node.isTextual()) {
            try {
                return StandardDataset.fromId(node.asText());
            } catch (IllegalArgumentException e) {
                throw new SpecFieldException(NAME, e.getMessage());
            }
        }
        if (!node.isObject()) {
            throw new SpecFieldException(NAME, "expected a dataset name " + Arrays.stream(StandardDataset.values())
                    .map(StandardDataset::id).toList() + " or an image folder object with fields " + sorted() + ", got "
                    + node);
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FOLDER_FIELDS.contains(name)) {
                throw new SpecFieldException(NAME, "unknown image folder field '" + name + "'; expected " + sorted());
            }
        }
        for (String required : FOLDER_FIELDS) {
            if (!node.hasNonNull(required)) {
                throw new SpecFieldException(NAME, "image folder dataset lacks '" + required + "' (fields: " + sorted()
                        + ")");
            }
        }
        String name = node.get("name").asText();
        if (!ExperimentSchema.SAFE_ID.matcher(name).matches()) {
            throw new SpecFieldException(NAME, "image folder name '" + name + "' must be a safe file name ("
                    + ExperimentSchema.SAFE_ID.pattern() + ")");
        }
        int channels = integer(node, "channels");
        int height = integer(node, "height");
        int width = integer(node, "width");
        if (channels != 1 && channels != 3) {
            throw new SpecFieldException(NAME, "image folder channels must be 1 (grey) or 3 (RGB), got " + channels);
        }
        if (height != width || (height != 28 && height != 32)) {
            throw new SpecFieldException(NAME, "image folder images must be 28x28 or 32x32 (the decoder's size plan), "
                    + "declared " + height + "x" + width);
        }
        Path train = folder(node, "train", suiteFolder);
        Path test = folder(node, "test", suiteFolder);
        return new ImageFolderReference(name, train, test, channels, height, width);
    }

    private static Path folder(JsonNode node, String field, Path suiteFolder) {
        JsonNode value = node.get(field);
        if (!value.isTextual()) {
            throw new SpecFieldException(NAME, "image folder '" + field + "' must be a path, got " + value);
        }
        if (suiteFolder == null) {
            return Path.of(value.asText());
        }
        Path folder = suiteFolder.resolve(value.asText()).normalize();
        if (!Files.isDirectory(folder)) {
            throw new SpecFieldException(NAME, "image folder " + folder + " is not a directory (expected "
                    + "<folder>/<class>/<image>.png|jpg, relative to the suite file)");
        }
        return folder;
    }

    private static int integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 0) {
            throw new SpecFieldException(NAME, "image folder '" + field + "' must be an integer >= 0, got " + value);
        }
        return value.asInt();
    }

    private static List<String> sorted() {
        return FOLDER_FIELDS.stream().sorted().toList();
    }
}
