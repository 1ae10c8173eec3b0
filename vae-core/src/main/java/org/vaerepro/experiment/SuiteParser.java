package org.vaerepro.experiment;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.vaerepro.data.DatasetReference;
import org.vaerepro.data.ImageFolderReference;
import org.vaerepro.data.StandardDataset;
import org.vaerepro.io.Json;
import org.vaerepro.metrics.SmallImagePolicy;
import org.vaerepro.model.Architecture;
import org.vaerepro.model.DecoderDenseActivation;
import org.vaerepro.model.ReconstructionLoss;

/**
 * Reads a suite file (JSON): {@code {"suite": name, "defaults": {...}, "experiments": [{...}, ...]}}.
 * Each experiment is its defaults overlaid with its own fields. Strict: unknown fields, wrong types,
 * missing values, bad ranges, duplicate or unsafe ids are errors naming file, line:column and field.
 */
public final class SuiteParser {
    static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    static final Set<String> FIELDS = Set.of("id", "dataset", "trainSubset", "testSubset", "architecture", "latentDim",
            "loss", "beta", "epochs", "batchSize", "learningRate", "seed", "seeds", "lpipsSmallImages", "reported", "decoderDenseActivation", "validation", "patience", "minDelta");
    static final Set<String> REQUIRED = Set.of("id", "dataset", "architecture", "latentDim", "epochs");
    private static final Map<String, Object> BUILT_IN_DEFAULTS = Map.ofEntries(Map.entry("trainSubset", 0),
            Map.entry("testSubset", 0), Map.entry("loss", "bce"), Map.entry("beta", 1.0), Map.entry("batchSize", 128),
            Map.entry("learningRate", 1e-3), Map.entry("lpipsSmallImages", "resize"),
            Map.entry("decoderDenseActivation", "relu"), Map.entry("validation", 0), Map.entry("patience", 0),
            Map.entry("minDelta", 0.0));

    static final Set<String> FOLDER_FIELDS = Set.of("name", "train", "test", "channels", "height", "width");

    private final ObjectMapper json = Json.mapper();

    public Suite parse(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new SpecException(file, 0, 0, null, "cannot read suite file: " + e);
        }
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new SpecException(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), null,
                    "not valid JSON: " + e.getOriginalMessage());
        }
        Locator locator = new Locator(file, text, json);
        if (root == null || !root.isObject()) {
            throw new SpecException(file, 1, 1, null, "expected a JSON object with 'suite' and 'experiments'");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!Set.of("suite", "defaults", "experiments", "description", "margins", "comparedWith").contains(name)) {
                throw locator.error(name, "unknown top-level field; expected suite, description, margins, comparedWith, "
                        + "defaults, experiments");
            }
        }
        String suiteName = root.path("suite").asText("");
        if (!SAFE_ID.matcher(suiteName).matches()) {
            throw locator.error("suite", "suite name '" + suiteName + "' must be a safe file name ("
                    + SAFE_ID.pattern() + ")");
        }
        JsonNode defaults = root.path("defaults");
        if (!defaults.isMissingNode() && !defaults.isObject()) {
            throw locator.error("defaults", "expected an object");
        }
        JsonNode experiments = root.path("experiments");
        if (!experiments.isArray() || experiments.isEmpty()) {
            throw locator.error("experiments", "expected a non-empty array of experiments");
        }
        List<ExperimentSpec> specs = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int index = 0; index < experiments.size(); index++) {
            JsonNode experiment = experiments.get(index);
            locator.experiment(index);
            if (!experiment.isObject()) {
                throw locator.error("experiments", "every experiment must be an object");
            }
            ObjectNode merged = json.valueToTree(BUILT_IN_DEFAULTS);
            if (defaults.isObject()) {
                locator.experiment(-1);
                checkFields(locator, defaults, "defaults");
                locator.experiment(index);
                merged.setAll((ObjectNode) defaults);
            }
            checkFields(locator, experiment, "experiment");
            merged.setAll((ObjectNode) experiment);
            ExperimentSpec spec = toSpec(locator, merged, file.toAbsolutePath().getParent());
            if (!ids.add(spec.id())) {
                throw locator.error("id", "duplicate experiment id '" + spec.id() + "'");
            }
            specs.add(spec);
        }
        JsonNode description = root.path("description");
        if (!description.isMissingNode() && !description.isTextual()) {
            throw locator.error("description", "expected a string");
        }
        return new Suite(suiteName, description.asText(""), file, specs, margins(locator, root.path("margins")),
                comparedWith(locator, root.path("comparedWith"), file));
    }

    /** The other suite file, relative to this one's folder; it must exist and not be this file. */
    private static Path comparedWith(Locator locator, JsonNode node, Path file) {
        if (node.isMissingNode()) {
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw locator.error("comparedWith", "expected the path of another suite file, relative to this one, got " + node);
        }
        Path other = file.toAbsolutePath().getParent().resolve(node.asText()).normalize();
        if (!Files.isRegularFile(other)) {
            throw locator.error("comparedWith", "no suite file " + other);
        }
        try {
            if (Files.isSameFile(other, file)) {
                throw locator.error("comparedWith", "a suite cannot be compared with itself");
            }
        } catch (IOException e) {
            throw locator.error("comparedWith", "cannot read " + other + ": " + e.getMessage());
        }
        return other;
    }

    private static void checkFields(Locator locator, JsonNode node, String where) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw locator.error(name, "unknown field in " + where + "; known fields are " + FIELDS.stream().sorted().toList());
            }
        }
    }

    private static ExperimentSpec toSpec(Locator locator, ObjectNode merged, Path suiteFolder) {
        for (String required : REQUIRED) {
            if (!merged.hasNonNull(required)) {
                String id = merged.path("id").asText("?");
                throw locator.error(required, "experiment '" + id + "' lacks required field '" + required + "'");
            }
        }
        String id = text(locator, merged, "id");
        if (!SAFE_ID.matcher(id).matches()) {
            throw locator.error("id", "'" + id + "' is not a safe file name (letters, digits, '.', '_', '-'; "
                    + "not starting with '.' or '-')");
        }
        DatasetReference dataset = dataset(locator, merged.get("dataset"), suiteFolder);
        Architecture architecture = parse(locator, "architecture",
                () -> Architecture.fromId(text(locator, merged, "architecture")));
        ReconstructionLoss loss = parse(locator, "loss", () -> ReconstructionLoss.fromId(text(locator, merged, "loss")));
        DecoderDenseActivation decoderDense = parse(locator, "decoderDenseActivation",
                () -> DecoderDenseActivation.fromId(text(locator, merged, "decoderDenseActivation")));
        SmallImagePolicy policy = parse(locator, "lpipsSmallImages",
                () -> SmallImagePolicy.fromId(text(locator, merged, "lpipsSmallImages")));
        int latentDim = positiveInt(locator, merged, "latentDim");
        int epochs = positiveInt(locator, merged, "epochs");
        int batchSize = positiveInt(locator, merged, "batchSize");
        int trainSubset = nonNegativeInt(locator, merged, "trainSubset");
        int testSubset = nonNegativeInt(locator, merged, "testSubset");
        int validation = nonNegativeInt(locator, merged, "validation");
        int patience = nonNegativeInt(locator, merged, "patience");
        double minDelta = number(locator, merged, "minDelta");
        if (!(minDelta >= 0)) {
            throw locator.error("minDelta", "must be >= 0, got " + minDelta);
        }
        if (patience > 0 && validation == 0) {
            throw locator.error("patience", "early stopping watches the validation loss: hold out 'validation' images");
        }
        if (trainSubset > 0 && validation >= trainSubset) {
            throw locator.error("validation", "holds out " + validation + " of the " + trainSubset
                    + " training images (trainSubset); at least one must remain for training");
        }
        double beta = number(locator, merged, "beta");
        if (beta < 0) {
            throw locator.error("beta", "must be >= 0, got " + beta);
        }
        double learningRate = number(locator, merged, "learningRate");
        if (!(learningRate > 0)) {
            throw locator.error("learningRate", "must be > 0, got " + learningRate);
        }
        List<Long> seeds = seeds(locator, merged);
        ReportedValues reported = null;
        JsonNode r = merged.get("reported");
        if (r != null && !r.isNull()) {
            if (!r.isObject() || !r.path("psnr").isNumber() || !r.path("lpips").isNumber() || !r.path("source").isTextual()
                    || r.size() != 3) {
                throw locator.error("reported", "expected {\"psnr\": number, \"lpips\": number, \"source\": text}");
            }
            reported = new ReportedValues(r.get("psnr").asDouble(), r.get("lpips").asDouble(), r.get("source").asText());
        }
        return new ExperimentSpec(id, dataset, trainSubset, testSubset, architecture, latentDim, loss, beta, epochs,
                batchSize, learningRate, seeds.get(0), policy, reported, seeds, decoderDense, validation, patience,
                minDelta);
    }

    /** {@code {"psnr": dB, "lpips": units}}, each optional (defaults {@link PublishedMargins#DEFAULT}). */
    private static PublishedMargins margins(Locator locator, JsonNode node) {
        if (node.isMissingNode()) {
            return PublishedMargins.DEFAULT;
        }
        if (!node.isObject() || node.size() > 2 || node.fieldNames().hasNext() && !Set.of("psnr", "lpips")
                .containsAll(iterable(node))) {
            throw locator.error("margins", "expected {\"psnr\": dB, \"lpips\": number}, got " + node);
        }
        double psnr = node.has("psnr") ? number(locator, node, "psnr") : PublishedMargins.DEFAULT.psnr();
        double lpips = node.has("lpips") ? number(locator, node, "lpips") : PublishedMargins.DEFAULT.lpips();
        try {
            return new PublishedMargins(psnr, lpips);
        } catch (IllegalArgumentException e) {
            throw locator.error("margins", e.getMessage());
        }
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * The seeds an experiment runs with: {@code seeds} as a list of distinct integers (the first is then its
     * seed), or as a count n meaning seed, seed + 1, ..., seed + n - 1; without {@code seeds}, just {@code seed}.
     */
    private static List<Long> seeds(Locator locator, JsonNode merged) {
        JsonNode seeds = merged.hasNonNull("seeds") ? merged.get("seeds") : null;
        JsonNode seed = merged.hasNonNull("seed") ? merged.get("seed") : null;
        if (seeds != null && seeds.isArray()) {
            if (seeds.isEmpty()) {
                throw locator.error("seeds", "expected a non-empty list of integers or a count");
            }
            List<Long> list = new ArrayList<>();
            for (JsonNode value : seeds) {
                if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                    throw locator.error("seeds", "expected integers, got " + value);
                }
                if (list.contains(value.asLong())) {
                    throw locator.error("seeds", "seed " + value.asLong() + " is listed twice");
                }
                list.add(value.asLong());
            }
            if (seed != null && seed.asLong() != list.get(0)) {
                throw locator.error("seeds", "the first of seeds " + list + " must equal seed " + seed.asLong()
                        + " (or leave seed out: the list's first seed is the experiment's seed)");
            }
            return List.copyOf(list);
        }
        if (seed == null) {
            throw locator.error("seed", "experiment '" + merged.path("id").asText("?") + "' lacks required field 'seed' "
                    + "(or a list of 'seeds')");
        }
        if (!seed.isIntegralNumber() || !seed.canConvertToLong()) {
            throw locator.error("seed", "expected an integer, got " + seed);
        }
        if (seeds == null) {
            return List.of(seed.asLong());
        }
        if (!seeds.isIntegralNumber() || !seeds.canConvertToInt() || seeds.asInt() < 1) {
            throw locator.error("seeds", "expected a list of integers or a count >= 1, got " + seeds);
        }
        List<Long> counted = new ArrayList<>();
        for (int i = 0; i < seeds.asInt(); i++) {
            counted.add(seed.asLong() + i);
        }
        return List.copyOf(counted);
    }

    /**
     * A standard dataset's name, or an image folder: {@code {"name", "train", "test", "channels", "height",
     * "width"}}, folders relative to the suite file, images 28x28 or 32x32 (the decoder's size plan).
     */
    private static DatasetReference dataset(Locator locator, JsonNode node, Path suiteFolder) {
        if (node.isTextual()) {
            return parse(locator, "dataset", () -> StandardDataset.fromId(node.asText()));
        }
        if (!node.isObject()) {
            throw locator.error("dataset", "expected a dataset name " + java.util.Arrays.stream(StandardDataset.values())
                    .map(StandardDataset::id).toList() + " or an image folder object with fields "
                    + FOLDER_FIELDS.stream().sorted().toList() + ", got " + node);
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FOLDER_FIELDS.contains(name)) {
                throw locator.error("dataset", "unknown image folder field '" + name + "'; expected "
                        + FOLDER_FIELDS.stream().sorted().toList());
            }
        }
        for (String required : FOLDER_FIELDS) {
            if (!node.hasNonNull(required)) {
                throw locator.error("dataset", "image folder dataset lacks '" + required + "' (fields: "
                        + FOLDER_FIELDS.stream().sorted().toList() + ")");
            }
        }
        String name = text(locator, node, "name");
        if (!SAFE_ID.matcher(name).matches()) {
            throw locator.error("dataset", "image folder name '" + name + "' must be a safe file name ("
                    + SAFE_ID.pattern() + ")");
        }
        int channels = nonNegativeInt(locator, node, "channels");
        int height = nonNegativeInt(locator, node, "height");
        int width = nonNegativeInt(locator, node, "width");
        if (channels != 1 && channels != 3) {
            throw locator.error("dataset", "image folder channels must be 1 (grey) or 3 (RGB), got " + channels);
        }
        if (height != width || (height != 28 && height != 32)) {
            throw locator.error("dataset", "image folder images must be 28x28 or 32x32 (the decoder's size plan), "
                    + "declared " + height + "x" + width);
        }
        Path train = suiteFolder.resolve(text(locator, node, "train")).normalize();
        Path test = suiteFolder.resolve(text(locator, node, "test")).normalize();
        for (Path folder : List.of(train, test)) {
            if (!Files.isDirectory(folder)) {
                throw locator.error("dataset", "image folder " + folder + " is not a directory (expected "
                        + "<folder>/<class>/<image>.png|jpg, relative to the suite file)");
            }
        }
        return new ImageFolderReference(name, train, test, channels, height, width);
    }

    private static <T> T parse(Locator locator, String field, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw locator.error(field, e.getMessage());
        }
    }

    private static String text(Locator locator, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (!value.isTextual()) {
            throw locator.error(field, "expected a string, got " + value);
        }
        return value.asText();
    }

    private static double number(Locator locator, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (!value.isNumber()) {
            throw locator.error(field, "expected a number, got " + value);
        }
        return value.asDouble();
    }

    private static int positiveInt(Locator locator, JsonNode node, String field) {
        int value = nonNegativeInt(locator, node, field);
        if (value <= 0) {
            throw locator.error(field, "must be > 0, got " + value);
        }
        return value;
    }

    private static int nonNegativeInt(Locator locator, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw locator.error(field, "expected an integer, got " + value);
        }
        if (value.asInt() < 0) {
            throw locator.error(field, "must be >= 0, got " + value.asInt());
        }
        return value.asInt();
    }

    /**
     * Where each field sits in the text (Jackson's tree model keeps no locations): one streaming pass
     * records the line:column of every key at the top level, in "defaults" and in each experiment.
     */
    private static final class Locator {
        private final Path file;
        private final Map<String, JsonLocation> top = new java.util.HashMap<>();
        private final Map<String, JsonLocation> defaults = new java.util.HashMap<>();
        private final List<Map<String, JsonLocation>> experiments = new ArrayList<>();
        private int current = -1;

        Locator(Path file, String text, ObjectMapper json) {
            this.file = file;
            try (JsonParser parser = json.getFactory().createParser(text)) {
                int depth = 0;
                String section = null;
                com.fasterxml.jackson.core.JsonToken token;
                while ((token = parser.nextToken()) != null) {
                    if (token.isStructStart()) {
                        depth++;
                        if (depth == 3 && "experiments".equals(section) && token == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                            experiments.add(new java.util.HashMap<>());
                        }
                    } else if (token.isStructEnd()) {
                        depth--;
                    } else if (token == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
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

        void experiment(int index) {
            current = index;
        }

        SpecException error(String field, String problem) {
            JsonLocation at = null;
            if (current >= 0 && current < experiments.size()) {
                at = experiments.get(current).get(field);
                if (at == null) {
                    at = defaults.get(field);
                }
                if (at == null) {
                    // Point at the experiment's id, or failing that its first key.
                    Map<String, JsonLocation> fields = experiments.get(current);
                    at = fields.getOrDefault("id", fields.values().stream().findFirst().orElse(null));
                }
            } else if (field != null) {
                at = top.getOrDefault(field, defaults.get(field));
            }
            return new SpecException(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), field,
                    problem);
        }
    }
}
