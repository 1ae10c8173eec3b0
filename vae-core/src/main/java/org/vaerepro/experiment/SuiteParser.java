package org.vaerepro.experiment;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vaerepro.io.Json;

/**
 * Reads a suite file (JSON): {@code {"suite": name, "description": text, "margins": {...}, "verdictRequired":
 * "not-misses"|"matches", "comparedWith": path, "defaults": {...}, "experiments": [{...}, ...]}}. Each experiment is its defaults overlaid with its own fields,
 * read by {@link ExperimentSchema}. Strict: unknown fields, wrong types, missing values, bad ranges, duplicate or
 * unsafe ids are errors naming file, line:column and field ({@link JsonPositions}).
 */
public final class SuiteParser {
    private static final Set<String> TOP_LEVEL = Set.of("suite", "defaults", "experiments", "description", "margins",
            "verdictRequired", "comparedWith");

    public Suite parse(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new SpecException(file, 0, 0, null, "cannot read suite file: " + e);
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new SpecException(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), null,
                    "not valid JSON: " + e.getOriginalMessage());
        }
        JsonPositions positions = new JsonPositions(file, text);
        if (root == null || !root.isObject()) {
            throw new SpecException(file, 1, 1, null, "expected a JSON object with 'suite' and 'experiments'");
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!TOP_LEVEL.contains(name)) {
                throw positions.error(name, "unknown top-level field; expected suite, description, margins, "
                        + "verdictRequired, comparedWith, defaults, experiments");
            }
        });
        String suiteName = root.path("suite").asText("");
        if (!ExperimentSchema.SAFE_ID.matcher(suiteName).matches()) {
            throw positions.error("suite", "suite name '" + suiteName + "' must be a safe file name ("
                    + ExperimentSchema.SAFE_ID.pattern() + ")");
        }
        JsonNode defaults = root.path("defaults");
        if (!defaults.isMissingNode() && !defaults.isObject()) {
            throw positions.error("defaults", "expected an object");
        }
        if (defaults.isObject()) {
            defaults.fieldNames().forEachRemaining(name -> {
                if (ExperimentSchema.field(name).isEmpty()) {
                    throw positions.error(name, "unknown field in defaults; known fields are "
                            + ExperimentSchema.names().stream().sorted().toList());
                }
            });
        }
        JsonNode experiments = root.path("experiments");
        if (!experiments.isArray() || experiments.isEmpty()) {
            throw positions.error("experiments", "expected a non-empty array of experiments");
        }
        Path suiteFolder = file.toAbsolutePath().getParent();
        List<ExperimentSpec> specs = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int index = 0; index < experiments.size(); index++) {
            JsonNode experiment = experiments.get(index);
            if (!experiment.isObject()) {
                throw positions.error(index, "experiments", "every experiment must be an object");
            }
            ObjectNode merged = Json.mapper().createObjectNode();
            if (defaults.isObject()) {
                merged.setAll((ObjectNode) defaults);
            }
            merged.setAll((ObjectNode) experiment);
            ExperimentSpec spec;
            try {
                spec = ExperimentSchema.read(merged, suiteFolder);
            } catch (SpecFieldException e) {
                String problem = ExperimentSchema.field(e.field()).isPresent() ? e.getMessage()
                        : e.getMessage().replaceFirst("^unknown field", "unknown field in experiment");
                throw positions.error(index, e.field(), problem);
            }
            if (!ids.add(spec.id())) {
                throw positions.error(index, "id", "duplicate experiment id '" + spec.id() + "'");
            }
            specs.add(spec);
        }
        JsonNode description = root.path("description");
        if (!description.isMissingNode() && !description.isTextual()) {
            throw positions.error("description", "expected a string");
        }
        return new Suite(suiteName, description.asText(""), file, specs, margins(positions, root.path("margins")),
                verdictRequired(positions, root.path("verdictRequired")),
                comparedWith(positions, root.path("comparedWith"), file));
    }

    /** {@code {"psnr": dB, "lpips": units}}, each optional (defaults {@link PublishedMargins#DEFAULT}). */
    private static PublishedMargins margins(JsonPositions positions, JsonNode node) {
        if (node.isMissingNode()) {
            return PublishedMargins.DEFAULT;
        }
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        if (!node.isObject() || !Set.of("psnr", "lpips").containsAll(names)) {
            throw positions.error("margins", "expected {\"psnr\": dB, \"lpips\": number}, got " + node);
        }
        for (String name : names) {
            if (!node.get(name).isNumber()) {
                throw positions.error("margins", "expected a number for '" + name + "', got " + node.get(name));
            }
        }
        try {
            return new PublishedMargins(node.path("psnr").asDouble(PublishedMargins.DEFAULT.psnr()),
                    node.path("lpips").asDouble(PublishedMargins.DEFAULT.lpips()));
        } catch (IllegalArgumentException e) {
            throw positions.error("margins", e.getMessage());
        }
    }

    /** {@code "not-misses"} (the default) or {@code "matches"}. */
    private static CellRequirement verdictRequired(JsonPositions positions, JsonNode node) {
        if (node.isMissingNode()) {
            return CellRequirement.NOT_MISSES;
        }
        try {
            if (!node.isTextual()) {
                throw new IllegalArgumentException("expected \"not-misses\" or \"matches\", got " + node);
            }
            return CellRequirement.fromId(node.asText());
        } catch (IllegalArgumentException e) {
            throw positions.error("verdictRequired", e.getMessage());
        }
    }

    /** The other suite file, relative to this one's folder; it must exist and not be this file. */
    private static Path comparedWith(JsonPositions positions, JsonNode node, Path file) {
        if (node.isMissingNode()) {
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw positions.error("comparedWith", "expected the path of another suite file, relative to this one, got "
                    + node);
        }
        Path other = file.toAbsolutePath().getParent().resolve(node.asText()).normalize();
        if (!Files.isRegularFile(other)) {
            throw positions.error("comparedWith", "no suite file " + other);
        }
        try {
            if (Files.isSameFile(other, file)) {
                throw positions.error("comparedWith", "a suite cannot be compared with itself");
            }
        } catch (IOException e) {
            throw positions.error("comparedWith", "cannot read " + other + ": " + e.getMessage());
        }
        return other;
    }
}
