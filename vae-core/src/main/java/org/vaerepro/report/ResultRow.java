package org.vaerepro.report;

/**
 * One experiment as the results page shows it. Measured fields are null when the experiment has not
 * been run; reported fields are null when no publication value exists.
 */
public record ResultRow(String id, int latentDim, String status, Double psnr, Double lpips, Double ssim, Double knn,
        Integer activeUnits, Double reportedPsnr, Double reportedLpips, String reportedSource, Double psnrDelta,
        Double lpipsDelta, Boolean pass, String reconstructionImage, String latentImage, String samplesImage,
        String lpipsSmallImages, Double trainSeconds) {
}
