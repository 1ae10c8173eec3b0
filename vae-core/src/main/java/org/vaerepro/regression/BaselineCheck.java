package org.vaerepro.regression;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.vaerepro.experiment.ExperimentResult;
import org.vaerepro.experiment.ExperimentSchema;
import org.vaerepro.experiment.ExperimentSpec;
import org.vaerepro.experiment.Run;
import org.vaerepro.experiment.RunStatus;
import org.vaerepro.experiment.SpecChange;
import org.vaerepro.experiment.SpecPart;
import org.vaerepro.experiment.SuiteResults;
import org.vaerepro.statistics.SampleSummary;

/**
 * Compares current results with their baseline entries; an empty list means no drift. Which window applies
 * depends on what the baseline knows about the result's seed ({@link #windows}):
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

    /** One run that does not match its baseline entry, and how. */
    public record Deviation(Run run, String problem) {
        @Override
        public String toString() {
            return run.id() + ": " + problem;
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

    /**
     * One run against its baseline entry: each metric's check, and the problems that are no number outside a window
     * (no current result, no entry, other training, data or evaluation). Passes when it has neither.
     */
    public record RunCheck(Run run, List<MetricCheck> metrics, List<String> problems) {
        public RunCheck {
            metrics = List.copyOf(metrics);
            problems = List.copyOf(problems);
        }

        public boolean passed() {
            return problems.isEmpty() && metrics.stream().allMatch(MetricCheck::passed);
        }

        /** What is wrong, one line each: the problems, then the metrics outside their windows. */
        public List<String> deviations() {
            List<String> lines = new ArrayList<>(problems);
            metrics.stream().filter(m -> !m.passed()).forEach(m -> lines.add(m.describe()));
            return lines;
        }
    }

    /**
     * What is wrong with each of {@code runs} against its experiment's entry in {@code baseline}: a run that is not
     * current is a deviation (the gate needs its result), a current one is held to its entry's windows at the native
     * thread count the baseline's runs were recorded with.
     */
    public static List<Deviation> deviations(Baseline baseline, SuiteResults results, List<Run> runs) {
        List<Deviation> deviations = new ArrayList<>();
        for (RunCheck check : checks(baseline, results, runs)) {
            check.deviations().forEach(problem -> deviations.add(new Deviation(check.run(), problem)));
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
                checks.add(new RunCheck(run, List.of(), List.of("no current result to check (" + status.describe() + ")")));
            } else if (entry == null) {
                checks.add(new RunCheck(run, List.of(), List.of("the baseline of suite " + baseline.suite()
                        + " has no entry for " + run.experiment().id())));
            } else {
                checks.add(check(run, entry, baseline.provenance().environment().threads(), current.result()));
            }
        }
        return checks;
    }

    /** What is wrong with {@code measured} against its entry in a baseline recorded at {@code recordedThreads}. */
    static List<String> deviations(BaselineEntry baseline, int recordedThreads, ExperimentResult measured) {
        return check(null, baseline, recordedThreads, measured).deviations();
    }

    private static RunCheck check(Run run, BaselineEntry baseline, int recordedThreads, ExperimentResult measured) {
        List<String> problems = new ArrayList<>();
        List<String> recipe = trainingChanges(baseline.trainedAs(), measured.spec());
        if (!recipe.isEmpty()) {
            problems.add("trained differently from the baseline's runs (" + String.join(", ", recipe) + "): the "
                    + "baseline no longer describes this experiment; record it again once the new numbers are reviewed");
        }
        var m = measured.metrics();
        String train = measured.provenance().data().train().sha256();
        String test = measured.provenance().data().test().sha256();
        if (!baseline.trainChecksum().equals(train) || !baseline.testChecksum().equals(test)) {
            problems.add("measured on different data: baseline train/test SHA-256 " + baseline.trainChecksum() + " / "
                    + baseline.testChecksum() + ", now " + train + " / " + test);
        }
        if (baseline.testImages() != m.testImages() || !baseline.lpipsSmallImages().equals(m.lpipsSmallImages())) {
            problems.add("evaluated differently: baseline " + baseline.testImages() + " test images, LPIPS rule "
                    + baseline.lpipsSmallImages() + "; now " + m.testImages() + ", " + m.lpipsSmallImages());
        }
        Windows w = windows(baseline, measured.spec().seed(), recordedThreads,
                measured.provenance().environment().threads());
        return new RunCheck(run, List.of(new MetricCheck(TableMetric.PSNR, m.psnr(), w.psnrCentre(), w.psnr()),
                new MetricCheck(TableMetric.LPIPS, m.lpips(), w.lpipsCentre(), w.lpips())), problems);
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
