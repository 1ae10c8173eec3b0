package org.vaerepro.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.vaerepro.settings.Setting;

/**
 * A named list of experiments, read from one suite file, with its free-text description ("" if none), the
 * margins within which a measurement matches a published value, what each published cell's verdict must be
 * ({@code verdictRequired}), and optionally the suite file its results are compared with ({@code comparedWith}, null
 * if none: e.g. the same experiments with one detail chosen the other way). Margins, the requirement and
 * {@code comparedWith} are judgement fields: changing them re-judges, never retrains or re-evaluates.
 */
public record Suite(String name, String description, Path file, List<ExperimentSpec> experiments,
        PublishedMargins margins, CellRequirement verdictRequired, Path comparedWith) {
    public Suite {
        experiments = List.copyOf(experiments);
    }

    /** The experiments whose id is in {@code ids}, or all when {@code ids} is empty; unknown ids fail. */
    public List<ExperimentSpec> select(Set<String> ids) {
        if (ids.isEmpty()) {
            return experiments;
        }
        List<String> known = experiments.stream().map(ExperimentSpec::id).toList();
        List<String> unknown = ids.stream().filter(id -> !known.contains(id)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(Setting.EXPERIMENTS + " names " + unknown + ", but suite " + name
                    + " has no such experiment; it has " + known);
        }
        return experiments.stream().filter(e -> ids.contains(e.id())).toList();
    }

    /** The experiment {@code id}; an unknown id fails, naming the known ones. */
    public ExperimentSpec experiment(String id) {
        return select(Set.of(id)).get(0);
    }

    /** The runs of the given experiments: one per (experiment, seed), experiments in order, seeds in declared order. */
    public static List<Run> runs(List<ExperimentSpec> selection) {
        return runs(selection, 0);
    }

    /** As {@link #runs(List)}, keeping only each experiment's first {@code firstSeeds} seeds (0: all). */
    public static List<Run> runs(List<ExperimentSpec> selection, int firstSeeds) {
        List<Run> runs = new ArrayList<>();
        for (ExperimentSpec spec : selection) {
            List<Long> seeds = firstSeeds > 0 && firstSeeds < spec.seeds().size() ? spec.seeds().subList(0, firstSeeds)
                    : spec.seeds();
            for (long seed : seeds) {
                runs.add(new Run(spec, seed));
            }
        }
        return runs;
    }
}
