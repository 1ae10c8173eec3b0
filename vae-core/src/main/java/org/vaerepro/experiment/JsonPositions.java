package org.vaerepro.experiment;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vaerepro.io.Json;

/**
 * Where each key of a suite file sits in its text (Jackson's tree model keeps no locations): one streaming pass
 * records the line:column of every key at the top level, in "defaults" and in each experiment, so an error can
 * name the place of the field it is about.
 */
final class JsonPositions {
    private final Path file;
    private final Map<String, JsonLocation> top = new HashMap<>();
    private final Map<String, JsonLocation> defaults = new HashMap<>();
    private final List<Map<String, JsonLocation>> experiments = new ArrayList<>();

    JsonPositions(Path file, String text) {
        this.file = file;
        try (JsonParser parser = Json.mapper().getFactory().createParser(text)) {
            int depth = 0;
            String section = null;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token.isStructStart()) {
                    depth++;
                    if (depth == 3 && "experiments".equals(section) && token == JsonToken.START_OBJECT) {
                        experiments.add(new HashMap<>());
                    }
                } else if (token.isStructEnd()) {
                    depth--;
                } else if (token == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonLocation at = parser.currentTokenLocation();
                    if (depth == 1) {
                        section = name;
                        top.put(name, at);
                    } else if (depth == 2 && "defaults".equals(section)) {
                        defaults.put(name, at);
                    } else if (depth == 3 && "experiments".equals(section) && !experiments.isEmpty()) {
                        experiments.get(experiments.size() - 1).put(name, at);
                    }
                }
            }
        } catch (IOException e) {
            throw new SpecException(file, 0, 0, null, "not valid JSON: " + e.getMessage());
        }
    }

    /** An error about a top-level field, or a field of "defaults". */
    SpecException error(String field, String problem) {
        JsonLocation at = field == null ? null : top.getOrDefault(field, defaults.get(field));
        return exception(at, field, problem);
    }

    /**
     * An error about a field of experiment {@code index}: at the field where the experiment sets it, else where
     * "defaults" does, else at the experiment's id (or its first key).
     */
    SpecException error(int index, String field, String problem) {
        if (index < 0 || index >= experiments.size()) {
            return error(field, problem);
        }
        Map<String, JsonLocation> fields = experiments.get(index);
        JsonLocation at = fields.get(field);
        if (at == null) {
            at = defaults.get(field);
        }
        if (at == null) {
            at = fields.getOrDefault("id", fields.values().stream().findFirst().orElse(null));
        }
        return exception(at, field, problem);
    }

    private SpecException exception(JsonLocation at, String field, String problem) {
        return new SpecException(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), field,
                problem);
    }
}
