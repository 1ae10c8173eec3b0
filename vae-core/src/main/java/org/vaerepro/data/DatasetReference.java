package org.vaerepro.data;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * What an experiment trains and tests on: a {@link StandardDataset} by name (written as its id, e.g.
 * {@code "mnist"}) or an {@link ImageFolderReference} to the user's own images (written as an object).
 */
public sealed interface DatasetReference permits StandardDataset, ImageFolderReference {

    /** Name in specs, tables and provenance: {@code mnist}, {@code cifar10}, or the folder dataset's own name. */
    String id();

    /** Shape of every image; a folder's images are checked against it when it is opened. */
    ImageShape shape();

    /** Reads either JSON form back (a spec inside metrics.json or training-spec.json). */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static DatasetReference fromJson(JsonNode node) {
        if (node.isTextual()) {
            return StandardDataset.fromId(node.asText());
        }
        if (node.isObject()) {
            return new ImageFolderReference(node.path("name").asText(), Path.of(node.path("train").asText()),
                    Path.of(node.path("test").asText()), node.path("channels").asInt(), node.path("height").asInt(),
                    node.path("width").asInt());
        }
        throw new IllegalArgumentException("expected a dataset name or an image folder object, got " + node);
    }
}
