package org.vaerepro.regression;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.vaerepro.experiment.CellRequirement;
import org.vaerepro.experiment.ExperimentMetrics;
import org.vaerepro.experiment.ExperimentResult;
import org.vaerepro.experiment.ExperimentSpec;
import org.vaerepro.experiment.PublishedMargins;
import org.vaerepro.experiment.ReportedValues;
import org.vaerepro.experiment.SuiteResults;
import org.vaerepro.statistics.SampleSummary;

/**
 * Everything judged about a suite's current results, computed in one place: per published cell the verdict
 * with the suite's margins ({@link PublishedTableRule}), per (architecture, dataset) column the bottleneck claim's
 * steps with their family-wise verdicts over every tested step of the suite ({@link BottleneckClaim}), and the
 * trend of the values where the claim cannot be tested, and, from step curves, where each published number sits
 * ({@link ProtocolSearch}), the test NLLs compared image by image ({@link PairedLikelihood}), and every run's
 * status ({@link RunJudgement}). It is written to, and read back from,
 * {@code judgement.json} ({@link Judgement}); the page, the gate's checks ({@link SuiteGate}), the site report and the
 * Spark driver render or assert it, and none of them judges on its own. Runs that are not current count nowhere.
 */
public record SuiteJudgement(String suite, PublishedMargins margins, CellRequirement verdictRequired,
        List<ClaimColumn> columns, ProtocolSearch protocolSearch, PairedLikelihood pairedLikelihood,
        List<RunJudgement> runs) {

    public SuiteJudgement {
        columns = List.copyOf(columns);
        runs = List.copyOf(runs);
    }

    /** The runs of experiment {@code id}, in the order of its seeds. */
    public List<RunJudgement> runs(String id) {
        return runs.stream().filter(run -> run.experiment().equals(id)).toList();
    }

    /** Every experiment's row, column by column (the site's summary). */
    public List<ExperimentRow> rows() {
        return columns.stream().flatMap(column -> column.rows().stream()).toList();
    }

    /** The rows of experiments with reported values, column by column (the page's leading table). */
    public List<ExperimentRow> published() {
        return rows().stream().filter(ExperimentRow::published).toList();
    }

    /** The row of experiment {@code id}, or null when the suite has none. */
    public ExperimentRow row(String id) {
        return rows().stream().filter(row -> row.id().equals(id)).findFirst().orElse(null);
    }

    public static SuiteJudgement of(SuiteResults results) {
        Map<String, List<ExperimentSpec>> byColumn = new LinkedHashMap<>();
        for (ExperimentSpec spec : results.suite().experiments()) {
            byColumn.computeIfAbsent(spec.training().architecture().displayName() + "\u0000"
                    + spec.training().dataset().id(), k -> new ArrayList<>()).add(spec);
        }
        List<ClaimColumn> columns = new ArrayList<>();
        byColumn.forEach((key, specs) -> {
            String[] names = key.split("\u0000");
            columns.add(column(names[0], names[1], specs, results));
        });
        List<List<BottleneckClaim.Step>> adjusted = BottleneckClaim.acrossFamily(
                columns.stream().map(ClaimColumn::steps).toList());
        List<ClaimColumn> judged = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            judged.add(columns.get(i).withSteps(adjusted.get(i)));
        }
        return new SuiteJudgement(results.suite().name(), results.suite().margins(), results.suite().verdictRequired(),
                judged, ProtocolSearch.of(results), PairedLikelihood.of(results),
                results.suite().experiments().stream()
                        .flatMap(spec -> results.runs(spec).stream())
                        .map(run -> RunJudgement.of(run, results.status(run))).toList());
    }

    private static ClaimColumn column(String architecture, String dataset, List<ExperimentSpec> specs,
            SuiteResults results) {
        List<ExperimentSpec> sorted = specs.stream()
                .sorted(Comparator.comparingInt(spec -> spec.training().latentDim())).toList();
        PublishedMargins margins = results.suite().margins();
        List<ExperimentRow> rows = new ArrayList<>();
        List<BottleneckClaim.Size> sizes = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        for (ExperimentSpec spec : sorted) {
            List<ExperimentResult> current = results.current(spec);
            int d = spec.training().latentDim();
            if (current.isEmpty()) {
                rows.add(new ExperimentRow(architecture, dataset, d, spec.id(), 0, spec.seeds().size(), 0, null, null,
                        spec.reported(), null, null, null, null, null, null));
                continue;
            }
            double[] psnr = values(current, ExperimentMetrics::psnr);
            double[] lpips = values(current, ExperimentMetrics::lpips);
            SampleSummary psnrSummary = summary(current, ExperimentMetrics::psnr);
            SampleSummary lpipsSummary = summary(current, ExperimentMetrics::lpips);
            sizes.add(new BottleneckClaim.Size(d, psnr, lpips));
            points.add(new double[] {d, psnrSummary.mean(), lpipsSummary.mean()});
            int atLimit = (int) current.stream().filter(ExperimentResult::endedAtEpochLimit).count();
            ReportedValues reported = spec.reported();
            rows.add(new ExperimentRow(architecture, dataset, d, spec.id(), current.size(), spec.seeds().size(), atLimit,
                    psnrSummary, lpipsSummary, reported,
                    reported == null ? null : PublishedTableRule.psnr(psnrSummary, reported, margins),
                    reported == null ? null : PublishedTableRule.lpips(lpipsSummary, reported, margins),
                    summary(current, ExperimentMetrics::ssim), summary(current, ExperimentMetrics::knnAccuracy),
                    summary(current, ExperimentMetrics::linearProbeAccuracy),
                    summary(current, ExperimentMetrics::silhouette)));
        }
        return new ClaimColumn(architecture, dataset, rows, BottleneckClaim.steps(sizes),
                BottleneckTrend.of(points));
    }

    private static SampleSummary summary(List<ExperimentResult> results, ToDoubleFunction<ExperimentMetrics> metric) {
        return SampleSummary.of(values(results, metric), SampleSummary.CONFIDENCE_95);
    }

    private static double[] values(List<ExperimentResult> results, ToDoubleFunction<ExperimentMetrics> metric) {
        return results.stream().mapToDouble(r -> metric.applyAsDouble(r.metrics())).toArray();
    }
}
