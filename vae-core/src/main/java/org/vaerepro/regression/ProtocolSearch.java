package org.vaerepro.regression;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.vaerepro.experiment.ExperimentResult;
import org.vaerepro.experiment.ExperimentSpec;
import org.vaerepro.experiment.PublishedMargins;
import org.vaerepro.experiment.SuiteResults;
import org.vaerepro.metrics.Lpips;
import org.vaerepro.metrics.LpipsScaling;
import org.vaerepro.metrics.ProtocolVariants;
import org.vaerepro.metrics.SmallImagePolicy;
import org.vaerepro.train.StepPoint;

/**
 * Where each published number sits on the learning curve, under which evaluation protocol: from the step curves of
 * a suite's current runs (metrics measured at declared global steps under every protocol,
 * {@link ProtocolVariants}), the mean curve over an experiment's seeds per protocol variant, and the steps at which
 * it lies within the suite's margin of the published value. Then, per protocol (a decoding, a PSNR reduction, an
 * LPIPS scaling and small-image rule), the steps at which both cells of a row lie within their margins (one training
 * budget explains both), and the steps at which every cell of a dataset's table does (one budget explains the
 * table). A suite is one training variant; its runs decide the evaluation variants. The steps are those measured, and a
 * step counts only where every seed of the experiment was measured there. "Within the margin" is the published-table
 * partition asked of the mean at a step. A search selects (a reading, a step): what it finds must be confirmed on
 * seeds and test images it did not see.
 */
public record ProtocolSearch(PublishedMargins margins, List<RowSearch> rows, List<TableSearch> tables) {

    public ProtocolSearch {
        rows = List.copyOf(rows);
        tables = List.copyOf(tables);
    }

    /** Whether the suite measured any step curve of an experiment with published values. */
    public boolean measured() {
        return !rows.isEmpty();
    }

    /** One evaluation protocol: how PSNR and LPIPS were computed. {@code rule} is null for images of 32x32 and more. */
    public record Protocol(ProtocolVariants.Decoding decoding, ProtocolVariants.PsnrReduction psnrReduction,
            LpipsScaling scaling, SmallImagePolicy rule) {
        public String psnrId() {
            return ProtocolVariants.psnrId(decoding, psnrReduction);
        }

        public String lpipsId() {
            return ProtocolVariants.lpipsId(decoding, scaling, rule);
        }

        /** "decode the sampled z, PSNR of the pooled MSE, LPIPS on [0, 1] images resized to 64". */
        public String describe() {
            String images = scaling == LpipsScaling.SIGNED ? "[-1, 1]" : "[0, 1] (unscaled)";
            String ruleText = rule == null ? "" : " " + rule.describe();
            return "decode the " + (decoding == ProtocolVariants.Decoding.MEAN ? "posterior mean" : "sampled z")
                    + ", PSNR " + (psnrReduction == ProtocolVariants.PsnrReduction.PER_IMAGE ? "per image" : "of the pooled MSE")
                    + ", LPIPS on " + images + " images" + ruleText;
        }
    }

    /** A run of consecutive measured steps, {@code from} to {@code to} inclusive. */
    public record StepRange(long from, long to) {
        @Override
        public String toString() {
            return from == to ? Long.toString(from) : from + "-" + to;
        }
    }

    /**
     * One published cell (a metric of an experiment) under one protocol variant: the steps measured for every seed,
     * the mean over seeds at each, the ranges within {@code margin} of {@code reported} and, when none is, the
     * closest approach (its step and mean).
     */
    public record CellCurve(TableMetric metric, String variant, double reported, double margin, List<Long> steps,
            List<Double> means, List<StepRange> within, long closestStep, double closestMean) {

        public CellCurve {
            steps = List.copyOf(steps);
            means = List.copyOf(means);
            within = List.copyOf(within);
        }

        public boolean reached() {
            return !within.isEmpty();
        }

        Set<Long> stepsWithin() {
            Set<Long> set = new TreeSet<>();
            for (int i = 0; i < steps.size(); i++) {
                if (matches(metric, means.get(i), reported, margin)) {
                    set.add(steps.get(i));
                }
            }
            return set;
        }

        /** "steps 141-400" or "never reached; closest 17.61 at step 1600 (0.44 dB short)". */
        public String describe() {
            String format = metric.format();
            if (reached()) {
                return "step" + (within.size() == 1 && within.get(0).from() == within.get(0).to() ? " " : "s ")
                        + String.join(", ", within.stream().map(StepRange::toString).toList());
            }
            return String.format(Locale.ROOT, "never reached; closest " + format + " at step %d (" + format + " away)",
                    closestMean, closestStep, Math.abs(closestMean - reported));
        }
    }

    /** One row of a protocol: its two cells' curves, and the steps at which both are within their margins. */
    public record RowProtocol(Protocol protocol, CellCurve psnr, CellCurve lpips, List<StepRange> both) {
        public RowProtocol {
            both = List.copyOf(both);
        }

        public boolean explained() {
            return !both.isEmpty();
        }
    }

    /** One experiment with reported values: its seeds with step curves, and every protocol's row. */
    public record RowSearch(String id, String architecture, String dataset, int latentDim, int seeds,
            List<RowProtocol> protocols) {
        public RowSearch {
            protocols = List.copyOf(protocols);
        }

        /** Each variant's curve once: the PSNR variants, then the LPIPS ones. */
        public List<CellCurve> curves() {
            Map<String, CellCurve> curves = new LinkedHashMap<>();
            protocols.forEach(p -> curves.putIfAbsent(p.psnr().variant(), p.psnr()));
            protocols.forEach(p -> curves.putIfAbsent(p.lpips().variant(), p.lpips()));
            return List.copyOf(curves.values());
        }

        /** The protocols under which one budget explains both cells. */
        public List<RowProtocol> explained() {
            return protocols.stream().filter(RowProtocol::explained).toList();
        }

        /** Whether some protocol gets the PSNR (or LPIPS) cell within its margin at some step. */
        public boolean psnrEverReached() {
            return protocols.stream().anyMatch(p -> p.psnr().reached());
        }

        public boolean lpipsEverReached() {
            return protocols.stream().anyMatch(p -> p.lpips().reached());
        }
    }

    /**
     * One dataset's published table under one protocol: the steps at which every cell is within its margin
     * ({@code all}, empty when none), and the step explaining the most cells ({@code bestStep}, {@code explainedAtBest}
     * of {@code cells}).
     */
    public record TableProtocol(Protocol protocol, List<Long> all, long bestStep, int explainedAtBest, int cells) {
        public TableProtocol {
            all = List.copyOf(all);
        }
    }

    /** One dataset's table: its protocols, those that explain most cells first. */
    public record TableSearch(String dataset, List<String> experiments, List<TableProtocol> protocols) {
        public TableSearch {
            experiments = List.copyOf(experiments);
            protocols = List.copyOf(protocols);
        }

        /** The protocols under which one budget explains every cell of the table. */
        public List<TableProtocol> explainingAll() {
            return protocols.stream().filter(p -> !p.all().isEmpty()).toList();
        }
    }

    public static ProtocolSearch of(SuiteResults results) {
        PublishedMargins margins = results.suite().margins();
        List<RowSearch> rows = new ArrayList<>();
        for (ExperimentSpec spec : results.suite().experiments()) {
            List<ExperimentResult> current = results.current(spec).stream().filter(r -> !r.stepCurve().isEmpty())
                    .toList();
            if (spec.reported() == null || current.isEmpty()) {
                continue;
            }
            rows.add(row(spec, current, margins));
        }
        Map<String, List<RowSearch>> byDataset = new LinkedHashMap<>();
        rows.forEach(row -> byDataset.computeIfAbsent(row.dataset(), k -> new ArrayList<>()).add(row));
        List<TableSearch> tables = new ArrayList<>();
        byDataset.forEach((dataset, datasetRows) -> tables.add(table(dataset, datasetRows)));
        return new ProtocolSearch(margins, rows, tables);
    }

    private static RowSearch row(ExperimentSpec spec, List<ExperimentResult> runs, PublishedMargins margins) {
        List<ProtocolVariants.Decoding> decodings = spec.training().architecture().variational()
                ? List.of(ProtocolVariants.Decoding.values()) : List.of(ProtocolVariants.Decoding.MEAN);
        List<SmallImagePolicy> rules = ProtocolVariants.rules(spec.training().dataset().shape(),
                spec.training().lpipsSmallImageRules());
        Map<String, CellCurve> curves = new LinkedHashMap<>();
        List<RowProtocol> protocols = new ArrayList<>();
        for (ProtocolVariants.Decoding decoding : decodings) {
            for (ProtocolVariants.PsnrReduction reduction : ProtocolVariants.PsnrReduction.values()) {
                for (LpipsScaling scaling : LpipsScaling.values()) {
                    for (SmallImagePolicy rule : rules) {
                        Protocol protocol = new Protocol(decoding, reduction, scaling, rule);
                        CellCurve psnr = curves.computeIfAbsent(protocol.psnrId(), id -> curve(TableMetric.PSNR, id,
                                spec.reported().psnr(), margins.psnr(), runs));
                        CellCurve lpips = curves.computeIfAbsent(protocol.lpipsId(), id -> curve(TableMetric.LPIPS, id,
                                spec.reported().lpips(), margins.lpips(), runs));
                        Set<Long> both = new TreeSet<>(psnr.stepsWithin());
                        both.retainAll(lpips.stepsWithin());
                        protocols.add(new RowProtocol(protocol, psnr, lpips, ranges(psnr.steps(), both)));
                    }
                }
            }
        }
        return new RowSearch(spec.id(), spec.training().architecture().displayName(), spec.training().dataset().id(),
                spec.training().latentDim(), runs.size(), protocols);
    }

    /** The mean over runs of one variant at each step every run measured. */
    private static CellCurve curve(TableMetric metric, String variant, double reported, double margin,
            List<ExperimentResult> runs) {
        Map<Long, List<Double>> byStep = new TreeMap<>();
        for (ExperimentResult run : runs) {
            for (StepPoint point : run.stepCurve()) {
                Double value = point.values().get(variant);
                if (value != null) {
                    byStep.computeIfAbsent(point.step(), k -> new ArrayList<>()).add(value);
                }
            }
        }
        List<Long> steps = new ArrayList<>();
        List<Double> means = new ArrayList<>();
        Set<Long> within = new LinkedHashSet<>();
        long closestStep = 0;
        double closestMean = Double.NaN;
        for (Map.Entry<Long, List<Double>> entry : byStep.entrySet()) {
            if (entry.getValue().size() < runs.size()) {
                continue; // not every seed measured here
            }
            double mean = entry.getValue().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            steps.add(entry.getKey());
            means.add(mean);
            if (matches(metric, mean, reported, margin)) {
                within.add(entry.getKey());
            }
            if (Double.isNaN(closestMean) || Math.abs(mean - reported) < Math.abs(closestMean - reported)) {
                closestStep = entry.getKey();
                closestMean = mean;
            }
        }
        return new CellCurve(metric, variant, reported, margin, steps, means, ranges(steps, within), closestStep,
                closestMean);
    }

    /**
     * Whether a mean over seeds lies within the margin of the reported value: the published-table partition
     * ({@link PublishedTableRule#verdict}) asked of a point, which is what a search over steps has at each step.
     */
    private static boolean matches(TableMetric metric, double mean, double reported, double margin) {
        return PublishedTableRule.verdict(mean, mean, reported, margin, metric) == PublishedVerdict.MATCHES;
    }

    /** The steps of {@code chosen} as runs of consecutive entries of {@code measured}. */
    private static List<StepRange> ranges(List<Long> measured, Set<Long> chosen) {
        List<StepRange> ranges = new ArrayList<>();
        Long from = null;
        Long previous = null;
        for (long step : measured) {
            if (chosen.contains(step)) {
                if (from == null) {
                    from = step;
                }
                previous = step;
            } else if (from != null) {
                ranges.add(new StepRange(from, previous));
                from = null;
            }
        }
        if (from != null) {
            ranges.add(new StepRange(from, previous));
        }
        return ranges;
    }

    private static TableSearch table(String dataset, List<RowSearch> rows) {
        List<TableProtocol> protocols = new ArrayList<>();
        for (int p = 0; p < rows.get(0).protocols().size(); p++) {
            Protocol protocol = rows.get(0).protocols().get(p).protocol();
            Map<Long, Integer> explained = new TreeMap<>();
            boolean everyRowHasIt = true;
            for (RowSearch row : rows) {
                RowProtocol rowProtocol = row.protocols().stream().filter(rp -> rp.protocol().equals(protocol))
                        .findFirst().orElse(null);
                if (rowProtocol == null) {
                    everyRowHasIt = false; // e.g. a sampled decoding against an autoencoder row
                    continue;
                }
                for (long step : rowProtocol.psnr().steps()) {
                    int cells = (rowProtocol.psnr().stepsWithin().contains(step) ? 1 : 0)
                            + (rowProtocol.lpips().stepsWithin().contains(step) ? 1 : 0);
                    explained.merge(step, cells, Integer::sum);
                }
            }
            int cells = 2 * rows.size();
            List<Long> all = everyRowHasIt ? explained.entrySet().stream().filter(e -> e.getValue() == cells)
                    .map(Map.Entry::getKey).toList() : List.of();
            Map.Entry<Long, Integer> best = explained.entrySet().stream()
                    .max(Comparator.comparingInt(Map.Entry<Long, Integer>::getValue)
                            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                    .orElse(Map.entry(0L, 0));
            protocols.add(new TableProtocol(protocol, all, best.getKey(), best.getValue(), cells));
        }
        protocols.sort(Comparator.comparingInt(TableProtocol::explainedAtBest).reversed());
        return new TableSearch(dataset, rows.stream().map(RowSearch::id).toList(), protocols);
    }
}
