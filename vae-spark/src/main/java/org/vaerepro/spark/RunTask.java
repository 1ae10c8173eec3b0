package org.vaerepro.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vaerepro.experiment.ExperimentMetrics;
import org.vaerepro.experiment.Run;
import org.vaerepro.experiment.RunStatus;
import org.vaerepro.io.Json;
import org.vaerepro.session.RunFailure;
import org.vaerepro.session.RunPhase;
import org.vaerepro.session.SessionSettings;
import org.vaerepro.session.SuiteSession;

/**
 * One task: trains and evaluates one run into the shared output folder, exactly as the serial path does
 * (the same {@link SuiteSession} code and settings), and returns its headline metrics. A failed run throws,
 * so Spark retries the task; the retry finds the run's checkpoint and lock-free folder and resumes, so a lost
 * executor costs at most the steps since the last checkpoint. Settings travel as JSON ({@code Path} is not
 * serializable).
 */
final class RunTask implements Function<String, RunOutcome> {
    private static final long serialVersionUID = 1L;
    private final String settingsJson;
    private final TaskFault fault;

    RunTask(SessionSettings settings, TaskFault fault) {
        try {
            this.settingsJson = Json.mapper().writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the session settings as JSON", e);
        }
        this.fault = fault;
    }

    @Override
    public RunOutcome call(String runId) throws Exception {
        TaskContext context = TaskContext.get();
        int attempt = context == null ? 0 : context.attemptNumber();
        Logger log = LoggerFactory.getLogger(RunTask.class);
        SessionSettings settings = Json.mapper().readValue(settingsJson, SessionSettings.class);
        SuiteSession session = new SuiteSession(settings, line -> {
            log.info(line);
            fault.onLogLine(runId, attempt, line);
        });
        Run run = session.runsById().get(runId);
        if (run == null) {
            throw new IllegalArgumentException("suite " + session.suite().name() + " has no run " + runId);
        }
        List<RunFailure> failures = session.runInThisProcess(RunPhase.TRAIN_AND_EVALUATE, List.of(run));
        if (!failures.isEmpty()) {
            throw new RunFailedException(runId, attempt, failures.stream()
                    .map(f -> f.phase() + ": " + f.message()).collect(Collectors.joining("; ")));
        }
        RunStatus status = session.status(run);
        if (!(status instanceof RunStatus.Current current)) {
            throw new RunFailedException(runId, attempt, "no current result after training and evaluation ("
                    + status.describe() + ")");
        }
        ExperimentMetrics metrics = current.result().metrics();
        return new RunOutcome(runId, attempt, host(), metrics.psnr(), metrics.lpips(), metrics.ssim());
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
