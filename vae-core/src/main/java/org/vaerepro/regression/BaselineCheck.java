package org.vaerepro.regression;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.vaerepro.experiment.ExperimentResult;
import org.vaerepro.experiment.ExperimentSchema;
import org.vaerepro.experiment.ExperimentSpec;
import org.vaerepro.experiment.ReferenceModels;
import org.vaerepro.experiment.Run;
import org.vaerepro.experiment.RunStatus;
import org.vaerepro.experiment.SpecChange;
import org.vaerepro.experiment.SpecPart;
import org.vaerepro.experiment.SuiteResults;
import org.vaerepro.provenance.EnvironmentProvenance;
import org.vaerepro.statistics.SampleSummary;

/**
 * The baseline gate: compares current results, and the baseline's reference models as measured now, with what the
 * baseline recorded ({@link #check}); no deviation means no drift. Each deviation names its {@link DeviationKind}: a run
 * with no current result, a run trained or evaluated otherwise, the early-step trajectory ({@link TrajectoryCheck}),
 * the end-of-training values, a reference model ({@link ReferenceCheck}). For the end-of-training values, which
 * window applies depends on what the baseline knows about the result's seed ({@link #windows}):
 * <ul>
 *   <li>the baseline recorded this seed at this native thread count: the same code, seed and thread count give
 *       the same numbers up to cross-machine rounding, so the result must stay within the numerical-noise floor
 *       of that seed's value;</li>
 *   <li>the baseline measured a spread over other seeds, or over this seed at another thread count (the thread
 *       count changes summation orders, which on a short chaotic run moves a metric as far as another seed does;
 *       README, "The reproducibility gate"): the result must fall inside the prediction interval for one new run
 *       around their mean;</li>
 *   <li>neither (a version 1 entry, one value per row): the fixed window.</li>
 * </ul>
 */
public final class BaselineCheck {
    private BaselineCheck() {
    }

    /** The allowed |value - baseline mean| for one metric, and how it was derived. */
    public record Window(double halfWidth, String derivation) {
    }

    /** What a result of {@code seed} is compared with: a centre and a half-width per metric, and why. */
    public record Windows(double psnrCentre, Window psnr, double lpipsCentre, Window lpips) {
    }

    /**
     * The windows for a result of {@code seed} computed with {@code threads} native threads, against an entry
     * recorded with {@code recordedThreads} (0 when either is unknown: files before the count was recorded).
     */
    public static Windows windows(BaselineEntry entry, long seed, int recordedThreads, int threads) {
        SeedValues recorded = entry.seeds().get(seed);
        boolean otherThreads = recordedThreads > 0 && threads > 0 && recordedThreads != threads;
        if (recorded != null && !otherThreads) {
            String why = "seed " + seed + " as recorded, within the cross-machine numerical-noise floor";
            return new Windows(recorded.psnr(), new Window(Tolerances.GATE_PSNR_FLOOR_DB, why), recorded.lpips(),
                    new Window(Tolerances.GATE_LPIPS_FLOOR, why));
        }
        if (entry.hasSpread()) {
            Window psnr = psnrPredictionWindow(entry);
            Window lpips = lpipsPredictionWindow(entry);
            if (recorded != null) {
                String why = "seed " + seed + " was recorded with " + recordedThreads + " native threads and this run"
                        + " used " + threads + ", other arithmetic, so it is held as a new run: ";
                psnr = new Window(psnr.halfWidth(), why + psnr.derivation());
                lpips = new Window(lpips.halfWidth(), why + lpips.derivation());
            }
            return new Windows(entry.psnr(), psnr, entry.lpips(), lpips);
        }
        String fixed = "fixed window, no measured spread";
        return new Windows(entry.psnr(), new Window(Tolerances.BASELINE_PSNR_DB, fixed), entry.lpips(),
                new Window(Tolerances.BASELINE_LPIPS, fixed));
    }

    /** The prediction-interval PSNR window of an entry with a measured spread (the window for a new seed), dB. */
    public static Window psnrPredictionWindow(BaselineEntry entry) {
        return predictionWindow(entry.psnrStandardDeviation(), entry.seedCount(), Tolerances.GATE_PSNR_FLOOR_DB);
    }

    /** The prediction-interval LPIPS window of an entry with a measured spread. */
    public static Window lpipsPredictionWindow(BaselineEntry entry) {
        return predictionWindow(entry.lpipsStandardDeviation(), entry.seedCount(), Tolerances.GATE_LPIPS_FLOOR);
    }

    /** t(1 - (1 - c)/2, n - 1) · s · √(1 + 1/n), at least {@code floor}. */
    static Window predictionWindow(double sd, int n, double floor) {
        double t = SampleSummary.studentQuantile(Tolerances.GATE_CONFIDENCE, n - 1);
        double interval = t * sd * Math.sqrt(1 + 1.0 / n);
        return new Window(Math.max(floor, interval), String.format(Locale.ROOT,
                "%.0f%% prediction interval for one new run over %d seeds: t(%d) %.3f x s %.4g x sqrt(1 + 1/%d) = %.4g%s",
                100 * Tolerances.GATE_CONFIDENCE, n, n - 1, t, sd, n, interval, interval < floor ? ", floor " + floor : ""));
    }

    /**
     * One thing that does not match the baseline: a run ({@code run}; its id is the subject) or a reference model
     * (the subject is its name, {@code run} null), which check found it, and how.
     */
    public record Deviation(String subject, @JsonIgnore Run run, DeviationKind check, String problem) {
        /** A run's deviation. */
        public Deviation(Run run, DeviationKind check, String problem) {
            this(run.id(), run, check, problem);
        }

        @Override
        public String toString() {
            return subject + ": [" + check.id() + "] " + problem;
        }
    }

    /** One metric of one run against its window: passes when |value - centre| <= the half-width (NaN fails). */
    public record MetricCheck(TableMetric metric, double value, double centre, Window window) {
        public boolean passed() {
            return Math.abs(value - centre) <= window.halfWidth();
        }

        /** "PSNR 14.8801 dB differs from baseline 14.8701 dB by +0.0100 (allowed ±0.2500: ...)" or, passing, "within". */
        public String describe() {
            boolean psnr = metric == TableMetric.PSNR;
            String number = psnr ? "%.4f dB" : "%.5f";
            String signed = psnr ? "%+.4f" : "%+.5f";
            String allowed = psnr ? "%.4f" : "%.5f";
            return String.format(Locale.ROOT, "%s " + number + (passed() ? " is within" : " differs from") + " baseline "
                    + number + " by " + signed + " (allowed ±" + allowed + ": %s)", metric, value, centre,
                    value - centre, window.halfWidth(), window.derivation());
        }
    }

    /** A run's early-step trajectory against its seed's recorded one: null {@code problem} when it is within. */
    public record TrajectoryOutcome(String problem) {
        public boolean passed() {
            return problem == null;
        }
    }

    /**
     * One run against its baseline entry: each end-of-training metric's check, the problems that are no number
     * outside a window (no current result, no entry, other training, data or evaluation), and its early-step
     * trajectory (null where the baseline records none for its seed). Passes when all of them do.
     */
    public record RunCheck(Run run, List<MetricCheck> metrics, List<Finding> problems, TrajectoryOutcome trajectory) {
        public RunCheck {
            metrics = List.copyOf(metrics);
            problems = List.copyOf(problems);
        }

        public boolean passed() {
            return problems.isEmpty() && metrics.stream().allMatch(MetricCheck::passed)
                    && (trajectory == null || trajectory.passed());
        }

        /** What is wrong, each with the check that found it: the problems, the metrics out of window, the trajectory. */
        public List<Finding> findings() {
            List<Finding> findings = new ArrayList<>(problems);
            metrics.stream().filter(m -> !m.passed())
                    .forEach(m -> findings.add(new Finding(DeviationKind.END_OF_TRAINING, m.describe())));
            if (trajectory != null && !trajectory.passed()) {
                findings.add(new Finding(DeviationKind.TRAJECTORY, trajectory.problem()));
            }
            return findings;
        }
    }

    /** One problem and the check that found it. */
    public record Finding(DeviationKind check, String problem) {
    }

    /**
     * What the gate found: the baseline file and the version it was written in, the environment the check ran in,
     * every deviation (empty: the suite matches its baseline), every check it could not make and why, and the
     * reference models' numbers as measured here (the record a calibration of the windows reads back).
     */
    public record Outcome(String baselineFile, int baselineVersion, EnvironmentProvenance environment,
            List<Deviation> deviations, List<SkippedCheck> skipped,
            Map<String, Map<String, Double>> referenceMeasurements) {
        public Outcome {
            deviations = List.copyOf(deviations);
            skipped = List.copyOf(skipped);
            referenceMeasurements = new TreeMap<>(referenceMeasurements);
        }

        /** The deviations of reference model {@code name}. */
        public List<Deviation> ofReference(String name) {
            return deviations.stream().filter(d -> d.subject().equals(referenceSubject(name))).toList();
        }
    }

    /** The subject of reference model {@code name}'s deviations. */
    public static String referenceSubject(String name) {
        return "reference model " + name;
    }

    /**
     * Every check of {@code runs} and of the baseline's reference models ({@code measured}: what the session measured
     * of each, by name) against {@code baseline}, read from {@code file}: the end-of-training values, the early-step
     * trajectories and the reference models' numbers; a check the baseline cannot support (an older format) is
     * skipped and said so, with how to record the baseline again.
     */
    public static Outcome check(Path file, Baseline baseline, SuiteResults results, List<Run> runs,
            Map<String, ReferenceModels.Measurement> measured, EnvironmentProvenance environment) {
        List<Deviation> deviations = new ArrayList<>(deviations(baseline, results, runs));
        List<SkippedCheck> skipped = new ArrayList<>();
        String again = "record the baseline again as it was recorded ('" + baseline.command() + "') from runs trained"
                + " by this version, with its reference models (the session's baseline step)";
        if (baseline.trajectory() == null) {
            skipped.add(new SkippedCheck(DeviationKind.TRAJECTORY, "suite " + baseline.suite(), "baseline " + file
                    + " (format version " + baseline.format().version() + ") records no early-step trajectories; "
                    + again));
        } else {
            for (Run run : runs) {
                BaselineEntry entry = baseline.experiments().get(run.experiment().id());
                SeedValues recorded = entry == null ? null : entry.seeds().get(run.seed());
                if (entry != null && (recorded == null || recorded.firstSteps().isEmpty())) {
                    skipped.add(new SkippedCheck(DeviationKind.TRAJECTORY, run.id(), "the baseline records no early-step "
                            + "trajectory for seed " + run.seed() + " of " + run.experiment().id()));
                }
            }
        }
        if (baseline.referenceModels().isEmpty()) {
            skipped.add(new SkippedCheck(DeviationKind.REFERENCE_MODEL, "suite " + baseline.suite(), "baseline " + file
                    + " (format version " + baseline.format().version() + ") records no reference models; " + again));
        }
        Map<String, Map<String, Double>> values = new TreeMap<>();
        baseline.referenceModels().forEach((name, reference) -> {
            ReferenceModels.Measurement measurement = measured.get(name);
            if (measurement instanceof ReferenceModels.Measured m) {
                values.put(name, m.values());
            }
            ReferenceCheck.problems(reference, measurement).forEach(problem ->
                    deviations.add(new Deviation(referenceSubject(name), null, DeviationKind.REFERENCE_MODEL, problem)));
        });
        return new Outcome(file.toString(), baseline.format().version(), environment, deviations, skipped, values);
    }

    /**
     * What is wrong with each of {@code runs} against its experiment's entry in {@code baseline}: a run that is not
     * current is a deviation (the gate needs its result), a current one is held to its entry's windows at the native
     * thread count the baseline's runs were recorded with, and to its seed's early-step trajectory.
     */
    public static List<Deviation> deviations(Baseline baseline, SuiteResults results, List<Run> runs) {
        List<Deviation> deviations = new ArrayList<>();
        for (RunCheck check : checks(baseline, results, runs)) {
            check.findings().forEach(f -> deviations.add(new Deviation(check.run(), f.check(), f.problem())));
        }
        return deviations;
    }

    /** Each of {@code runs} checked against its experiment's entry in {@code baseline} (see {@link #deviations}). */
    public static List<RunCheck> checks(Baseline baseline, SuiteResults results, List<Run> runs) {
        List<RunCheck> checks = new ArrayList<>();
        for (Run run : runs) {
            RunStatus status = results.status(run);
            BaselineEntry entry = baseline.experiments().get(run.experiment().id());
            if (!(status instanceof RunStatus.Current current)) {
                checks.add(new RunCheck(run, List.of(), List.of(new Finding(DeviationKind.NO_RESULT,
                        "no current result to check (" + status.describe() + ")")), null));
            } else if (entry == null) {
                checks.add(new RunCheck(run, List.of(), List.of(new Finding(DeviationKind.RECORDED_AS,
                        "the baseline of suite " + baseline.suite() + " has no entry for " + run.experiment().id())),
                        null));
            } else {
                RunCheck values = check(run, entry, baseline.provenance().environment().threads(), current.result());
                SeedValues recorded = entry.seeds().get(run.seed());
                TrajectoryOutcome trajectory = baseline.trajectory() == null || recorded == null
                        || recorded.firstSteps().isEmpty() ? null
                        : new TrajectoryOutcome(TrajectoryCheck.problem(recorded.firstSteps(),
                                current.result().firstSteps(), baseline.trajectory(), run.seed()).orElse(null));
                checks.add(new RunCheck(run, values.metrics(), values.problems(), trajectory));
            }
        }
        return checks;
    }

    /** What is wrong with {@code measured} against its entry in a baseline recorded at {@code recordedThreads}. */
    static List<String> deviations(BaselineEntry baseline, int recordedThreads, ExperimentResult measured) {
        return check(null, baseline, recordedThreads, measured).findings().stream().map(Finding::problem).toList();
    }

    /** {@link #deviations(BaselineEntry, int, ExperimentResult)}, each with the check that found it. */
    static List<Finding> findings(BaselineEntry baseline, int recordedThreads, ExperimentResult measured) {
        return check(null, baseline, recordedThreads, measured).findings();
    }

    private static RunCheck check(Run run, BaselineEntry baseline, int recordedThreads, ExperimentResult measured) {
        List<Finding> problems = new ArrayList<>();
        List<String> recipe = trainingChanges(baseline.trainedAs(), measured.spec());
        if (!recipe.isEmpty()) {
            problems.add(new Finding(DeviationKind.RECORDED_AS, "trained differently from the baseline's runs ("
                    + String.join(", ", recipe) + "): the baseline no longer describes this experiment; record it "
                    + "again once the new numbers are reviewed"));
        }
        var m = measured.metrics();
        String train = measured.provenance().data().train().sha256();
        String test = measured.provenance().data().test().sha256();
        if (!baseline.trainChecksum().equals(train) || !baseline.testChecksum().equals(test)) {
            problems.add(new Finding(DeviationKind.RECORDED_AS, "measured on different data: baseline train/test "
                    + "SHA-256 " + baseline.trainChecksum() + " / " + baseline.testChecksum() + ", now " + train + " / "
                    + test));
        }
        if (baseline.testImages() != m.testImages() || !baseline.lpipsSmallImages().equals(m.lpipsSmallImages())) {
            problems.add(new Finding(DeviationKind.RECORDED_AS, "evaluated differently: baseline "
                    + baseline.testImages() + " test images, LPIPS rule " + baseline.lpipsSmallImages() + "; now "
                    + m.testImages() + ", " + m.lpipsSmallImages()));
        }
        Windows w = windows(baseline, measured.spec().seed(), recordedThreads,
                measured.provenance().environment().threads());
        return new RunCheck(run, List.of(new MetricCheck(TableMetric.PSNR, m.psnr(), w.psnrCentre(), w.psnr()),
                new MetricCheck(TableMetric.LPIPS, m.lpips(), w.lpipsCentre(), w.lpips())), problems, null);
    }

    /**
     * The training and stopping fields that differ between the baseline's runs and a result ("epochs 3 → 30"), seeds
     * aside (the baseline holds several); none when the baseline did not record them (before version 3).
     */
    static List<String> trainingChanges(JsonNode trainedAs, ExperimentSpec now) {
        if (trainedAs == null) {
            return List.of();
        }
        return ExperimentSchema.changes(trainedAs, now, BASELINE_FIELDS).stream().map(SpecChange::toString).toList();
    }

    /** What a baseline's runs must share to be one row: how they were trained, whatever their seeds. */
    static final Set<SpecPart> BASELINE_FIELDS = Set.of(SpecPart.TRAINING, SpecPart.STOPPING);
}
