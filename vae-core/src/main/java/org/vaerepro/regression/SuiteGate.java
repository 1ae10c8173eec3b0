package org.vaerepro.regression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vaerepro.experiment.CellRequirement;
import org.vaerepro.experiment.Run;
import org.vaerepro.experiment.RunStatus;
import org.vaerepro.experiment.SuiteResults;
import org.vaerepro.statistics.SampleSummary;

/**
 * The reproducibility gate's rule, in one place: which checks a suite's judgement is held to, and whether each passes.
 * <ul>
 *   <li>every selected run has a current result ({@link GateCheck.Kind#CURRENT_RESULT});</li>
 *   <li>with a baseline, every selected current run is within its windows and was trained, fed and evaluated as the
 *       baseline's runs ({@link BaselineCheck}, {@link GateCheck.Kind#BASELINE});</li>
 *   <li>when the selection holds every declared seed: with a verdict record, every published cell and tested claim
 *       step keeps its recorded verdict ({@link GateCheck.Kind#RECORDED_VERDICT}: a regression of verdicts); without
 *       one, every published cell meets the suite's {@code verdictRequired} over every seed
 *       ({@link GateCheck.Kind#PUBLISHED_CELL}) and no tested claim step is contradicted
 *       ({@link GateCheck.Kind#CLAIM_STEP}).</li>
 * </ul>
 * A selection of each experiment's first seeds (a gate that trains one seed against a baseline over several) judges
 * no published cell: a verdict over fewer seeds than declared would be another verdict than the page's.
 */
public final class SuiteGate {
    private SuiteGate() {
    }

    /** What the gate needs besides the judgement: the runs it selected, and the files it holds them to (null: none). */
    public record Expectations(List<Run> selected, boolean everySeed, Baseline baseline, String baselineFile,
            BaselineCheck.Outcome exact, VerdictRecord verdicts, String verdictFile) {
        public Expectations {
            selected = List.copyOf(selected);
        }
    }

    public static Gate of(SuiteJudgement judgement, SuiteResults results, Expectations expected) {
        List<GateCheck> checks = new ArrayList<>();
        for (Run run : expected.selected()) {
            RunStatus status = results.status(run);
            boolean current = status instanceof RunStatus.Current;
            checks.add(new GateCheck(GateCheck.Kind.CURRENT_RESULT, run.id(), run.id() + " › has a current result",
                    current, current ? "" : run.id() + " has no current result (" + status.describe()
                            + "): train and evaluate it"));
        }
        List<String> notes = new ArrayList<>();
        if (expected.baseline() != null) {
            List<Run> current = expected.selected().stream()
                    .filter(run -> results.status(run) instanceof RunStatus.Current).toList();
            for (BaselineCheck.RunCheck check : BaselineCheck.checks(expected.baseline(), results, current)) {
                checks.addAll(baselineChecks(check, expected.baselineFile()));
            }
            if (expected.exact() != null) {
                expected.baseline().referenceModels().keySet().forEach(name -> checks.add(referenceCheck(name,
                        expected.exact().ofReference(name), expected.baselineFile())));
                expected.exact().skipped().forEach(skipped -> notes.add(skipped.toString()));
            }
        }
        if (expected.everySeed()) {
            if (expected.verdicts() != null) {
                checks.addAll(recordedVerdicts(judgement, expected.verdicts(), expected.verdictFile()));
            } else {
                checks.addAll(publishedCells(judgement));
                checks.addAll(claimSteps(judgement));
            }
        }
        return new Gate(expected.baselineFile(), expected.verdictFile(), checks, notes);
    }

    private static GateCheck referenceCheck(String name, List<BaselineCheck.Deviation> deviations, String file) {
        String subject = BaselineCheck.referenceSubject(name);
        return new GateCheck(GateCheck.Kind.REFERENCE_MODEL, subject, subject + " › every recorded number within its "
                + "window", deviations.isEmpty(), deviations.isEmpty() ? "" : subject + ": " + String.join("; ",
                        deviations.stream().map(BaselineCheck.Deviation::problem).toList()) + "; if the change to "
                        + "evaluation is deliberate, record the baseline " + file + " again");
    }

    private static List<GateCheck> baselineChecks(BaselineCheck.RunCheck check, String file) {
        String id = check.run().id();
        String reRecord = "if the change is deliberate, review the new numbers and record the baseline " + file
                + " again";
        List<GateCheck> checks = new ArrayList<>();
        if (!check.problems().isEmpty()) {
            checks.add(new GateCheck(GateCheck.Kind.BASELINE, id, id + " › measured as the baseline's runs", false,
                    id + ": " + String.join("; ", check.problems().stream().map(BaselineCheck.Finding::problem)
                            .toList()) + "; " + reRecord));
        }
        if (check.trajectory() != null) {
            checks.add(new GateCheck(GateCheck.Kind.TRAJECTORY, id, id + " › first steps' losses within the recorded "
                    + "trajectory", check.trajectory().passed(), check.trajectory().passed() ? ""
                            : id + ": " + check.trajectory().problem() + "; " + reRecord));
        }
        for (BaselineCheck.MetricCheck metric : check.metrics()) {
            String number = metric.metric().format();
            String name = String.format(Locale.ROOT, "%s › %s " + number + (metric.passed() ? " within " : " outside ")
                    + number + " ± " + number, id, metric.metric(), metric.value(), metric.centre(),
                    metric.window().halfWidth());
            checks.add(new GateCheck(GateCheck.Kind.BASELINE, id, name, metric.passed(),
                    metric.passed() ? "" : id + ": " + metric.describe() + "; " + reRecord));
        }
        return checks;
    }

    /** "matches 13.392 (13.167 ± 0.064, 5 seeds)" */
    static String cellText(CellVerdict cell) {
        SampleSummary m = cell.measured();
        String measured = m.hasInterval()
                ? cell.metric().print(m.mean()) + " ± " + cell.metric().print(m.halfWidth()) + ", " + m.n() + " seeds"
                : cell.metric().print(m.mean()) + ", 1 seed";
        return cell.verdict().word() + " " + cell.metric().print(cell.reported()) + " (" + measured + ")";
    }

    private static List<GateCheck> publishedCells(SuiteJudgement judgement) {
        List<GateCheck> checks = new ArrayList<>();
        String required = judgement.verdictRequired() == CellRequirement.MATCHES ? "every cell to match"
                : "no cell to miss";
        for (ExperimentRow row : judgement.published()) {
            if (!row.measured()) {
                checks.add(new GateCheck(GateCheck.Kind.PUBLISHED_CELL, row.id(), row.id() + " › no current run", false,
                        row.describe()));
                continue;
            }
            List<CellVerdict> failing = row.failing(judgement.verdictRequired());
            for (CellVerdict cell : row.verdicts()) {
                String name = row.id() + " › " + cell.metric() + " › " + cellText(cell);
                boolean complete = row.complete();
                boolean passed = complete && !failing.contains(cell);
                String detail = !complete ? row.id() + ": " + row.seedsMeasured() + " of " + row.seeds()
                        + " seeds have a current result; a verdict needs every seed"
                        : passed ? "" : row.id() + ": the suite requires " + required + ": " + cell.describe();
                checks.add(new GateCheck(GateCheck.Kind.PUBLISHED_CELL, row.id(), name, passed, detail));
            }
        }
        return checks;
    }

    private static List<GateCheck> claimSteps(SuiteJudgement judgement) {
        List<GateCheck> checks = new ArrayList<>();
        for (ClaimColumn column : judgement.columns()) {
            for (BottleneckClaim.Step step : column.steps()) {
                if (step.test() == null) {
                    continue;
                }
                String subject = column.architecture() + " on " + column.dataset();
                boolean passed = step.verdict() != ClaimVerdict.CONTRADICTED;
                checks.add(new GateCheck(GateCheck.Kind.CLAIM_STEP, subject, VerdictRecord.stepKey(column, step)
                        + " › " + VerdictRecord.stepVerdict(step), passed,
                        passed ? "" : subject + ": the claim is contradicted: " + step.describe()));
            }
        }
        return checks;
    }

    private static List<GateCheck> recordedVerdicts(SuiteJudgement judgement, VerdictRecord record, String file) {
        String reRecord = "if the change is deliberate, review it and record the verdicts " + file + " again";
        Map<String, String> cellsNow = new LinkedHashMap<>();
        Map<String, String> cellText = new LinkedHashMap<>();
        Map<String, String> subjects = new LinkedHashMap<>();
        for (ExperimentRow row : judgement.published()) {
            for (CellVerdict cell : row.verdicts()) {
                String key = VerdictRecord.cellKey(row, cell);
                cellsNow.put(key, cell.verdict().word());
                cellText.put(key, cellText(cell));
                subjects.put(key, row.id());
            }
        }
        Map<String, String> stepsNow = new LinkedHashMap<>();
        for (ClaimColumn column : judgement.columns()) {
            for (BottleneckClaim.Step step : column.steps()) {
                if (step.test() != null) {
                    String key = VerdictRecord.stepKey(column, step);
                    stepsNow.put(key, VerdictRecord.stepVerdict(step));
                    subjects.put(key, column.architecture() + " on " + column.dataset());
                }
            }
        }
        List<GateCheck> checks = new ArrayList<>();
        judgement.published().stream().filter(row -> !row.complete()).forEach(row -> checks.add(new GateCheck(
                GateCheck.Kind.RECORDED_VERDICT, row.id(), row.id() + " › every seed measured", false, row.id() + ": "
                        + row.seedsMeasured() + " of " + row.seeds() + " seeds have a current result; a verdict needs "
                        + "every seed")));
        compare(record.cells(), cellsNow, cellText, subjects, reRecord, checks);
        compare(record.claimSteps(), stepsNow, Map.of(), subjects, reRecord, checks);
        return checks;
    }

    private static void compare(Map<String, String> recorded, Map<String, String> now, Map<String, String> text,
            Map<String, String> subjects, String reRecord, List<GateCheck> checks) {
        for (Map.Entry<String, String> entry : now.entrySet()) {
            String key = entry.getKey();
            String was = recorded.get(key);
            String shown = text.getOrDefault(key, entry.getValue());
            boolean passed = entry.getValue().equals(was);
            String detail = passed ? "" : was == null
                    ? key + " is judged now (" + shown + ") but not in the verdict record; " + reRecord
                    : key + ": recorded " + was + ", now " + entry.getValue() + " (" + shown + "); " + reRecord;
            checks.add(new GateCheck(GateCheck.Kind.RECORDED_VERDICT, subjects.get(key), key + " › " + shown
                    + (passed ? ", as recorded" : ", recorded " + was), passed, detail));
        }
        for (Map.Entry<String, String> entry : recorded.entrySet()) {
            if (!now.containsKey(entry.getKey())) {
                checks.add(new GateCheck(GateCheck.Kind.RECORDED_VERDICT, entry.getKey().split(" › ")[0],
                        entry.getKey() + " › recorded " + entry.getValue() + ", not judged now", false,
                        entry.getKey() + " is in the verdict record (" + entry.getValue() + ") but the suite no longer "
                                + "judges it; " + reRecord));
            }
        }
    }
}
