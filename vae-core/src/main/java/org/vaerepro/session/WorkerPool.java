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
import org.vaerepro.io.Json;
import org.vaerepro.io.Preconditions;

/**
 * Runs a step's runs in {@link Parallelism#workers()} worker JVMs, longest first ({@link RunCost}): each
 * worker takes the next run when it finishes one, so a worker never waits while runs are left. A run
 * behaves exactly as in the serial path (the worker calls the same {@link SuiteSession} code with the
 * same settings), so with the same native thread count its files are bit-identical to a serial run's.
 * What happens when a worker dies or grows is the {@link RetryPolicy}'s; one step's queue, attempts and
 * failures belong to its {@link Invocation}.
 */
final class WorkerPool {

    /**
     * A worker that dies (killed, or out of memory) is replaced, and its run goes back to the head of the queue to
     * resume from its last checkpoint in the new worker, up to {@code attemptsPerRun} attempts; so a lost worker
     * costs the steps since that checkpoint, as a lost Spark executor does. Only a run that still fails after that,
     * or that fails inside a live worker (bad input, a non-finite loss: deterministic, so retrying would fail
     * again), counts as failed. A worker that holds more than {@code replaceAboveCapFraction} of its memory cap
     * after a run is replaced before the next one (0 replaces it after every run), so a long suite does not wait for
     * the cap to end a run (README, "Running a suite", gives the measurements behind the default).
     */
    record RetryPolicy(int attemptsPerRun, double replaceAboveCapFraction) {
        static final RetryPolicy DEFAULT = new RetryPolicy(3, 0.75);

        RetryPolicy {
            Preconditions.check(attemptsPerRun >= 1, "attemptsPerRun must be >= 1, got " + attemptsPerRun);
            Preconditions.check(replaceAboveCapFraction >= 0, "replaceAboveCapFraction must be >= 0, got "
                    + replaceAboveCapFraction);
        }

        /** Whether a run whose worker died under it goes back to the queue. */
        boolean retries(WorkerReply reply, boolean workerAlive, int attempt) {
            return !reply.failures().isEmpty() && !workerAlive && attempt < attemptsPerRun;
        }

        /** Whether a live worker is replaced before its next run. */
        boolean replaces(WorkerReply reply) {
            return reply.residentAbove(replaceAboveCapFraction);
        }
    }

    private final SessionSettings settings;
    private final Consumer<String> log;
    private final RetryPolicy policy;

    WorkerPool(SessionSettings settings, Consumer<String> log, RetryPolicy policy) {
        this.settings = settings;
        this.log = log;
        this.policy = policy;
    }

    /** Runs {@code phase} of every run; the failures come back in the runs' order. */
    List<RunFailure> run(RunPhase phase, List<Run> runs, Map<Run, Double> costs) {
        List<RunFailure> failures = new ArrayList<>(new Invocation(phase, runs, costs).run());
        failures.sort(Comparator.comparingInt(failure -> runs.indexOf(failure.run())));
        return Collections.unmodifiableList(failures);
    }

    /** One step over its runs: the queue, attempts, failures and live workers of that step alone. */
    private final class Invocation {
        private final RunPhase phase;
        private final Parallelism parallelism = settings.parallelism();
        private final List<Run> ordered;
        private final ConcurrentLinkedDeque<Run> queue;
        private final Map<Run, Integer> attempts = new ConcurrentHashMap<>();
        private final List<RunFailure> failures = new CopyOnWriteArrayList<>();
        private final List<WorkerProcess> live = new CopyOnWriteArrayList<>();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final PoolProgress progress;
        private volatile RuntimeException workerError;
        private Path settingsFile;

        Invocation(RunPhase phase, List<Run> runs, Map<Run, Double> costs) {
            this.phase = phase;
            this.ordered = RunCost.longestFirst(runs, run -> costs.getOrDefault(run, 0.0));
            this.queue = new ConcurrentLinkedDeque<>(ordered);
            this.progress = new PoolProgress(costs, System.nanoTime());
        }

        List<RunFailure> run() {
            int workers = Math.min(parallelism.workers(), ordered.size());
            log.accept("workers: " + workers + " worker JVM(s) x " + parallelism.threadsPerWorker() + " thread(s) for "
                    + ordered.size() + " run(s), longest first: " + ordered);
            settingsFile = writeWorkerSettings();
            Thread killOnExit = new Thread(() -> live.forEach(WorkerProcess::kill), "vae-workers-shutdown");
            Runtime.getRuntime().addShutdownHook(killOnExit);
            try {
                List<Thread> threads = new ArrayList<>();
                for (int k = 1; k <= workers; k++) {
                    int number = k;
                    Thread thread = new Thread(() -> serve(number), "vae-worker-" + number);
                    threads.add(thread);
                    thread.start();
                }
                for (Thread thread : threads) {
                    thread.join();
                }
            } catch (InterruptedException e) {
                live.forEach(WorkerProcess::kill);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while workers were running; runs resume from their checkpoints",
                        e);
            } finally {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
                deleteQuietly(settingsFile);
            }
            if (workerError != null) { // the runs no worker got to are named, not dropped
                for (Run left; (left = queue.poll()) != null; ) {
                    failures.add(new RunFailure(left, phase, new WorkerRunException("not run: a worker failed before it "
                            + "got to this run: " + workerError.getMessage())));
                }
            }
            return failures;
        }

        /** Worker {@code number}'s loop: take the next run, run it in the worker JVM, act on the reply. */
        private void serve(int number) {
            WorkerProcess worker = null;
            Run run = null;
            try {
                while (!stop.get() && (run = queue.poll()) != null) {
                    if (worker == null || !worker.alive()) {
                        worker = WorkerProcess.start(number, parallelism, settingsFile, log);
                        live.add(worker);
                    }
                    progress.started();
                    log.accept("== " + phase + " " + run.id() + " (worker " + number + ")");
                    WorkerReply reply = worker.execute(phase, run);
                    int attempt = attempts.merge(run, 1, Integer::sum);
                    if (!stop.get() && policy.retries(reply, worker.alive(), attempt)) {
                        log.accept("[" + run.id() + "] " + reply.failures().get(0).message() + "; the run goes back to "
                                + "the queue and resumes from its last checkpoint in a new worker (attempt "
                                + (attempt + 1) + " of " + policy.attemptsPerRun() + ")");
                        progress.requeued();
                        queue.addFirst(run);
                        continue;
                    }
                    for (WorkerReply.Failed failed : reply.failures()) {
                        log.accept("[" + run.id() + "] " + failed.phase() + " FAILED: " + failed.message());
                        failures.add(new RunFailure(run, failed.phase(), new WorkerRunException(failed.message())));
                    }
                    if (!reply.failures().isEmpty() && settings.failFast()) {
                        stop.set(true);
                    }
                    if (worker.alive() && policy.replaces(reply)) {
                        log.accept("worker " + number + " holds " + megabytes(reply.residentBytes()) + " of its "
                                + megabytes(reply.residentCapBytes()) + " memory cap after " + run.id()
                                + "; its next run gets a fresh worker JVM");
                        retire(worker);
                        worker = null;
                    }
                    // Counted and printed under one lock, so the summary lines of two workers come out in order.
                    synchronized (progress) {
                        log.accept(progress.finished(run, System.nanoTime()));
                    }
                    run = null;
                }
            } catch (RuntimeException e) {
                stop.set(true);
                workerError = e;
                if (run != null) {
                    failures.add(new RunFailure(run, phase, e));
                }
            } finally {
                if (worker != null) {
                    retire(worker);
                }
            }
        }

        /** Ends a worker JVM and drops it from the ones the shutdown hook would kill. */
        private void retire(WorkerProcess worker) {
            worker.close();
            live.remove(worker);
        }
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
}
