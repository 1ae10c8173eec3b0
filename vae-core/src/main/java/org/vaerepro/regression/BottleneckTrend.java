package org.vaerepro.regression;

import java.util.List;
import java.util.Locale;

/**
 * How the measured values move with the bottleneck size d (means over seeds, or single runs), for a column the
 * claim cannot be tested on: a description, never a verdict. {@code comparable} is false with fewer than two
 * measured sizes.
 */
public record BottleneckTrend(boolean comparable, boolean psnrRises, boolean lpipsFalls, String values) {

    /** @param points (d, PSNR, LPIPS) of the measured sizes, in increasing d */
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

    /** "d=2: 13.365 dB / 0.1570 → d=10: 15.811 dB / 0.1030: PSNR rises with d everywhere, LPIPS falls with d everywhere". */
    public String describe() {
        if (!comparable) {
            return values;
        }
        return values + ": PSNR " + (psnrRises ? "rises with d everywhere" : "falls somewhere as d grows") + ", LPIPS "
                + (lpipsFalls ? "falls with d everywhere" : "rises somewhere as d grows");
    }
}
