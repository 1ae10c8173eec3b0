package org.vaerepro.regression;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaerepro.experiment.ExperimentSpec;
import org.vaerepro.experiment.Run;
import org.vaerepro.experiment.RunStatus;
import org.vaerepro.experiment.SuiteResults;
import org.vaerepro.io.Json;
import org.vaerepro.provenance.EnvironmentProvenance;
import org.vaerepro.train.StepLoss;

/**
 * Derives the gate's exact windows from measurement: the recorded runs and reference models against the same runs
 * and models under other configurations (other thread counts, the other native build), each a
 * {@link Configuration}. A trajectory step's window is {@link Tolerances#trajectoryWindow} of the largest relative
 * spread at that step or before, over every row; a reference number's is {@link Tolerances#referenceHalfWidth} of
 * its largest difference. With no other configuration the spreads are 0 and the floors apply.
 */
public final class GateCalibration {
    private GateCalibration() {
    }

    /**
     * The same suite's runs ({@code results}: each experiment's first seed is compared) and the reference models'
     * numbers ({@code referenceValues}, by model, from the gate's check record) under one other configuration,
     * described by {@code label}.
     */
    public record Configuration(String label, SuiteResults results, Map<String, Map<String, Double>> referenceValues) {
        public Configuration {
            referenceValues = referenceValues == null ? Map.of() : Map.copyOf(referenceValues);
        }
    }

    /**
     * How one calibration configuration ({@code label}) fares against windows derived without it, from the recorded
     * runs and the other configurations alone: the largest ratio of its difference to that window, over every held
     * trajectory step of every row and term ({@code trajectory}) and every reference number ({@code reference}). At
     * most 1: the windows the other configurations give would have accepted it, so the safety factor covers a
     * configuration the calibration did not see; null where it had nothing to compare.
     */
    public record HeldOut(String label, Double trajectory, Double reference) {
    }

    /** {@link HeldOut} of each of {@code others}, for a baseline recording {@code references} (name to numbers). */
    static List<HeldOut> heldOut(SuiteResults recorded, List<Configuration> others, int steps,
            Map<String, Map<String, Double>> references) {
        List<HeldOut> held = new ArrayList<>();
        for (Configuration left : others) {
            List<Configuration> rest = others.stream().filter(c -> c != left).toList();
            TrajectoryWindows windows = trajectoryWindows(recorded, "", rest, steps);
            Double trajectory = null;
            for (ExperimentSpec spec : recorded.suite().experiments()) {
                List<StepLoss> mine = firstSteps(recorded, spec);
                List<StepLoss> theirs = firstSteps(left.results(), spec);
                for (int i = 0; i < Math.min(steps, Math.min(mine.size(), theirs.size())); i++) {
                    StepWindow w = windows.steps().get(i);
                    StepLoss a = mine.get(i);
                    StepLoss b = theirs.get(i);
                    trajectory = max(trajectory, TrajectoryCheck.relative(b.loss(), a.loss()) / w.loss());
                    trajectory = max(trajectory, TrajectoryCheck.relative(b.reconstruction(), a.reconstruction())
                            / w.reconstruction());
                    trajectory = max(trajectory, TrajectoryCheck.relative(b.kl(), a.kl()) / w.kl());
                }
            }
            Double reference = null;
            for (Map.Entry<String, Map<String, Double>> model : references.entrySet()) {
                Map<String, Double> theirs = left.referenceValues().getOrDefault(model.getKey(), Map.of());
                for (Map.Entry<String, ReferenceValue> value : referenceValues(model.getKey(), model.getValue(), rest)
                        .entrySet()) {
                    Double measured = theirs.get(value.getKey());
                    if (measured != null) {
                        reference = max(reference, ratio(Math.abs(measured - value.getValue().value()),
                                value.getValue().halfWidth()));
                    }
                }
            }
            held.add(new HeldOut(left.label(), trajectory, reference));
        }
        return held;
    }

    /** A difference over its window; an exact number (an autoencoder's KL: 0, window 0) that agrees counts 0. */
    static double ratio(double difference, double window) {
        return difference == 0 ? 0 : difference / window;
    }

    private static Double max(Double soFar, double next) {
        return soFar == null ? next : Math.max(soFar, next);
    }

    /** How a configuration is told apart: its native threads, its device (BLAS and native build) and its processor. */
    public static String label(EnvironmentProvenance environment) {
        return environment.threads() + " threads, " + environment.device() + ", " + environment.cpu();
    }

    /**
     * The windows of the first {@code steps} steps, from the spread between each experiment's first-seed run in
     * {@code recorded} and the same run in each configuration (runs without a current result or a trajectory in a
     * configuration are left out of it). {@code recordedLabel} describes the recorded runs' configuration.
     */
    static TrajectoryWindows trajectoryWindows(SuiteResults recorded, String recordedLabel,
            List<Configuration> others, int steps) {
        double[][] spread = new double[3][steps];
        for (ExperimentSpec spec : recorded.suite().experiments()) {
            List<StepLoss> mine = firstSteps(recorded, spec);
            for (Configuration other : others) {
                List<StepLoss> theirs = firstSteps(other.results(), spec);
                int n = Math.min(steps, Math.min(mine.size(), theirs.size()));
                for (int i = 0; i < n; i++) {
                    StepLoss a = mine.get(i);
                    StepLoss b = theirs.get(i);
                    spread[0][i] = Math.max(spread[0][i], TrajectoryCheck.relative(b.loss(), a.loss()));
                    spread[1][i] = Math.max(spread[1][i], TrajectoryCheck.relative(b.reconstruction(), a.reconstruction()));
                    spread[2][i] = Math.max(spread[2][i], TrajectoryCheck.relative(b.kl(), a.kl()));
                }
            }
        }
        List<StepWindow> windows = new ArrayList<>();
        double[] soFar = new double[3];
        for (int i = 0; i < steps; i++) {
            for (int t = 0; t < 3; t++) {
                soFar[t] = Math.max(soFar[t], spread[t][i]);
            }
            windows.add(new StepWindow(i + 1, spread[0][i], spread[1][i], spread[2][i],
                    Tolerances.trajectoryWindow(soFar[0]), Tolerances.trajectoryWindow(soFar[1]),
                    Tolerances.trajectoryWindow(soFar[2])));
        }
        List<String> across = new ArrayList<>();
        across.add(recordedLabel + " (recorded)");
        others.forEach(other -> across.add(other.label()));
        return new TrajectoryWindows(across, Tolerances.trajectoryRule(), windows);
    }

    /** The first steps of the first seed's run of {@code spec} in {@code results}; empty when it has none. */
    private static List<StepLoss> firstSteps(SuiteResults results, ExperimentSpec spec) {
        ExperimentSpec declared = results.suite().experiments().stream().filter(s -> s.id().equals(spec.id()))
                .findFirst().orElse(null);
        if (declared == null) {
            return List.of();
        }
        RunStatus status = results.status(new Run(declared, declared.seed()));
        return status instanceof RunStatus.Current current ? current.result().firstSteps() : List.of();
    }

    /** Each number of reference model {@code name} measured as {@code values}, with its spread over the configurations. */
    static Map<String, ReferenceValue> referenceValues(String name, Map<String, Double> values,
            List<Configuration> others) {
        Map<String, ReferenceValue> windows = new LinkedHashMap<>();
        values.forEach((metric, value) -> {
            double spread = 0;
            for (Configuration other : others) {
                Double theirs = other.referenceValues().getOrDefault(name, Map.of()).get(metric);
                if (theirs != null) {
                    spread = Math.max(spread, Math.abs(theirs - value));
                }
            }
            windows.put(metric, new ReferenceValue(value, spread, Tolerances.referenceHalfWidth(value, spread)));
        });
        return windows;
    }

    /**
     * The configuration of a baseline check record ({@code record}, written by the session's check in that
     * configuration: its environment and the reference models' numbers measured there) and the suite's runs there.
     */
    public static Configuration configuration(Path record, SuiteResults results) {
        try {
            JsonNode root = Json.mapper().readTree(record.toFile());
            EnvironmentProvenance environment = Json.mapper().treeToValue(root.get("environment"),
                    EnvironmentProvenance.class);
            Map<String, Map<String, Double>> values = Json.mapper().convertValue(root.get("referenceMeasurements"),
                    new TypeReference<Map<String, Map<String, Double>>>() { });
            if (environment == null) {
                throw new IllegalStateException("baseline check record " + record + " names no environment");
            }
            return new Configuration(label(environment), results, values);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read baseline check record " + record + ": " + e.getMessage(), e);
        }
    }
}
