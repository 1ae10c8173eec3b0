package org.vaerepro.spark;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.vaerepro.experiment.Run;
import org.vaerepro.regression.GateCheck;
import org.vaerepro.session.SessionSettings;
import org.vaerepro.session.SuiteSession;

/**
 * A suite on Spark: the driver validates the inputs (preflight), sends each run as one task (one
 * partition per run, so Spark schedules runs, not batches of them), collects the tasks' metrics, renders
 * the results page from the shared output folder and, with a baseline, reports the gate's failures (its judgement,
 * judgement.json, holds every check).
 */
public final class SuiteOnSpark {
    /** The runs' outcomes in suite order, the page, and the baseline deviations (empty: none, or no baseline). */
    public record Result(List<RunOutcome> runs, Path page, List<String> deviations) {
    }

    private SuiteOnSpark() {
    }

    public static Result run(JavaSparkContext spark, SessionSettings settings, Path baselineFile, TaskFault fault,
            Consumer<String> log) {
        SuiteSession session = new SuiteSession(settings, log);
        session.preflight();
        List<Run> runs = session.runs();
        List<String> ids = runs.stream().map(Run::id).toList();
        log.accept("spark: " + ids.size() + " run(s) as " + ids.size() + " task(s) on " + spark.master());
        List<RunOutcome> outcomes = ids.isEmpty() ? List.of()
                : spark.parallelize(ids, ids.size()).map(new RunTask(settings, fault)).collect();
        for (RunOutcome outcome : outcomes) {
            log.accept(String.format("[%s] PSNR %.3f dB  LPIPS %.4f  SSIM %.4f  (%s, attempt %d)", outcome.run(),
                    outcome.psnr(), outcome.lpips(), outcome.ssim(), outcome.host(), outcome.attempt() + 1));
        }
        SuiteSession.Reported reported = session.report(new SuiteSession.GateFiles(baselineFile, null));
        log.accept("page: " + reported.page());
        List<String> deviations = baselineFile == null ? List.of() : reported.judgement().gate().failures().stream()
                .map(GateCheck::detail).toList();
        return new Result(outcomes, reported.page(), deviations);
    }
}
