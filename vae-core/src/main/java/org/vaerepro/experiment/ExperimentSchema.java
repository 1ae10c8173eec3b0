package org.vaerepro.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoublePredicate;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.vaerepro.data.DatasetReference;
import org.vaerepro.io.Json;
import org.vaerepro.metrics.LpipsScaling;
import org.vaerepro.metrics.ProtocolVariants;
import org.vaerepro.metrics.SmallImagePolicy;
import org.vaerepro.model.Architecture;
import org.vaerepro.model.DecoderDenseActivation;
import org.vaerepro.model.KlReduction;
import org.vaerepro.model.ModelConfig;
import org.vaerepro.model.ReconstructionLoss;
import org.vaerepro.model.ReconstructionReduction;

/**
 * Every field of an experiment, declared once: its name in suite and result files, the {@link SpecPart} it
 * belongs to (which decides what a change to it invalidates), its default (none: required), how its JSON value
 * is read and checked, and where it sits in an {@link ExperimentSpec}. The suite parser, the JSON form of a spec
 * in result files, the staleness rule ({@link RunStatus}) and the baseline's {@code trainedAs} all read this
 * table; the table's order is the order the fields are written in.
 */
public final class ExperimentSchema {
    static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    /** One field: {@code defaultValue} null means required; {@code value} reads it off a spec. */
    public record Field(String name, SpecPart part, JsonNode defaultValue, Reader reader,
            Function<ExperimentSpec, Object> value) {
        boolean required() {
            return defaultValue == null;
        }
    }

    /** Reads a field's JSON value (never null or missing: defaults are applied first) and checks it. */
    @FunctionalInterface
    interface Reader {
        Object read(JsonNode value, Reading reading);
    }

    /** What a reader may need besides the value: the whole experiment, and the suite file's folder (null in a result file). */
    record Reading(ObjectNode experiment, Path suiteFolder) {
    }

    private static final List<Field> FIELDS = List.of(
            field("id", SpecPart.IDENTITY, null, ExperimentSchema::safeId, ExperimentSpec::id),
            field("dataset", SpecPart.TRAINING, null, (v, r) -> DatasetField.read(v, r.suiteFolder()),
                    s -> s.training().dataset()),
            field("trainSubset", SpecPart.TRAINING, 0, nonNegativeInt("trainSubset"), s -> s.training().trainSubset()),
            field("testSubset", SpecPart.EVALUATION, 0, nonNegativeInt("testSubset"), s -> s.evaluation().testSubset()),
            field("testOffset", SpecPart.EVALUATION, 0, nonNegativeInt("testOffset"), s -> s.evaluation().testOffset()),
            field("architecture", SpecPart.TRAINING, null, closed("architecture", Architecture::fromId),
                    s -> s.training().architecture()),
            field("latentDim", SpecPart.TRAINING, null, positiveInt("latentDim"), s -> s.training().latentDim()),
            field("loss", SpecPart.TRAINING, "bce", closed("loss", ReconstructionLoss::fromId), s -> s.training().loss()),
            field("beta", SpecPart.TRAINING, 1.0, number("beta", b -> b >= 0, ">= 0"), s -> s.training().beta()),
            field("epochs", SpecPart.STOPPING, null, positiveInt("epochs"), s -> s.stopping().epochs()),
            field("batchSize", SpecPart.TRAINING, 128, positiveInt("batchSize"), s -> s.training().batchSize()),
            field("learningRate", SpecPart.TRAINING, 1e-3, number("learningRate", r -> r > 0, "> 0"),
                    s -> s.training().learningRate()),
            // seed and seeds are read together (SeedsField); each is written on its own.
            field(SeedsField.SEED, SpecPart.SEEDS, null, (v, r) -> null, ExperimentSpec::seed),
            field("lpipsSmallImages", SpecPart.EVALUATION, "resize", closed("lpipsSmallImages", SmallImagePolicy::fromId),
                    s -> s.evaluation().lpipsSmallImages()),
            field("reported", SpecPart.JUDGEMENT, Json.mapper().nullNode(), ExperimentSchema::reported,
                    ExperimentSpec::reported),
            field(SeedsField.SEEDS, SpecPart.SEEDS, Json.mapper().nullNode(), (v, r) -> SeedsField.read(r.experiment()),
                    ExperimentSpec::seeds),
            field("decoderDenseActivation", SpecPart.TRAINING, "relu",
                    closed("decoderDenseActivation", DecoderDenseActivation::fromId),
                    s -> s.training().decoderDenseActivation()),
            field("validation", SpecPart.TRAINING, 0, nonNegativeInt("validation"), s -> s.training().validation()),
            field("patience", SpecPart.STOPPING, 0, nonNegativeInt("patience"), s -> s.stopping().patience()),
            field("minDelta", SpecPart.STOPPING, 0.0, number("minDelta", d -> d >= 0, ">= 0"),
                    s -> s.stopping().minDelta()),
            field("checkpointEverySteps", SpecPart.EXECUTION, 0, nonNegativeInt("checkpointEverySteps"),
                    s -> s.execution().checkpointEverySteps()),
            field("klReduction", SpecPart.TRAINING, "sum", closed("klReduction", KlReduction::fromId),
                    s -> s.training().klReduction()),
            field("maxSteps", SpecPart.TRAINING, 0, nonNegativeInt("maxSteps"), s -> s.training().maxSteps()),
            field("curveSteps", SpecPart.TRAINING, List.of(), ExperimentSchema::curveSteps,
                    s -> s.training().curveSteps()),
            field("curveTestImages", SpecPart.TRAINING, 1000, positiveInt("curveTestImages"),
                    s -> s.training().curveTestImages()),
            field("reconstructionReduction", SpecPart.TRAINING, "sum",
                    closed("reconstructionReduction", ReconstructionReduction::fromId),
                    s -> s.training().reconstructionReduction()),
            field("encoderChannels", SpecPart.TRAINING, ModelConfig.DEFAULT_CHANNELS, ExperimentSchema::encoderChannels,
                    s -> s.training().encoderChannels()),
            field("lpipsSmallImageRules", SpecPart.TRAINING, List.of(), ExperimentSchema::smallImageRules,
                    s -> s.training().lpipsSmallImageRules()),
            field("lpipsScaling", SpecPart.EVALUATION, "signed", closed("lpipsScaling", LpipsScaling::fromId),
                    s -> s.evaluation().lpipsScaling()),
            field("decoding", SpecPart.EVALUATION, "mean", closed("decoding", ProtocolVariants.Decoding::fromId),
                    s -> s.evaluation().decoding()),
            field("psnrReduction", SpecPart.EVALUATION, "per-image",
                    closed("psnrReduction", ProtocolVariants.PsnrReduction::fromId), s -> s.evaluation().psnrReduction()),
            field("likelihoodSamples", SpecPart.EVALUATION, 0, nonNegativeInt("likelihoodSamples"),
                    s -> s.evaluation().likelihoodSamples()),
            field("likelihoodImages", SpecPart.EVALUATION, 1000, positiveInt("likelihoodImages"),
                    s -> s.evaluation().likelihoodImages()),
            field("testStride", SpecPart.EVALUATION, 1, positiveInt("testStride"), s -> s.evaluation().testStride()),
            field("curveTestOffset", SpecPart.TRAINING, 0, nonNegativeInt("curveTestOffset"),
                    s -> s.training().curveTestOffset()),
            field("curveTestStride", SpecPart.TRAINING, 1, positiveInt("curveTestStride"),
                    s -> s.training().curveTestStride()));

    private static final Map<String, Field> BY_NAME = FIELDS.stream()
            .collect(Collectors.toMap(Field::name, f -> f, (a, b) -> a, LinkedHashMap::new));

    private ExperimentSchema() {
    }

    /** Every field, in the order they are written. */
    public static List<Field> fields() {
        return FIELDS;
    }

    /** The names a suite's experiment (or its defaults) may use. */
    public static Set<String> names() {
        return BY_NAME.keySet();
    }

    public static Optional<Field> field(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /**
     * The spec an object of fields declares (defaults applied where a field is missing or null). Throws a
     * {@link SpecFieldException} naming the field: an unknown one, a missing required one, a wrong type or range,
     * or a combination that cannot work.
     *
     * @param suiteFolder the suite file's folder (image folders are resolved against it and must exist), or null
     *        for a spec read back from a result file
     */
    public static ExperimentSpec read(ObjectNode declared, Path suiteFolder) {
        declared.fieldNames().forEachRemaining(name -> {
            if (!BY_NAME.containsKey(name)) {
                throw new SpecFieldException(name, "unknown field; known fields are " + names().stream().sorted().toList());
            }
        });
        ObjectNode experiment = Json.mapper().createObjectNode();
        for (Field field : FIELDS) {
            JsonNode value = declared.get(field.name());
            experiment.set(field.name(), value == null || value.isNull() ? field.defaultValue() : value);
        }
        String id = experiment.path("id").asText("?");
        for (Field field : FIELDS) {
            if (field.required() && !field.name().equals(SeedsField.SEED) && isAbsent(experiment.get(field.name()))) {
                throw new SpecFieldException(field.name(), "experiment '" + id + "' lacks required field '"
                        + field.name() + "'");
            }
        }
        Reading reading = new Reading(experiment, suiteFolder);
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field field : FIELDS) {
            JsonNode value = experiment.get(field.name());
            values.put(field.name(), isAbsent(value) ? null : field.reader().read(value, reading));
        }
        @SuppressWarnings("unchecked")
        List<Long> seeds = (List<Long>) values.get(SeedsField.SEEDS);
        if (seeds == null) {
            seeds = SeedsField.read(experiment); // seed alone, or its absence named
        }
        return assemble(values, seeds);
    }

    private static boolean isAbsent(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode();
    }

    /** The one place the parts are built from the fields' values; combinations that cannot work are refused here. */
    private static ExperimentSpec assemble(Map<String, Object> v, List<Long> seeds) {
        @SuppressWarnings("unchecked")
        List<Long> curveSteps = (List<Long>) v.get("curveSteps");
        @SuppressWarnings("unchecked")
        List<Integer> encoderChannels = (List<Integer>) v.get("encoderChannels");
        @SuppressWarnings("unchecked")
        List<SmallImagePolicy> smallImageRules = (List<SmallImagePolicy>) v.get("lpipsSmallImageRules");
        TrainingFields training = new TrainingFields((DatasetReference) v.get("dataset"), (int) v.get("trainSubset"),
                (Architecture) v.get("architecture"), (int) v.get("latentDim"), (ReconstructionLoss) v.get("loss"),
                (double) v.get("beta"), (int) v.get("batchSize"), (double) v.get("learningRate"),
                (DecoderDenseActivation) v.get("decoderDenseActivation"), (int) v.get("validation"),
                (KlReduction) v.get("klReduction"), (int) v.get("maxSteps"), curveSteps, (int) v.get("curveTestImages"),
                (int) v.get("curveTestOffset"), (int) v.get("curveTestStride"), encoderChannels, (ReconstructionReduction) v.get("reconstructionReduction"), smallImageRules);
        EvaluationFields evaluation = new EvaluationFields((int) v.get("testSubset"), (int) v.get("testOffset"), (int) v.get("testStride"),
                (SmallImagePolicy) v.get("lpipsSmallImages"), (LpipsScaling) v.get("lpipsScaling"),
                (ProtocolVariants.Decoding) v.get("decoding"), (ProtocolVariants.PsnrReduction) v.get("psnrReduction"),
                (int) v.get("likelihoodSamples"), (int) v.get("likelihoodImages"));
        StoppingRule stopping = new StoppingRule((int) v.get("epochs"), (int) v.get("patience"), (double) v.get("minDelta"));
        if (stopping.patience() > 0 && training.validation() == 0) {
            throw new SpecFieldException("patience", "early stopping watches the validation loss: hold out "
                    + "'validation' images");
        }
        if (training.trainSubset() > 0 && training.validation() >= training.trainSubset()) {
            throw new SpecFieldException("validation", "holds out " + training.validation() + " of the "
                    + training.trainSubset() + " training images (trainSubset); at least one must remain for training");
        }
        if (training.maxSteps() > 0 && stopping.patience() > 0) {
            throw new SpecFieldException("maxSteps", "a step budget and early stopping cannot both end a run: set "
                    + "'maxSteps' or 'patience', not both");
        }
        if (training.maxSteps() > 0 && !training.curveSteps().isEmpty()
                && training.curveSteps().get(training.curveSteps().size() - 1) > training.maxSteps()) {
            throw new SpecFieldException("curveSteps", "step " + training.curveSteps().get(training.curveSteps().size() - 1)
                    + " lies beyond the step budget (maxSteps " + training.maxSteps() + "), so it would never be measured;"
                    + " drop the steps past " + training.maxSteps() + " or raise 'maxSteps'");
        }
        boolean variational = training.architecture().variational();
        if (!variational && evaluation.decoding() == ProtocolVariants.Decoding.SAMPLED) {
            throw new SpecFieldException("decoding", "the autoencoder ('ae') has one decoding, of its code; 'sampled' "
                    + "needs a VAE");
        }
        if (!variational && evaluation.likelihoodSamples() > 0) {
            throw new SpecFieldException("likelihoodSamples", "the autoencoder ('ae') has no posterior q(z|x) to "
                    + "sample from; the likelihood bounds need a VAE");
        }
        return new ExperimentSpec((String) v.get("id"), training, stopping, evaluation,
                new ExecutionFields((int) v.get("checkpointEverySteps")), (ReportedValues) v.get("reported"), seeds);
    }

    /** The spec as one flat object of its fields, in the table's order (how suite and result files write it). */
    public static ObjectNode write(ExperimentSpec spec) {
        ObjectNode node = Json.mapper().createObjectNode();
        for (Field field : FIELDS) {
            node.set(field.name(), Json.mapper().valueToTree(field.value().apply(spec)));
        }
        return node;
    }

    /** Only the fields of the given parts, flat, in the table's order: e.g. how a model was trained, for a record of it. */
    public static ObjectNode write(ExperimentSpec spec, Set<SpecPart> parts) {
        ObjectNode all = write(spec);
        ObjectNode node = Json.mapper().createObjectNode();
        for (Field field : FIELDS) {
            if (parts.contains(field.part())) {
                node.set(field.name(), all.get(field.name()));
            }
        }
        return node;
    }

    /** The fields of the given parts in which {@code now} differs from {@code earlier}, in the table's order. */
    public static List<SpecChange> changes(ExperimentSpec earlier, ExperimentSpec now, Set<SpecPart> parts) {
        return changes(write(earlier), now, parts);
    }

    /**
     * The fields of the given parts in which {@code now} differs from {@code recorded}, a spec's fields as some file
     * wrote them ({@link #write(ExperimentSpec, Set)}, or a whole spec): a field the record lacks or holds as null
     * counts as its default, so records written before a field existed compare as they were trained.
     */
    public static List<SpecChange> changes(JsonNode recorded, ExperimentSpec now, Set<SpecPart> parts) {
        ObjectNode current = write(now);
        List<SpecChange> changes = new ArrayList<>();
        for (Field field : FIELDS) {
            if (!parts.contains(field.part())) {
                continue;
            }
            JsonNode then = recorded.get(field.name());
            if (isAbsent(then)) {
                then = field.required() ? Json.mapper().nullNode() : field.defaultValue();
            }
            JsonNode after = current.get(field.name());
            if (!sameValue(then, after)) {
                changes.add(new SpecChange(field.name(), then.toString(), after.toString()));
            }
        }
        return changes;
    }

    /** JSON values equal as values: 1 and 1.0 are the same number (a double field written by hand as an integer). */
    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    /** The changes in one part. */
    public static List<SpecChange> changes(ExperimentSpec earlier, ExperimentSpec now, SpecPart part) {
        return changes(earlier, now, EnumSet.of(part));
    }

    private static Field field(String name, SpecPart part, Object defaultValue, Reader reader,
            Function<ExperimentSpec, Object> value) {
        JsonNode fallback = defaultValue == null ? null
                : defaultValue instanceof JsonNode node ? node : Json.mapper().valueToTree(defaultValue);
        return new Field(name, part, fallback, reader, value);
    }

    private static Object safeId(JsonNode value, Reading reading) {
        String id = text("id", value);
        if (!SAFE_ID.matcher(id).matches()) {
            throw new SpecFieldException("id", "'" + id + "' is not a safe file name (letters, digits, '.', '_', '-'; "
                    + "not starting with '.' or '-')");
        }
        return id;
    }

    private static String text(String field, JsonNode value) {
        if (!value.isTextual()) {
            throw new SpecFieldException(field, "expected a string, got " + value);
        }
        return value.asText();
    }

    private static Reader closed(String field, Function<String, Object> fromId) {
        return (value, reading) -> {
            String id = text(field, value);
            try {
                return fromId.apply(id);
            } catch (IllegalArgumentException e) {
                throw new SpecFieldException(field, e.getMessage());
            }
        };
    }

    private static Reader nonNegativeInt(String field) {
        return (value, reading) -> {
            if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                throw new SpecFieldException(field, "expected an integer, got " + value);
            }
            if (value.asInt() < 0) {
                throw new SpecFieldException(field, "must be >= 0, got " + value.asInt());
            }
            return value.asInt();
        };
    }

    private static Reader positiveInt(String field) {
        Reader nonNegative = nonNegativeInt(field);
        return (value, reading) -> {
            int n = (int) nonNegative.read(value, reading);
            if (n <= 0) {
                throw new SpecFieldException(field, "must be > 0, got " + n);
            }
            return n;
        };
    }

    private static Reader number(String field, DoublePredicate valid, String range) {
        return (value, reading) -> {
            if (!value.isNumber()) {
                throw new SpecFieldException(field, "expected a number, got " + value);
            }
            double x = value.asDouble();
            if (!valid.test(x) || Double.isInfinite(x)) {
                throw new SpecFieldException(field, "must be " + range + ", got " + x);
            }
            return x;
        };
    }

    /** A list of positive, strictly increasing integers: the global steps a learning curve is measured at. */
    private static Object curveSteps(JsonNode value, Reading reading) {
        if (!value.isArray()) {
            throw new SpecFieldException("curveSteps", "expected a list of increasing step numbers, got " + value);
        }
        List<Long> steps = new ArrayList<>();
        for (JsonNode step : value) {
            if (!step.isIntegralNumber() || !step.canConvertToLong() || step.asLong() <= 0
                    || (!steps.isEmpty() && step.asLong() <= steps.get(steps.size() - 1))) {
                throw new SpecFieldException("curveSteps", "expected positive, strictly increasing step numbers, got "
                        + value);
            }
            steps.add(step.asLong());
        }
        return List.copyOf(steps);
    }

    /** Distinct small-image rules, measured on step curves and at evaluation beside the standard ones. */
    private static Object smallImageRules(JsonNode value, Reading reading) {
        String field = "lpipsSmallImageRules";
        if (!value.isArray()) {
            throw new SpecFieldException(field, "expected a list of LPIPS small-image rules to measure beside "
                    + SmallImagePolicy.STANDARD.stream().map(SmallImagePolicy::id).toList() + ", e.g. [\"bicubic48\", "
                    + "\"nearest64\"], got " + value);
        }
        Reader rule = closed(field, SmallImagePolicy::fromId);
        List<SmallImagePolicy> rules = new ArrayList<>();
        for (JsonNode id : value) {
            SmallImagePolicy policy = (SmallImagePolicy) rule.read(id, reading);
            if (rules.contains(policy)) {
                throw new SpecFieldException(field, "names '" + policy.id() + "' twice in " + value);
            }
            rules.add(policy);
        }
        return List.copyOf(rules);
    }

    private static Object encoderChannels(JsonNode value, Reading reading) {
        if (!value.isArray() || value.size() != 3) {
            throw new SpecFieldException("encoderChannels", "expected the three encoder convolutions' channel counts (the"
                    + " decoder mirrors them), e.g. [32, 64, 128], got " + value);
        }
        List<Integer> channels = new ArrayList<>();
        for (JsonNode c : value) {
            if (!c.isIntegralNumber() || !c.canConvertToInt() || c.asInt() <= 0) {
                throw new SpecFieldException("encoderChannels", "expected three positive channel counts, got " + value);
            }
            channels.add(c.asInt());
        }
        return List.copyOf(channels);
    }

    private static Object reported(JsonNode r, Reading reading) {
        if (!r.isObject() || !r.path("psnr").isNumber() || !r.path("lpips").isNumber() || !r.path("source").isTextual()
                || r.size() != 3) {
            throw new SpecFieldException("reported", "expected {\"psnr\": number, \"lpips\": number, \"source\": text}");
        }
        return new ReportedValues(r.get("psnr").asDouble(), r.get("lpips").asDouble(), r.get("source").asText());
    }
}
