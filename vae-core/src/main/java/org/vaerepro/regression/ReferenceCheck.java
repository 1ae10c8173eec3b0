package org.vaerepro.regression;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.vaerepro.experiment.ReferenceModels;

/**
 * A reference model's numbers as measured now against those the baseline recorded: every recorded number must be
 * measured again and lie within its window ({@link ReferenceValue}); a model that could not be measured (its file
 * missing, damaged or replaced, which the measurement names with the file's SHA-256) is a deviation too.
 */
final class ReferenceCheck {
    private ReferenceCheck() {
    }

    static List<String> problems(ReferenceModel recorded, ReferenceModels.Measurement measurement) {
        if (measurement == null) {
            return List.of("not measured");
        }
        if (measurement instanceof ReferenceModels.Unusable unusable) {
            return List.of(unusable.problem());
        }
        Map<String, Double> values = ((ReferenceModels.Measured) measurement).values();
        List<String> problems = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        for (Map.Entry<String, ReferenceValue> entry : recorded.values().entrySet()) {
            ReferenceValue window = entry.getValue();
            Double value = values.get(entry.getKey());
            if (value == null) {
                problems.add(entry.getKey() + " was not measured (the baseline recorded " + window.value() + ")");
            } else if (!(Math.abs(value - window.value()) <= window.halfWidth())) {
                outside.add(String.format(Locale.ROOT, "%s %.9g, recorded %.9g (%+.3g, relative %.2e; allowed ±%.3g)",
                        entry.getKey(), value, window.value(), value - window.value(),
                        TrajectoryCheck.relative(value, window.value()), window.halfWidth()));
            }
        }
        TreeSet<String> unrecorded = new TreeSet<>(values.keySet());
        unrecorded.removeAll(recorded.values().keySet());
        if (!unrecorded.isEmpty()) {
            problems.add("measured " + unrecorded + ", which the baseline did not record (evaluation measures other "
                    + "numbers now: record the baseline again)");
        }
        if (!outside.isEmpty()) {
            problems.add(outside.size() + " of " + recorded.values().size() + " numbers outside their windows: "
                    + String.join("; ", outside));
        }
        return problems;
    }
}
