package org.vaerepro.session;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.vaerepro.experiment.Run;
import org.vaerepro.io.Json;

/**
 * One worker JVM ({@link RunWorker}) and its pipes: a run is sent as one line on its standard input, its
 * log lines are passed on as they come, and its {@link WorkerReply} ends the run. Standard error is passed
 * on too, marked with the worker's number, so nothing a worker prints is lost.
 */
final class WorkerProcess implements AutoCloseable {
    private final int number;
    private final Process process;
    private final Writer commands;
    private final BufferedReader output;
    private final Thread errorPump;
    private final Consumer<String> log;

    private WorkerProcess(int number, Process process, Consumer<String> log) {
        this.number = number;
        this.process = process;
        this.log = log;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        BufferedReader errors = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        this.errorPump = new Thread(() -> errors.lines().forEach(line -> log.accept("[worker " + number + "] " + line)),
                "vae-worker-" + number + "-stderr");
        errorPump.setDaemon(true);
        errorPump.start();
    }

    /** Starts worker {@code number} with the parallelism's launch settings and its threads per worker. */
    static WorkerProcess start(int number, Parallelism parallelism, Path settingsFile, Consumer<String> log) {
        WorkerLaunch launch = parallelism.launch();
        List<String> command = new ArrayList<>();
        command.add(launch.java().toString());
        command.addAll(launch.jvmOptions());
        command.add("-cp");
        command.add(launch.classpath().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        command.add(RunWorker.class.getName());
        command.add(settingsFile.toString());
        ProcessBuilder builder = new ProcessBuilder(command);
        // The native thread pools (OpenMP, oneDNN) read this when ND4J loads, so it is set per process.
        builder.environment().put("OMP_NUM_THREADS", Integer.toString(parallelism.threadsPerWorker()));
        try {
            return new WorkerProcess(number, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start worker JVM " + number + " with " + launch.java(), e);
        }
    }

    int number() {
        return number;
    }

    /**
     * Runs {@code phase} of {@code run} in the worker and waits for its reply; a worker that exits instead of
     * replying yields a reply with one failure naming its exit code ({@link #alive()} is then false).
     */
    WorkerReply execute(RunPhase phase, Run run) {
        try {
            commands.write(phase.name() + " " + run.id() + "\n");
            commands.flush();
            String line;
            while ((line = output.readLine()) != null) {
                if (line.startsWith(WorkerReply.PREFIX)) {
                    return Json.mapper().readValue(line.substring(WorkerReply.PREFIX.length()), WorkerReply.class);
                }
                log.accept(line);
            }
        } catch (IOException e) {
            // a closed pipe: the worker died; its exit code says more below
        }
        return WorkerReply.unanswered(run.id(), new WorkerReply.Failed(phase,
                "worker JVM " + number + " exited with code " + exitCode() + " while running it (see its lines above)"));
    }

    boolean alive() {
        return process.isAlive();
    }

    private String exitCode() {
        try {
            return process.waitFor(30, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "(still running)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }

    /** Closes the worker's input, which ends it after its current run; forces it after a minute. */
    @Override
    public void close() {
        try {
            commands.close();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            errorPump.join(5_000);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Ends the worker now (the parent is stopping); its run resumes from its last checkpoint next time. */
    void kill() {
        process.destroyForcibly();
    }
}
