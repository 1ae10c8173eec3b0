package org.vaerepro.session;

import java.lang.management.ManagementFactory;
import org.vaerepro.io.Preconditions;
import org.vaerepro.settings.Setting;

/**
 * How a session spreads its runs: {@code workers} worker JVMs, each with {@code threadsPerWorker} native
 * threads ({@code OMP_NUM_THREADS}), started as {@code launch} says. One worker means today's serial path:
 * every run in this process, with the threads this process has.
 *
 * <p>Runs are independent and small next to the machine (one run's step is a batch of 128 images through
 * three convolutions), so several 1-thread runs side by side use cores better than one run spread over
 * all of them; see {@link #automatic}.
 */
public record Parallelism(int workers, int threadsPerWorker, WorkerLaunch launch) {
    /** Heap plus native memory a worker may take: -Xmx3g and the 4 GiB physical-bytes cap of the JVM options. */
    static final long MEMORY_PER_WORKER = 4L << 30;

    public static final Parallelism SERIAL = new Parallelism(1, 0, null);

    public Parallelism {
        Preconditions.check(workers >= 1, Setting.WORKERS + " must be >= 1, got " + workers);
        Preconditions.check(threadsPerWorker >= 0, Setting.THREADS_PER_WORKER + " must be >= 0, got "
                + threadsPerWorker);
        Preconditions.check(workers == 1 || launch != null, Setting.WORKERS + " is " + workers
                + ", but this front end starts no worker JVMs: leave it at 0 or set it to 1");
        Preconditions.check(workers == 1 || threadsPerWorker >= 1, Setting.THREADS_PER_WORKER + " must be >= 1 with "
                + workers + " workers, got " + threadsPerWorker);
    }

    public boolean parallel() {
        return workers > 1;
    }

    /** As {@link #resolve(int, int, int, long, WorkerLaunch)} on this machine: its cores and its physical memory. */
    public static Parallelism resolve(int requestedWorkers, int requestedThreads, WorkerLaunch launch) {
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return resolve(requestedWorkers, requestedThreads, Runtime.getRuntime().availableProcessors(), memory, launch);
    }

    /**
     * The settings a front end asked for, with 0 meaning "choose": workers default to one per core, fewer
     * when memory cannot hold that many ({@value #MEMORY_PER_WORKER} bytes each), and threads per worker to
     * the cores divided among the workers. On the 2-core, 24 GiB machines this project is measured on that
     * is 2 workers x 1 thread. A front end that starts no worker JVMs ({@code launch} null) chooses 1.
     */
    public static Parallelism resolve(int requestedWorkers, int requestedThreads, int cores, long memoryBytes,
            WorkerLaunch launch) {
        Preconditions.check(requestedWorkers >= 0, Setting.WORKERS + " must be >= 0 (0: one per core), got "
                + requestedWorkers);
        Preconditions.check(requestedThreads >= 0, Setting.THREADS_PER_WORKER
                + " must be >= 0 (0: cores / workers), got " + requestedThreads);
        int workers = requestedWorkers > 0 ? requestedWorkers : launch == null ? 1 : automatic(cores, memoryBytes);
        if (workers == 1) {
            // Serial runs share this JVM's native threads, fixed when it started: a thread count asked of them
            // would be ignored, and the thread count is part of a run's arithmetic.
            Preconditions.check(requestedThreads == 0, Setting.THREADS_PER_WORKER + " (" + requestedThreads
                    + ") applies to worker JVMs, but 1 worker runs every run in this JVM at its own OMP_NUM_THREADS;"
                    + " set OMP_NUM_THREADS=" + requestedThreads + " for this JVM and leave it at 0, or ask for 2 or"
                    + " more workers");
            return SERIAL;
        }
        int threads = requestedThreads > 0 ? requestedThreads : Math.max(1, cores / workers);
        return new Parallelism(workers, threads, launch);
    }

    /** One worker per core, as many as memory holds, at least one. */
    static int automatic(int cores, long memoryBytes) {
        long byMemory = Math.max(1, memoryBytes / MEMORY_PER_WORKER);
        return (int) Math.max(1, Math.min(cores, byMemory));
    }

    @Override
    public String toString() {
        return parallel() ? workers + " worker JVMs x " + threadsPerWorker + " thread(s)" : "serial, in this process";
    }
}
