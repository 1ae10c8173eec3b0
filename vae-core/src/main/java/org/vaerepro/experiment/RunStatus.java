package org.vaerepro.experiment;

import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where one run stands, the one answer every reader of results asks for (the runner, the page, the baseline,
 * the gate's tests, the site report, the Spark driver): not run, unreadable, needs training, needs evaluation, a
 * damaged model file, or current with its result. Only the fields that decide the model ({@link SpecPart#TRAINING},
 * {@link SpecPart#STOPPING}, the seed) and what evaluation measures ({@link SpecPart#EVALUATION}) make a result
 * stale; judgement fields (reported values, margins, the suite compared with) and execution fields never do, so
 * changing them re-judges without retraining or re-evaluating.
 *
 * <p>A result is current when metrics.json was measured with the run's training, stopping, seed and evaluation
 * fields, whether or not the model file is still there (a committed results snapshot keeps metrics, curves and
 * pictures but no model). Training deletes metrics.json before it changes the model, so a current metrics.json is
 * always that of the model it names.
 */
public sealed interface RunStatus {
    /** The parts whose change means training again. */
    Set<SpecPart> TRAINED_WITH = Set.of(SpecPart.TRAINING, SpecPart.STOPPING, SpecPart.SEEDS);

    /**
     * Whether the run must be trained (again) before it can be evaluated: all but a current model (a damaged one
     * included: a checkpoint may give it back without training, {@link ModelDamaged}).
     */
    default boolean needsTraining() {
        return this instanceof Unreadable unreadable ? !unreadable.trained()
                : !(this instanceof NeedsEvaluation || this instanceof Current);
    }

    /** Whether evaluation must (still) run. */
    default boolean needsEvaluation() {
        return !(this instanceof Current);
    }

    /** What to say about the run: "current", "not run", or why it is not current. */
    String describe();

    /** The status in a word or two, for a table or a file: "current", "not run", "needs training". */
    String word();

    /** The result in the folder, current or stale (shown, never summarised); null when there is none. */
    default ExperimentResult lastResult() {
        return null;
    }

    /** Nothing of the run is in its folder. */
    record NotRun() implements RunStatus {
        public String word() {
            return "not run";
        }

        public String describe() {
            return "not run";
        }
    }

    /** metrics.json is there but cannot be read ({@code why}); {@code trained}: the model in the folder is current. */
    record Unreadable(String why, boolean trained) implements RunStatus {
        public String word() {
            return "unreadable";
        }

        public String describe() {
            return "unreadable metrics.json: " + why;
        }
    }

    /**
     * The model must be trained (again): {@code why}, the fields that changed since it was trained (empty when it
     * never finished), and the earlier result when one is there (shown as stale, never summarised).
     */
    record NeedsTraining(String why, List<SpecChange> changes, ExperimentResult earlier) implements RunStatus {
        public NeedsTraining {
            changes = List.copyOf(changes);
        }

        public String word() {
            return "needs training";
        }

        public String describe() {
            return why;
        }

        public ExperimentResult lastResult() {
            return earlier;
        }
    }

    /** The model is current but its metrics are not (yet): {@code why}, the evaluation fields that changed, the earlier result. */
    record NeedsEvaluation(String why, List<SpecChange> changes, ExperimentResult earlier) implements RunStatus {
        public NeedsEvaluation {
            changes = List.copyOf(changes);
        }

        public String word() {
            return "needs evaluation";
        }

        public String describe() {
            return why;
        }

        public ExperimentResult lastResult() {
            return earlier;
        }
    }

    /**
     * The model file fails the check against what training.json records of it ({@code why}: its size or SHA-256
     * differs, or, for a record without them, the zip's own checks fail): it is rebuilt from the checkpoint or
     * trained again before anything measures it, and metrics.json ({@code lastResult}, shown as stale) is not current
     * until the model is whole again: rebuilding it to the bytes recorded makes it current as it was.
     */
    record ModelDamaged(String why, ExperimentResult lastResult) implements RunStatus {
        public String word() {
            return "damaged model";
        }

        public String describe() {
            return RunFolder.MODEL + " is damaged (" + why + ")";
        }
    }

    /**
     * metrics.json measured this run as declared now; {@code snapshot}: its model file is not in the folder (a
     * results snapshot), so it can be read and judged but not evaluated again.
     */
    record Current(ExperimentResult result, boolean snapshot) implements RunStatus {
        public String word() {
            return "current";
        }

        public String describe() {
            return "current";
        }

        public ExperimentResult lastResult() {
            return result;
        }
    }

    /** Where the run of {@code spec} (one seed) stands in {@code folder}. */
    static RunStatus of(RunFolder folder, ExperimentSpec spec) { // the one place that reads metrics.json to decide
        ExperimentResult result = null;
        String unreadable = null;
        if (Files.isRegularFile(folder.metricsFile())) {
            try {
                result = ExperimentResult.read(folder.metricsFile());
            } catch (RuntimeException e) {
                unreadable = e.getMessage();
            }
        }
        ExperimentSpec recorded = folder.recordedSpec();
        boolean trained = Files.isRegularFile(folder.modelFile()) && recorded != null && trainedAs(recorded, spec);
        if (trained) { // a stale model is trained again anyway; a current one must be the one training wrote
            Optional<String> damage = folder.modelDamage();
            if (damage.isPresent()) {
                return new ModelDamaged(damage.get(), result);
            }
        }
        if (result != null && trainedAs(result.spec(), spec) && result.spec().evaluation().equals(spec.evaluation())) {
            return new Current(result, !Files.isRegularFile(folder.modelFile()));
        }
        if (unreadable != null) {
            return new Unreadable(unreadable, trained);
        }
        if (trained) {
            if (result == null) {
                return new NeedsEvaluation("trained, not evaluated yet", List.of(), null);
            }
            List<SpecChange> changes = ExperimentSchema.changes(result.spec(), spec, SpecPart.EVALUATION);
            return new NeedsEvaluation("stale: evaluated with other evaluation fields (" + joined(changes) + ")",
                    changes, result);
        }
        ExperimentSpec before = recorded != null ? recorded : result != null ? result.spec() : null;
        if (before == null) {
            return Files.isRegularFile(folder.checkpointFile())
                    ? new NeedsTraining("training started, not finished", List.of(), null) : new NotRun();
        }
        List<SpecChange> changes = ExperimentSchema.changes(before, spec, TRAINED_WITH);
        if (!changes.isEmpty()) {
            return new NeedsTraining("stale: trained with other training fields (" + joined(changes) + ")", changes,
                    result);
        }
        if (result != null) { // trained as declared, but evaluated otherwise and without its model file to measure again
            List<SpecChange> evaluation = ExperimentSchema.changes(result.spec(), spec, SpecPart.EVALUATION);
            return new NeedsTraining("stale: evaluated with other evaluation fields (" + joined(evaluation)
                    + ") and its model file is not here, so it is trained again", evaluation, result);
        }
        return new NeedsTraining("training started, not finished", List.of(), null);
    }

    /** Whether a run recorded as {@code recorded} was trained as {@code spec} declares: same model fields, rule and seed. */
    static boolean trainedAs(ExperimentSpec recorded, ExperimentSpec spec) {
        return recorded.training().equals(spec.training()) && recorded.stopping().equals(spec.stopping())
                && recorded.seed() == spec.seed();
    }

    private static String joined(List<SpecChange> changes) {
        return changes.stream().map(SpecChange::toString).collect(Collectors.joining(", "));
    }
}
