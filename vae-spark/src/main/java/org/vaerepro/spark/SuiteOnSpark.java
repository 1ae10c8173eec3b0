package org.vaerepro.spark;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.vaerepro.experiment.Run;
import org.vaerepro.regression.BaselineCheck;
import org.vaerepro.session.SessionSettings;
import org.vaerepro.session.SuiteSession;

/**
 * A suite on Spark: the driver validates the inputs (preflight), sends each run as one task (one
 * partition per run, so Spark schedules runs, not batches of them), collects the tasks' metrics, renders
 * the results page from the shared output folder and checks the runs against a baseline.
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
        Path page = session.report();
        log.accept("page: " + page);
        List<String> deviations = baselineFile == null ? List.of()
                : session.baselineDeviations(baselineFile).stream().map(BaselineCheck.Deviation::toString).toList();
        return new Result(outcomes, page, deviations);
    }
}
