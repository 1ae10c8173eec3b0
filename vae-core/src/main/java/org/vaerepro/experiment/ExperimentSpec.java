package org.vaerepro.experiment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.vaerepro.io.Preconditions;

/**
 * One declared experiment, composed of its parts: what it trains ({@link TrainingFields}), when training ends
 * ({@link StoppingRule}), what evaluation measures ({@link EvaluationFields}), how a run is carried out
 * ({@link ExecutionFields}), the values a publication reports for it ({@code reported}, null if none) and the
 * seeds it runs with, one {@link Run} each ({@link #seed()} is the first). Each field is declared once, in
 * {@link ExperimentSchema}, which also gives the spec's JSON form: one flat object of fields, as a suite file
 * declares it and as result files record it.
 */
public record ExperimentSpec(String id, TrainingFields training, StoppingRule stopping, EvaluationFields evaluation,
        ExecutionFields execution, ReportedValues reported, List<Long> seeds) {

    public ExperimentSpec {
        Preconditions.notBlank(id, "experiment id");
        Preconditions.notNull(training, "experiment '" + id + "': training fields");
        Preconditions.notNull(stopping, "experiment '" + id + "': stopping rule");
        Preconditions.notNull(evaluation, "experiment '" + id + "': evaluation fields");
        Preconditions.notNull(execution, "experiment '" + id + "': execution fields");
        Preconditions.check(seeds != null && !seeds.isEmpty(), "experiment '" + id + "' needs at least one seed");
        seeds = List.copyOf(seeds);
    }

    /** The first seed: the experiment's seed, and the run the gate trains. */
    public long seed() {
        return seeds.get(0);
    }

    /** Declared with more than one seed: its runs live in one folder each, and its metrics are aggregated. */
    public boolean multiSeed() {
        return seeds.size() > 1;
    }

    /** The spec of one run: this experiment with only {@code runSeed}. */
    public ExperimentSpec forSeed(long runSeed) {
        Preconditions.check(seeds.contains(runSeed), "experiment '" + id + "' has no seed " + runSeed + "; it has "
                + seeds);
        return new ExperimentSpec(id, training, stopping, evaluation, execution, reported, List.of(runSeed));
    }

    @JsonValue
    ObjectNode toJson() {
        return ExperimentSchema.write(this);
    }

    /** A spec as a result file recorded it (image folders as the absolute paths they were resolved to). */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static ExperimentSpec fromJson(ObjectNode json) {
        return ExperimentSchema.read(json, null);
    }
}
