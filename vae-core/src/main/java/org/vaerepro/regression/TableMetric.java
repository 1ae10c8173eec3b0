package org.vaerepro.regression;

import java.util.Locale;

/**
 * The two metrics a published table reports, with the direction that is better and how many decimals a page gives
 * them: every verdict, claim step and comparison asks its direction here.
 */
public enum TableMetric {
    PSNR(true, "%.3f"),
    LPIPS(false, "%.4f");

    private final boolean higherIsBetter;
    private final String format;

    TableMetric(boolean higherIsBetter, String format) {
        this.higherIsBetter = higherIsBetter;
        this.format = format;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The {@link String#format} pattern of a value of this metric: "%.3f" for PSNR, "%.4f" for LPIPS. */
    public String format() {
        return format;
    }

    /** A value as pages print it: "13.392", "0.2471". */
    public String print(double value) {
        return String.format(Locale.ROOT, format, value);
    }

    /** "PSNR", "LPIPS". */
    @Override
    public String toString() {
        return name();
    }
}
