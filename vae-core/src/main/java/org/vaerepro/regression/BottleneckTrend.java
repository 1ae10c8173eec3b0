package org.vaerepro.regression;

import java.util.List;
import java.util.Locale;

/**
 * Whether image quality improves with bottleneck size d across measured rows (sorted by d): PSNR
 * non-decreasing and LPIPS non-increasing. {@code comparable} is false with fewer than two measured
 * rows, where there is nothing to compare.
 */
public record BottleneckTrend(boolean comparable, boolean psnrNonDecreasing, boolean lpipsNonIncreasing,
        String description) {

    /** @param points (d, PSNR, LPIPS) of the measured rows, in increasing d */
    public static BottleneckTrend of(List<double[]> points) {
        if (points.size() < 2) {
            return new BottleneckTrend(false, false, false, "fewer than two measured bottleneck sizes");
        }
        boolean psnr = true;
        boolean lpips = true;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            double[] p = points.get(i);
            if (i > 0) {
                psnr &= p[1] >= points.get(i - 1)[1];
                lpips &= p[2] <= points.get(i - 1)[2];
                text.append(" → ");
            }
            text.append(String.format(Locale.ROOT, "d=%d: %.3f dB / %.4f", (int) p[0], p[1], p[2]));
        }
        return new BottleneckTrend(true, psnr, lpips, text.toString());
    }

    public boolean holds() {
        return comparable && psnrNonDecreasing && lpipsNonIncreasing;
    }
}
