package org.vaerepro.experiment;

/**
 * How far a measurement may sit from a published value and still "match" it, declared per suite
 * ({@code "margins": {"psnr": 0.5, "lpips": 0.02}}, these being the defaults): PSNR in dB, LPIPS in its units.
 */
public record PublishedMargins(double psnr, double lpips) {
    public static final PublishedMargins DEFAULT = new PublishedMargins(0.5, 0.02);

    public PublishedMargins {
        if (!(psnr >= 0) || !(lpips >= 0) || Double.isInfinite(psnr) || Double.isInfinite(lpips)) {
            throw new IllegalArgumentException("margins must be finite and >= 0, got psnr " + psnr + ", lpips " + lpips);
        }
    }
}
