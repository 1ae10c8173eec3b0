package org.vaerepro.regression;

/** The recorded numbers of one experiment, and the data they were measured on. */
public record BaselineEntry(double psnr, double lpips, double ssim, String lpipsSmallImages, int testImages,
        String trainChecksum, String testChecksum) {
}
