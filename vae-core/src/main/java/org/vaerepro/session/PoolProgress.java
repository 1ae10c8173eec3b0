package org.vaerepro.session;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.vaerepro.experiment.Run;

/**
 * The workers' summary line: runs done / running / left, elapsed time and an ETA. The ETA scales the
 * elapsed time by the cost still to do over the cost done ({@link RunCost}), so it is unknown until the
 * first run with a cost has finished, and it assumes the workers stay as busy as they were.
 */
final class PoolProgress {
    private final int total;
    private final double totalCost;
    private final Map<Run, Double> costs;
    private final long startNanos;
    private int done;
    private int running;
    private double doneCost;

    PoolProgress(Map<Run, Double> costs, long startNanos) {
        this.costs = new HashMap<>(costs);
        this.total = costs.size();
        this.totalCost = costs.values().stream().mapToDouble(Double::doubleValue).sum();
        this.startNanos = startNanos;
    }

    synchronized void started() {
        running++;
    }

    /** A run that stopped without finishing (its worker died) and waits in the queue again. */
    synchronized void requeued() {
        running--;
    }

    /** Records a finished run (succeeded or failed) and returns the summary line as of {@code nowNanos}. */
    synchronized String finished(Run run, long nowNanos) {
        running--;
        done++;
        doneCost += costs.getOrDefault(run, 0.0);
        Duration elapsed = Duration.ofNanos(nowNanos - startNanos);
        String eta = doneCost > 0 && done < total
                ? ", about " + format(Duration.ofNanos((long) ((nowNanos - startNanos) * (totalCost - doneCost) / doneCost)))
                        + " left"
                : "";
        return "runs: " + done + "/" + total + " done, " + running + " running, " + (total - done - running) + " left; "
                + format(elapsed) + " elapsed" + eta;
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
