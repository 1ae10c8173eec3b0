package org.vaerepro.spark;

import java.io.Serializable;

/**
 * What a task returns to the driver: the run, the attempt that finished it (0 for the first), the
 * executor host, and its headline metrics (the full record is the run's metrics.json on the shared output).
 */
public record RunOutcome(String run, int attempt, String host, double psnr, double lpips, double ssim)
        implements Serializable {
}
