package org.vaerepro.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the workers and threads a front end asks for resolve, and the one combination that is refused. */
class ParallelismTest {
    private static final long MEMORY = 24L << 30;
    private static final WorkerLaunch LAUNCH = new WorkerLaunch(Path.of("java"), List.of(Path.of("classes")),
            List.of());

    @Test
    void oneWorkerRunsSeriallyAtThisJvmsThreads() {
        assertEquals(Parallelism.SERIAL, Parallelism.resolve(1, 0, 2, MEMORY, LAUNCH));
    }

    @Test
    void aThreadCountForTheSerialPathIsRefusedNotIgnored() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Parallelism.resolve(1, 1, 2, MEMORY, LAUNCH));
        assertTrue(e.getMessage().contains("'threadsPerWorker' (1)") && e.getMessage().contains("OMP_NUM_THREADS=1"),
                e.getMessage());
    }

    @Test
    void workersGetTheThreadsAskedForOrTheCoresDividedAmongThem() {
        assertEquals(1, Parallelism.resolve(2, 1, 2, MEMORY, LAUNCH).threadsPerWorker());
        assertEquals(2, Parallelism.resolve(2, 0, 4, MEMORY, LAUNCH).threadsPerWorker());
        assertEquals(2, Parallelism.resolve(0, 0, 2, MEMORY, LAUNCH).workers());
    }

    @Test
    void aFrontEndThatStartsNoWorkersChoosesOneAndRefusesMore() {
        assertEquals(Parallelism.SERIAL, Parallelism.resolve(0, 0, 8, MEMORY, null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Parallelism.resolve(2, 1, 8, MEMORY, null));
        assertTrue(e.getMessage().startsWith("setting 'workers' is 2, but this front end starts no worker JVMs"),
                e.getMessage());
    }
}
