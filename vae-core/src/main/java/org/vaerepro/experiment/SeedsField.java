package org.vaerepro.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields {@code seed} and {@code seeds}, read together: {@code seeds} as a list of distinct integers (its
 * first is then the experiment's seed, and {@code seed}, if given, must equal it), or as a count n meaning seed,
 * seed + 1, ..., seed + n - 1; without {@code seeds}, just {@code seed}.
 */
final class SeedsField {
    static final String SEED = "seed";
    static final String SEEDS = "seeds";

    private SeedsField() {
    }

    /** The seeds of {@code experiment}, an object holding (after defaults) its {@code seed} and {@code seeds}. */
    static List<Long> read(JsonNode experiment) {
        JsonNode seeds = experiment.hasNonNull(SEEDS) ? experiment.get(SEEDS) : null;
        JsonNode seed = experiment.hasNonNull(SEED) ? experiment.get(SEED) : null;
        if (seeds != null && seeds.isArray()) {
            return list(seeds, seed);
        }
        if (seed == null) {
            throw new SpecFieldException(SEED, "experiment '" + experiment.path("id").asText("?") + "' lacks required "
                    + "field 'seed' (or a list of 'seeds')");
        }
        if (!seed.isIntegralNumber() || !seed.canConvertToLong()) {
            throw new SpecFieldException(SEED, "expected an integer, got " + seed);
        }
        if (seeds == null) {
            return List.of(seed.asLong());
        }
        if (!seeds.isIntegralNumber() || !seeds.canConvertToInt() || seeds.asInt() < 1) {
            throw new SpecFieldException(SEEDS, "expected a list of integers or a count >= 1, got " + seeds);
        }
        List<Long> counted = new ArrayList<>();
        for (int i = 0; i < seeds.asInt(); i++) {
            counted.add(seed.asLong() + i);
        }
        return List.copyOf(counted);
    }

    private static List<Long> list(JsonNode seeds, JsonNode seed) {
        if (seeds.isEmpty()) {
            throw new SpecFieldException(SEEDS, "expected a non-empty list of integers or a count");
        }
        List<Long> list = new ArrayList<>();
        for (JsonNode value : seeds) {
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                throw new SpecFieldException(SEEDS, "expected integers, got " + value);
            }
            if (list.contains(value.asLong())) {
                throw new SpecFieldException(SEEDS, "seed " + value.asLong() + " is listed twice");
            }
            list.add(value.asLong());
        }
        if (seed != null && seed.asLong() != list.get(0)) {
            throw new SpecFieldException(SEEDS, "the first of seeds " + list + " must equal seed " + seed.asLong()
                    + " (or leave seed out: the list's first seed is the experiment's seed)");
        }
        return List.copyOf(list);
    }
}
