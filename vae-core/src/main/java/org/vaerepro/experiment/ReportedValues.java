package org.vaerepro.experiment;

/** Numbers a publication reports for an experiment, with where they come from. */
public record ReportedValues(double psnr, double lpips, String source) {
}
