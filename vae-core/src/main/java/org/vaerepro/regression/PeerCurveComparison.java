package org.vaerepro.regression;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.vaerepro.experiment.ExperimentResult;
import org.vaerepro.experiment.ExperimentSpec;
import org.vaerepro.experiment.Run;
import org.vaerepro.experiment.RunStatus;
import org.vaerepro.experiment.SuiteResults;
import org.vaerepro.io.AtomicFiles;
import org.vaerepro.io.FileFormat;
import org.vaerepro.io.Json;
import org.vaerepro.io.Preconditions;
import org.vaerepro.statistics.HolmAdjustment;
import org.vaerepro.statistics.SampleSummary;
import org.vaerepro.statistics.WelchTest;
import org.vaerepro.train.EpochReport;

/**
 * One experiment's per-epoch validation curves (loss, PSNR, LPIPS) beside an independent implementation's (a peer,
 * e.g. vae-core/src/bench/python/learning_curves_peer.py in PyTorch), over the seeds of each side: per epoch and
 * measure, each side's mean, min and max over its seeds, whether this project's mean lies within the peer's seed range,
 * the difference of the means (project minus peer) and Welch's two-sided test of the two sides' seeds, its p adjusted
 * by Holm's method over every (epoch, measure) compared for the experiment. The project's side is its current runs
 * alone; both sides' curves are kept, seed by seed, for plotting. Epochs are compared up to the shortest curve.
 */
public record PeerCurveComparison(FileFormat format, String suite, String experiment, String peerFile,
        String peerFramework, String peerCommand, Map<String, List<ValidationPoint>> projectCurves,
        Map<String, List<ValidationPoint>> peerCurves, int tests, List<Epoch> epochs) {
    public static final FileFormat FORMAT = new FileFormat("vae-repro-peer-curves", 1);

    /** One epoch's validation measurement on one seed. */
    public record ValidationPoint(double loss, double psnr, double lpips) {
    }

    /** One epoch (counted from 1), each measure compared. */
    public record Epoch(int epoch, Measure loss, Measure psnr, Measure lpips) {
    }

    /**
     * One measure at one epoch: each side's spread over its seeds, whether the project's mean lies within the peer's
     * range, the difference of the means (project minus peer), Welch's test (project minus peer), its two-sided p
     * and that p adjusted by Holm over the experiment's {@code tests}.
     */
    public record Measure(Spread project, Spread peer, boolean projectMeanWithinPeerRange, double difference,
            WelchTest welch, double p, double holmP) {
    }

    /** Mean, min and max over {@code n} seeds. */
    public record Spread(int n, double mean, double min, double max) {
        static Spread of(double[] values) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double value : values) {
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
            return new Spread(values.length, SampleSummary.of(values, SampleSummary.CONFIDENCE_95).mean(), min, max);
        }
    }

    private enum Measured {
        LOSS(ValidationPoint::loss), PSNR(ValidationPoint::psnr), LPIPS(ValidationPoint::lpips);

        final ToDoubleFunction<ValidationPoint> value;

        Measured(ToDoubleFunction<ValidationPoint> value) {
            this.value = value;
        }
    }

    /**
     * {@code experiment}'s current runs in {@code results} against the peer's curves in {@code peerFile}, which the
     * comparison names as {@code peerShown} (e.g. relative to where it is written).
     */
    public static PeerCurveComparison of(SuiteResults results, ExperimentSpec experiment, Path peerFile,
            String peerShown) {
        Map<String, List<ValidationPoint>> project = new LinkedHashMap<>();
        for (Run run : results.runs(experiment)) {
            if (results.status(run) instanceof RunStatus.Current current) {
                project.put(Long.toString(run.seed()), curve(run, current.result()));
            }
        }
        JsonNode peer = readPeer(peerFile);
        Map<String, List<ValidationPoint>> peerCurves = peerCurves(peerFile, peer);
        Preconditions.check(project.size() >= 2 && peerCurves.size() >= 2, "comparing " + experiment.id()
                + " with " + peerFile + " needs at least two seeds on each side, got " + project.size()
                + " current run(s) and " + peerCurves.size() + " peer seed(s)");
        int epochs = Math.min(shortest(project), shortest(peerCurves));
        List<double[][]> sides = new ArrayList<>(); // per (epoch, measure): {project values, peer values}
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (Measured measured : Measured.values()) {
                sides.add(new double[][] {values(project, epoch, measured), values(peerCurves, epoch, measured)});
            }
        }
        double[] p = new double[sides.size()];
        List<WelchTest> tests = new ArrayList<>();
        for (int i = 0; i < sides.size(); i++) {
            WelchTest test = WelchTest.of(sides.get(i)[1], sides.get(i)[0]);
            tests.add(test);
            p[i] = test.twoSidedP();
        }
        double[] holm = HolmAdjustment.adjust(p);
        List<Epoch> compared = new ArrayList<>();
        for (int epoch = 0, i = 0; epoch < epochs; epoch++) {
            Measure[] measures = new Measure[Measured.values().length];
            for (int m = 0; m < measures.length; m++, i++) {
                Spread ours = Spread.of(sides.get(i)[0]);
                Spread theirs = Spread.of(sides.get(i)[1]);
                measures[m] = new Measure(ours, theirs, theirs.min() <= ours.mean() && ours.mean() <= theirs.max(),
                        ours.mean() - theirs.mean(), tests.get(i), p[i], holm[i]);
            }
            compared.add(new Epoch(epoch + 1, measures[0], measures[1], measures[2]));
        }
        return new PeerCurveComparison(FORMAT, results.suite().name(), experiment.id(), peerShown,
                peer.path("framework").asText(), peer.path("command").asText(), project, peerCurves, p.length, compared);
    }

    public static void write(Path file, PeerCurveComparison comparison) {
        AtomicFiles.writeJson(file, comparison);
    }

    private static List<ValidationPoint> curve(Run run, ExperimentResult result) {
        List<ValidationPoint> points = new ArrayList<>();
        for (EpochReport epoch : result.training()) {
            Preconditions.check(epoch.validation() != null, "run " + run.id() + " has no validation at epoch "
                    + (epoch.epoch() + 1) + ": comparing learning curves needs a held-out validation curve");
            points.add(new ValidationPoint(epoch.validation().loss(), epoch.validation().psnr(),
                    epoch.validation().lpips()));
        }
        return List.copyOf(points);
    }

    private static JsonNode readPeer(Path file) {
        try {
            return Json.mapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the peer's curves " + file + ": " + e.getMessage(), e);
        }
    }

    /** The peer file's "seeds": {seed: [{"validation": {"loss", "psnr", "lpips", ...}, ...}, ...]}. */
    private static Map<String, List<ValidationPoint>> peerCurves(Path file, JsonNode peer) {
        JsonNode seeds = peer.path("seeds");
        Preconditions.check(seeds.isObject() && seeds.size() > 0, file + ": expected \"seeds\": an object of seed -> "
                + "list of epochs, got " + seeds);
        Map<String, List<ValidationPoint>> curves = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = seeds.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> seed = it.next();
            Preconditions.check(seed.getValue().isArray() && seed.getValue().size() > 0, file + ": seeds." + seed.getKey()
                    + " must be a non-empty list of epochs");
            List<ValidationPoint> points = new ArrayList<>();
            for (int e = 0; e < seed.getValue().size(); e++) {
                JsonNode validation = seed.getValue().get(e).path("validation");
                points.add(new ValidationPoint(number(file, validation, seed.getKey(), e, "loss"),
                        number(file, validation, seed.getKey(), e, "psnr"),
                        number(file, validation, seed.getKey(), e, "lpips")));
            }
            curves.put(seed.getKey(), List.copyOf(points));
        }
        return curves;
    }

    private static double number(Path file, JsonNode validation, String seed, int epoch, String field) {
        JsonNode value = validation.path(field);
        Preconditions.check(value.isNumber(), file + ": seeds." + seed + "[" + epoch + "].validation." + field
                + " must be a number, got " + (value.isMissingNode() ? "nothing" : value.toString()));
        return value.asDouble();
    }

    private static int shortest(Map<String, List<ValidationPoint>> curves) {
        return curves.values().stream().mapToInt(List::size).min().orElseThrow();
    }

    private static double[] values(Map<String, List<ValidationPoint>> curves, int epoch, Measured measured) {
        return curves.values().stream().mapToDouble(curve -> measured.value.applyAsDouble(curve.get(epoch))).toArray();
    }
}
