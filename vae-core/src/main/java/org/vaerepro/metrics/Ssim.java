package org.vaerepro.metrics;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * SSIM of Wang et al. (2004): Gaussian window 11x11, sigma 1.5, K1 0.01, K2 0.03, data range 1,
 * population (not sample) covariances, mean over the valid region (no padding), then over channels.
 * This equals scikit-image's {@code structural_similarity(gaussian_weights=True, sigma=1.5,
 * use_sample_covariance=False, data_range=1)}.
 */
public final class Ssim {
    static final int WINDOW = 11;
    static final double SIGMA = 1.5;
    static final double C1 = 0.01 * 0.01;
    static final double C2 = 0.03 * 0.03;
    private static final double[] KERNEL = gaussian();

    private Ssim() {
    }

    private static double[] gaussian() {
        double[] k = new double[WINDOW];
        double sum = 0;
        for (int i = 0; i < WINDOW; i++) {
            double x = i - WINDOW / 2;
            k[i] = Math.exp(-x * x / (2 * SIGMA * SIGMA));
            sum += k[i];
        }
        for (int i = 0; i < WINDOW; i++) {
            k[i] /= sum;
        }
        return k;
    }

    /** SSIM of each image pair in a batch [N, C, H, W] (mean over channels); H and W must be >= 11. */
    public static double[] perImage(INDArray a, INDArray b) {
        long[] shape = a.shape();
        if (!java.util.Arrays.equals(shape, b.shape()) || shape.length != 4) {
            throw new IllegalArgumentException("SSIM needs two [N,C,H,W] batches of one shape");
        }
        int n = (int) shape[0];
        int c = (int) shape[1];
        int h = (int) shape[2];
        int w = (int) shape[3];
        if (h < WINDOW || w < WINDOW) {
            throw new IllegalArgumentException("SSIM needs images of at least 11x11, got " + h + "x" + w);
        }
        double[] x = a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[] y = b.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[] result = new double[n];
        int plane = h * w;
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int ch = 0; ch < c; ch++) {
                sum += plane(x, y, (i * c + ch) * plane, h, w);
            }
            result[i] = sum / c;
        }
        return result;
    }

    /** Mean SSIM map of one channel plane starting at {@code offset}. */
    static double plane(double[] x, double[] y, int offset, int h, int w) {
        double[] xx = new double[h * w];
        double[] yy = new double[h * w];
        double[] xy = new double[h * w];
        double[] px = new double[h * w];
        double[] py = new double[h * w];
        for (int p = 0; p < h * w; p++) {
            double vx = x[offset + p];
            double vy = y[offset + p];
            px[p] = vx;
            py[p] = vy;
            xx[p] = vx * vx;
            yy[p] = vy * vy;
            xy[p] = vx * vy;
        }
        double[] mx = filter(px, h, w);
        double[] my = filter(py, h, w);
        double[] sxx = filter(xx, h, w);
        double[] syy = filter(yy, h, w);
        double[] sxy = filter(xy, h, w);
        double sum = 0;
        for (int p = 0; p < mx.length; p++) {
            double vx = sxx[p] - mx[p] * mx[p];
            double vy = syy[p] - my[p] * my[p];
            double cov = sxy[p] - mx[p] * my[p];
            sum += (2 * mx[p] * my[p] + C1) * (2 * cov + C2)
                    / ((mx[p] * mx[p] + my[p] * my[p] + C1) * (vx + vy + C2));
        }
        return sum / mx.length;
    }

    /** Separable Gaussian filter, valid region only: output (h-10) x (w-10). */
    private static double[] filter(double[] image, int h, int w) {
        int ow = w - WINDOW + 1;
        int oh = h - WINDOW + 1;
        double[] rows = new double[h * ow];
        for (int r = 0; r < h; r++) {
            for (int col = 0; col < ow; col++) {
                double s = 0;
                for (int k = 0; k < WINDOW; k++) {
                    s += KERNEL[k] * image[r * w + col + k];
                }
                rows[r * ow + col] = s;
            }
        }
        double[] out = new double[oh * ow];
        for (int r = 0; r < oh; r++) {
            for (int col = 0; col < ow; col++) {
                double s = 0;
                for (int k = 0; k < WINDOW; k++) {
                    s += KERNEL[k] * rows[(r + k) * ow + col];
                }
                out[r * ow + col] = s;
            }
        }
        return out;
    }
}
