package org.vaerepro.session;

import java.nio.file.Path;
import org.vaerepro.experiment.RunLock;

/** A second process for {@link RunLockTest}: takes a run folder's lock, says so, and holds it until killed. */
public final class HoldsRunLock {
    private HoldsRunLock() {
    }

    public static void main(String[] args) throws InterruptedException {
        RunLock lock = RunLock.tryAcquire(Path.of(args[0])).orElseThrow(() -> new IllegalStateException("not free"));
        System.out.println("locked " + ProcessHandle.current().pid());
        System.out.flush();
        Thread.sleep(120_000);
        lock.close();
    }
}
