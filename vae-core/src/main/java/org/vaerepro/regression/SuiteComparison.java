package org.vaerepro.regression;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.vaerepro.experiment.ExperimentSchema;
import org.vaerepro.experiment.ExperimentSpec;
import org.vaerepro.experiment.SpecChange;
import org.vaerepro.experiment.SpecPart;
import org.vaerepro.experiment.SuiteResults;
import org.vaerepro.statistics.PairedTest;
import org.vaerepro.statistics.SampleSummary;
import org.vaerepro.statistics.WelchTest;

/**
 * A suite's current results beside another suite's, experiment by experiment (the same id measured in both): the
 * suite its {@code comparedWith} names, read from the same output folder, or any suite file with the output folder
 * holding its results (an earlier revision's suite and results, say, to see what a change of protocol did). Per
 * experiment: both rows as judged (summaries, and the verdicts where a publication reports the row), the spec fields
 * in which this suite differs from the other, each seed's current run on each side, the difference of the means (this
 * suite minus the other) with its Welch 95% interval and two-sided p, and, over the seeds current on both sides, the
 * paired difference (Student's paired t: a seed fixes initialisation, shuffling and noise, so a run continued or
 * retrained under a new protocol is paired with its old run). Per architecture and dataset, each bottleneck step
 * between experiments measured in both, as the difference of its means on each side. So a reader sees whether a
 * verdict depends on what differs between the suites, and whether the numbers moved beyond seed noise.
 */
public record SuiteComparison(String otherSuite, String otherFile, List<Row> rows, List<Step> steps) {

    /** The spec parts whose differences a comparison lists: everything that can change a result, and the seeds. */
    private static final Set<SpecPart> COMPARED_PARTS = EnumSet.of(SpecPart.TRAINING, SpecPart.STOPPING,
            SpecPart.EVALUATION, SpecPart.EXECUTION, SpecPart.SEEDS);

    public SuiteComparison {
        rows = List.copyOf(rows);
        steps = List.copyOf(steps);
    }

    /**
     * One experiment measured in both suites. {@code changes}: the spec fields in which this suite's experiment differs
     * from the other's (before: there, after: here); {@code seeds}: every seed current on either side, ascending, with
     * its run on each side (null where not current); {@code psnr} and {@code lpips}: this suite minus the other;
     * {@code pairedPsnr} and {@code pairedLpips}: over the seeds current on both sides, this suite minus the other
     * (null with fewer than two such seeds).
     */
    public record Row(ExperimentRow here, ExperimentRow there, List<SpecChange> changes, List<SeedPair> seeds,
            Difference psnr, Difference lpips, PairedTest pairedPsnr, PairedTest pairedLpips) {
        public Row {
            changes = List.copyOf(changes);
            seeds = List.copyOf(seeds);
        }

        /** Whether both suites report published values for the experiment, so both have verdicts. */
        public boolean published() {
            return here.published() && there.published();
        }

        /** Whether both metrics got the same verdict in both suites; false unless both publish the row. */
        public boolean sameVerdicts() {
            return published() && here.psnrVerdict().verdict() == there.psnrVerdict().verdict()
                    && here.lpipsVerdict().verdict() == there.lpipsVerdict().verdict();
        }
    }

    /** One seed's current run in each suite; null on a side where that seed has no current result. */
    public record SeedPair(long seed, RunJudgement here, RunJudgement there) {
    }

    /**
     * The difference of two experiments' means, this suite minus the other; {@code test}, its {@code halfWidth} (95%)
     * and {@code twoSidedP} are null when either side has fewer than two seeds.
     */
    public record Difference(TableMetric metric, double meanDifference, WelchTest test, Double halfWidth,
            Double twoSidedP) {
        static Difference of(TableMetric metric, SampleSummary here, SampleSummary there) {
            if (!here.hasInterval() || !there.hasInterval()) {
                return new Difference(metric, here.mean() - there.mean(), null, null, null);
            }
            WelchTest test = WelchTest.of(there, here);
            return new Difference(metric, test.meanDifference(), test, test.halfWidth(SampleSummary.CONFIDENCE_95),
                    test.twoSidedP());
        }

        /** "+0.512 ± 0.301 (Welch 95%, df 3.6), p 0.012", or the difference alone without a test. */
        public String describe() {
            String decimals = metric.format().replace("%", "%+");
            if (test == null) {
                return String.format(Locale.ROOT, decimals + " (fewer than two seeds on a side, no test)", meanDifference);
            }
            return String.format(Locale.ROOT, decimals + " ± " + metric.format() + " (Welch 95%%, df %.1f), p %.3g",
                    meanDifference, halfWidth, test.degreesOfFreedom(), twoSidedP);
        }
    }

    /**
     * A bottleneck step (consecutive sizes of one architecture on one dataset, both measured in both suites): the
     * difference of the means, larger d minus smaller, of PSNR and LPIPS in this suite ({@code here}) and the other.
     */
    public record Step(String architecture, String dataset, String fromId, String toId, int fromDim, int toDim,
            double herePsnr, double hereLpips, double therePsnr, double thereLpips) {
    }

    /** The rows both suites publish: what the page's comparison table shows beside the verdicts. */
    public List<Row> publishedRows() {
        return rows.stream().filter(Row::published).toList();
    }

    /**
     * Every experiment measured in both suites: {@code here} judged from {@code hereResults}, the other suite judged
     * from {@code thereResults} (named {@code otherFile} in the comparison).
     */
    public static SuiteComparison of(SuiteResults hereResults, SuiteJudgement here, SuiteResults thereResults,
            String otherFile) {
        SuiteJudgement there = SuiteJudgement.of(thereResults);
        Map<String, ExperimentSpec> hereSpecs = specs(hereResults);
        Map<String, ExperimentSpec> thereSpecs = specs(thereResults);
        List<Row> rows = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        for (ClaimColumn column : here.columns()) {
            Row previous = null;
            for (ExperimentRow row : column.rows()) {
                ExperimentRow match = there.row(row.id());
                if (match == null || !row.measured() || !match.measured()) {
                    continue;
                }
                Row compared = row(row, match, ExperimentSchema.changes(thereSpecs.get(row.id()), hereSpecs.get(row.id()),
                        COMPARED_PARTS), here.runs(row.id()), there.runs(row.id()));
                rows.add(compared);
                if (previous != null) {
                    steps.add(step(column, previous, compared));
                }
                previous = compared;
            }
        }
        return new SuiteComparison(there.suite(), otherFile, rows, steps);
    }

    private static Row row(ExperimentRow here, ExperimentRow there, List<SpecChange> changes, List<RunJudgement> hereRuns,
            List<RunJudgement> thereRuns) {
        Map<Long, RunJudgement> hereBySeed = currentBySeed(hereRuns);
        Map<Long, RunJudgement> thereBySeed = currentBySeed(thereRuns);
        TreeMap<Long, SeedPair> seeds = new TreeMap<>();
        hereBySeed.keySet().forEach(seed -> seeds.put(seed, null));
        thereBySeed.keySet().forEach(seed -> seeds.put(seed, null));
        seeds.replaceAll((seed, none) -> new SeedPair(seed, hereBySeed.get(seed), thereBySeed.get(seed)));
        List<SeedPair> both = seeds.values().stream().filter(pair -> pair.here() != null && pair.there() != null)
                .toList();
        return new Row(here, there, changes, List.copyOf(seeds.values()),
                Difference.of(TableMetric.PSNR, here.psnr(), there.psnr()),
                Difference.of(TableMetric.LPIPS, here.lpips(), there.lpips()),
                paired(both, RunJudgement::psnr), paired(both, RunJudgement::lpips));
    }

    private static Map<Long, RunJudgement> currentBySeed(List<RunJudgement> runs) {
        return runs.stream().filter(RunJudgement::current)
                .collect(Collectors.toMap(RunJudgement::seed, run -> run, (a, b) -> a, TreeMap::new));
    }

    private static PairedTest paired(List<SeedPair> both, Function<RunJudgement, Double> metric) {
        if (both.size() < 2) {
            return null;
        }
        return PairedTest.of(both.stream().mapToDouble(pair -> metric.apply(pair.there())).toArray(),
                both.stream().mapToDouble(pair -> metric.apply(pair.here())).toArray());
    }

    private static Step step(ClaimColumn column, Row from, Row to) {
        return new Step(column.architecture(), column.dataset(), from.here().id(), to.here().id(),
                from.here().latentDim(), to.here().latentDim(),
                to.here().psnr().mean() - from.here().psnr().mean(), to.here().lpips().mean() - from.here().lpips().mean(),
                to.there().psnr().mean() - from.there().psnr().mean(),
                to.there().lpips().mean() - from.there().lpips().mean());
    }

    private static Map<String, ExperimentSpec> specs(SuiteResults results) {
        return results.suite().experiments().stream()
                .collect(Collectors.toMap(ExperimentSpec::id, spec -> spec, (a, b) -> a));
    }
}
