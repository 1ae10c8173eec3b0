package org.vaerepro.metrics;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * PSNR for images in [0,1] (data range 1), streamed over batches. Two numbers: the mean of per-image
 * PSNR, 10·log10(1/MSE_i) (the headline, as torchmetrics/skimage users compute it per image), and the
 * pooled PSNR from the dataset-wide MSE. A perfect image's MSE is floored at 1e-10 (100 dB) so one
 * exact copy cannot make the mean infinite.
 */
public final class PsnrAccumulator {
    static final double MIN_MSE = 1e-10;
    private double psnrSum;
    private double squaredErrorSum;
    private long pixels;
    private long images;

    public void add(INDArray originals, INDArray reconstructions) {
        double[] squaredErrors = squaredErrors(originals, reconstructions);
        long perImagePixels = originals.length() / squaredErrors.length;
        for (double se : squaredErrors) {
            squaredErrorSum += se;
            psnrSum += psnr(se / perImagePixels);
        }
        pixels += originals.length();
        images += squaredErrors.length;
    }

    /** Each image's PSNR, in dB, in the batch's order. */
    public static double[] perImage(INDArray originals, INDArray reconstructions) {
        double[] squaredErrors = squaredErrors(originals, reconstructions);
        long perImagePixels = originals.length() / squaredErrors.length;
        double[] psnr = new double[squaredErrors.length];
        for (int i = 0; i < psnr.length; i++) {
            psnr[i] = psnr(squaredErrors[i] / perImagePixels);
        }
        return psnr;
    }

    /** Each image's summed squared error, in double precision. */
    private static double[] squaredErrors(INDArray originals, INDArray reconstructions) {
        if (!java.util.Arrays.equals(originals.shape(), reconstructions.shape())) {
            throw new IllegalArgumentException("shapes differ: " + java.util.Arrays.toString(originals.shape()) + " vs "
                    + java.util.Arrays.toString(reconstructions.shape()));
        }
        long n = originals.size(0);
        INDArray diff = originals.castTo(DataType.DOUBLE).sub(reconstructions.castTo(DataType.DOUBLE));
        return diff.muli(diff).reshape(n, -1).sum(1).toDoubleVector();
    }

    static double psnr(double mse) {
        return 10 * Math.log10(1.0 / Math.max(mse, MIN_MSE));
    }

    public long images() {
        return images;
    }

    /** Mean over images of per-image PSNR, in dB. */
    public double meanPsnr() {
        return psnrSum / images;
    }

    /** PSNR of the MSE over all pixels of all images, in dB. */
    public double pooledPsnr() {
        return psnr(mse());
    }

    public double mse() {
        return squaredErrorSum / pixels;
    }
}
