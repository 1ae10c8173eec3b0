package org.vaerepro.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.vaerepro.experiment.Run;
import org.vaerepro.experiment.SuiteRunner;
import org.vaerepro.io.Json;

/**
 * Runs a step's runs in {@link Parallelism#workers()} worker JVMs, longest first ({@link RunCost}): each
 * worker takes the next run when it finishes one, so a worker never waits while runs are left. A run
 * behaves exactly as in the serial path (the worker calls the same {@link SuiteSession} code with the
 * same settings), so with the same native thread count its files are bit-identical to a serial run's.
 *
 * <p>A worker that dies (killed, or out of memory) is replaced, and its run goes back to the head of the queue
 * to resume from its last checkpoint in the new worker, up to {@link #ATTEMPTS_PER_RUN} attempts; so a lost
 * worker costs the steps since that checkpoint, as a lost Spark executor does. Only a run that still fails
 * after that, or that fails inside a live worker (bad input, a non-finite loss: deterministic, so retrying
 * would fail again), counts as failed. The retry is what let a long suite survive a worker that reached its
 * memory cap: without it every run of that invocation the dead worker held was skipped until the suite was
 * started again.
 *
 * <p>A worker that holds more than {@link #REPLACE_ABOVE_CAP_FRACTION} of its memory cap after a run is
 * replaced before the next one, so a long suite does not wait for the cap to end a run.
 */
final class WorkerPool {
    static final int ATTEMPTS_PER_RUN = 3;

    /**
     * Measured on the seed-tables suite (2 workers x 1 thread, 4 GiB cap, resident set sampled every 5
     * minutes): a fresh worker holds 2.4-3.0 GB within its first CIFAR-10 epoch and then creeps up by about
     * 50 MB a run (2,446 to 2,699 and 2,871 to 3,130 MB over three runs each), so at about 20 runs it would
     * reach the cap mid-run. Replacing it above three quarters of the cap keeps at least 1 GB of room at
     * the start of every run, at the cost of one JVM start (seconds) against a 15-30 minute run; MNIST
     * workers (0.8-1.0 GB) are never replaced.
     */
    static final double REPLACE_ABOVE_CAP_FRACTION = 0.75;

    private final SessionSettings settings;
    private final Consumer<String> log;
    private final double replaceAboveCapFraction;

    WorkerPool(SessionSettings settings, Consumer<String> log) {
        this(settings, log, REPLACE_ABOVE_CAP_FRACTION);
    }

    /** With another replacement threshold (a fraction of the cap; 0 replaces the worker after every run). */
    WorkerPool(SessionSettings settings, Consumer<String> log, double replaceAboveCapFraction) {
        this.settings = settings;
        this.log = log;
        this.replaceAboveCapFraction = replaceAboveCapFraction;
    }

    List<SuiteRunner.Failure> run(RunPhase phase, List<Run> runs, Map<Run, Double> costs) {
        Parallelism parallelism = settings.parallelism();
        List<Run> ordered = RunCost.longestFirst(runs, run -> costs.getOrDefault(run, 0.0));
        int workers = Math.min(parallelism.workers(), ordered.size());
        log.accept("workers: " + workers + " worker JVM(s) x " + parallelism.threadsPerWorker() + " thread(s) for "
                + ordered.size() + " run(s), longest first: " + ordered);
        Path settingsFile = writeWorkerSettings();
        ConcurrentLinkedDeque<Run> queue = new ConcurrentLinkedDeque<>(ordered);
        Map<Run, Integer> attempts = new ConcurrentHashMap<>();
        List<SuiteRunner.Failure> failures = new CopyOnWriteArrayList<>();
        List<WorkerProcess> live = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        PoolProgress progress = new PoolProgress(costs, System.nanoTime());
        Thread killOnExit = new Thread(() -> live.forEach(WorkerProcess::kill), "vae-workers-shutdown");
        Runtime.getRuntime().addShutdownHook(killOnExit);
        try {
            List<Thread> threads = new ArrayList<>();
            for (int k = 1; k <= workers; k++) {
                int number = k;
                Thread thread = new Thread(() -> serve(number, phase, parallelism, settingsFile, queue, attempts,
                        failures, live, stop, progress), "vae-worker-" + number);
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            live.forEach(WorkerProcess::kill);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while workers were running; runs resume from their checkpoints", e);
        } finally {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
            deleteQuietly(settingsFile);
        }
        List<SuiteRunner.Failure> inSuiteOrder = new ArrayList<>(failures);
        inSuiteOrder.sort(Comparator.comparingInt(f -> indexOf(runs, f.run())));
        return Collections.unmodifiableList(inSuiteOrder);
    }

    private void serve(int number, RunPhase phase, Parallelism parallelism, Path settingsFile,
            ConcurrentLinkedDeque<Run> queue, Map<Run, Integer> attempts, List<SuiteRunner.Failure> failures,
            List<WorkerProcess> live, AtomicBoolean stop, PoolProgress progress) {
        WorkerProcess worker = null;
        try {
            Run run;
            while (!stop.get() && (run = queue.poll()) != null) {
                if (worker == null || !worker.alive()) {
                    worker = WorkerProcess.start(number, parallelism, settingsFile, log);
                    live.add(worker);
                }
                progress.started();
                log.accept("== " + phase + " " + run.id() + " (worker " + number + ")");
                WorkerReply reply = worker.execute(phase, run);
                int attempt = attempts.merge(run, 1, Integer::sum);
                if (!reply.failures().isEmpty() && !worker.alive() && attempt < ATTEMPTS_PER_RUN && !stop.get()) {
                    log.accept("[" + run.id() + "] " + reply.failures().get(0).message() + "; the run goes back to the "
                            + "queue and resumes from its last checkpoint in a new worker (attempt " + (attempt + 1)
                            + " of " + ATTEMPTS_PER_RUN + ")");
                    progress.requeued();
                    queue.addFirst(run);
                    continue;
                }
                for (WorkerReply.Failed failed : reply.failures()) {
                    log.accept("[" + run.id() + "] " + failed.phase() + " FAILED: " + failed.message());
                    failures.add(new SuiteRunner.Failure(run.id(), failed.phase(), new WorkerRunException(failed.message())));
                }
                if (!reply.failures().isEmpty() && settings.failFast()) {
                    stop.set(true);
                }
                if (worker.alive() && reply.residentAbove(replaceAboveCapFraction)) {
                    log.accept("worker " + number + " holds " + megabytes(reply.residentBytes()) + " of its "
                            + megabytes(reply.residentCapBytes()) + " memory cap after " + run.id()
                            + "; its next run gets a fresh worker JVM");
                    retire(worker, live);
                    worker = null;
                }
                // Counted and printed under one lock, so the summary lines of two workers come out in order.
                synchronized (progress) {
                    log.accept(progress.finished(run, System.nanoTime()));
                }
            }
        } catch (RuntimeException e) {
            stop.set(true);
            failures.add(new SuiteRunner.Failure("worker " + number, phase.toString(), e));
        } finally {
            if (worker != null) {
                retire(worker, live);
            }
        }
    }

    /** Ends a worker JVM and drops it from the ones the shutdown hook would kill. */
    private static void retire(WorkerProcess worker, List<WorkerProcess> live) {
        worker.close();
        live.remove(worker);
    }

    /** The settings a worker runs with: these, serial (a worker never starts workers of its own). */
    private Path writeWorkerSettings() {
        try {
            Path file = Files.createTempFile("vae-worker-settings-", ".json");
            Files.writeString(file, Json.mapper().writeValueAsString(settings.withParallelism(Parallelism.SERIAL)));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the worker settings file", e);
        }
    }

    private static String megabytes(long bytes) {
        return (bytes >> 20) + " MB";
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temp file; the OS cleans it
        }
    }

    private static int indexOf(List<Run> runs, String id) {
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).id().equals(id)) {
                return i;
            }
        }
        return runs.size();
    }
}
