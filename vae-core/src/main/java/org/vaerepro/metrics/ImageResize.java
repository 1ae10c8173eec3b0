package org.vaerepro.metrics;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The ways of bringing small images up to LPIPS's input size: zero padding and PyTorch's {@code interpolate} modes
 * ({@link SmallImagePolicy.Resampling}), each computed as PyTorch's CPU kernel computes it in float.
 */
final class ImageResize {
    private ImageResize() {
    }

    /** Bilinear, half-pixel centres, edge-clamped: PyTorch {@code interpolate(mode="bilinear", align_corners=False)}. */
    static INDArray bilinear(INDArray x, int outH, int outW) {
        int n = (int) x.size(0);
        int c = (int) x.size(1);
        int inH = (int) x.size(2);
        int inW = (int) x.size(3);
        float[] src = x.castTo(DataType.FLOAT).dup('c').data().asFloat();
        float[] dst = new float[n * c * outH * outW];
        int[] y0 = new int[outH];
        int[] y1 = new int[outH];
        float[] fy = new float[outH];
        axis(inH, outH, y0, y1, fy);
        int[] x0 = new int[outW];
        int[] x1 = new int[outW];
        float[] fx = new float[outW];
        axis(inW, outW, x0, x1, fx);
        for (int p = 0; p < n * c; p++) {
            int s = p * inH * inW;
            int d = p * outH * outW;
            for (int i = 0; i < outH; i++) {
                for (int j = 0; j < outW; j++) {
                    float top = src[s + y0[i] * inW + x0[j]] * (1 - fx[j]) + src[s + y0[i] * inW + x1[j]] * fx[j];
                    float bottom = src[s + y1[i] * inW + x0[j]] * (1 - fx[j]) + src[s + y1[i] * inW + x1[j]] * fx[j];
                    dst[d + i * outW + j] = top * (1 - fy[i]) + bottom * fy[i];
                }
            }
        }
        return Nd4j.create(dst, new long[] {n, c, outH, outW}, DataType.FLOAT);
    }

    /** {@code x} resized to outH x outW by {@code mode}. */
    static INDArray resample(INDArray x, SmallImagePolicy.Resampling mode, int outH, int outW) {
        int inH = (int) x.size(2);
        int inW = (int) x.size(3);
        return switch (mode) {
            case BILINEAR -> bilinear(x, outH, outW);
            case NEAREST -> separable(x, nearest(inH, outH), nearest(inW, outW));
            case BICUBIC -> separable(x, bicubic(inH, outH), bicubic(inW, outW));
            case BICUBIC_ANTIALIASED -> separable(x, bicubicAntialiased(inH, outH), bicubicAntialiased(inW, outW));
        };
    }

    /** Per output position along one axis: the source indices it reads and their weights. */
    private record Taps(int[][] index, float[][] weight) {
    }

    /** PyTorch's {@code nearest}: source floor(o * in/out), the scale and product in float. */
    private static Taps nearest(int in, int out) {
        float scale = (float) in / out;
        int[][] index = new int[out][];
        float[][] weight = new float[out][];
        for (int o = 0; o < out; o++) {
            index[o] = new int[] {Math.min((int) Math.floor(o * scale), in - 1)};
            weight[o] = new float[] {1f};
        }
        return new Taps(index, weight);
    }

    /**
     * PyTorch's {@code bicubic}, align_corners=False: four taps around scale·(o + 0.5) - 0.5 (not clamped, unlike
     * bilinear's), indices clamped to the image, Keys' cubic convolution with a = -0.75.
     */
    private static Taps bicubic(int in, int out) {
        float scale = (float) in / out;
        int[][] index = new int[out][4];
        float[][] weight = new float[out][];
        for (int o = 0; o < out; o++) {
            float real = scale * (o + 0.5f) - 0.5f;
            int lower = (int) Math.floor(real);
            float t = real - lower;
            for (int k = 0; k < 4; k++) {
                index[o][k] = Math.min(Math.max(lower - 1 + k, 0), in - 1);
            }
            float a = -0.75f;
            weight[o] = new float[] {cubicOuter(t + 1, a), cubicInner(t, a), cubicInner(1 - t, a),
                cubicOuter(2 - t, a)};
        }
        return new Taps(index, weight);
    }

    private static float cubicInner(float x, float a) {
        return ((a + 2) * x - (a + 3)) * x * x + 1;
    }

    private static float cubicOuter(float x, float a) {
        return ((a * x - 5 * a) * x + 8 * a) * x - 4 * a;
    }

    /**
     * PyTorch's {@code bicubic} with antialias=True (PIL's resampling filter): the taps within the filter's support
     * around scale·(o + 0.5), the support widened by the scale when shrinking, weights from the cubic with a = -0.5
     * normalised to sum to 1. When enlarging, as here, the support is 2 source pixels.
     */
    private static Taps bicubicAntialiased(int in, int out) {
        double scale = (double) in / out;
        double support = scale >= 1 ? 2 * scale : 2;
        double invScale = scale >= 1 ? 1 / scale : 1;
        int[][] index = new int[out][];
        float[][] weight = new float[out][];
        for (int o = 0; o < out; o++) {
            double centre = scale * (o + 0.5);
            int min = Math.max((int) (centre - support + 0.5), 0);
            int size = Math.min((int) (centre + support + 0.5), in) - min;
            double[] w = new double[size];
            double total = 0;
            for (int j = 0; j < size; j++) {
                w[j] = antialiasCubic((j + min - centre + 0.5) * invScale);
                total += w[j];
            }
            index[o] = new int[size];
            weight[o] = new float[size];
            for (int j = 0; j < size; j++) {
                index[o][j] = min + j;
                weight[o][j] = (float) (w[j] / total);
            }
        }
        return new Taps(index, weight);
    }

    private static double antialiasCubic(double x) {
        double a = -0.5;
        double d = Math.abs(x);
        if (d < 1) {
            return ((a + 2) * d - (a + 3)) * d * d + 1;
        }
        return d < 2 ? (((d - 5) * d + 8) * d - 4) * a : 0;
    }

    /** Rows then columns: each output row is a weighted sum of source rows, each already resampled along x. */
    private static INDArray separable(INDArray x, Taps rows, Taps columns) {
        int n = (int) x.size(0);
        int c = (int) x.size(1);
        int inH = (int) x.size(2);
        int inW = (int) x.size(3);
        int outH = rows.index().length;
        int outW = columns.index().length;
        float[] src = x.castTo(DataType.FLOAT).dup('c').data().asFloat();
        float[] dst = new float[n * c * outH * outW];
        float[] across = new float[inH * outW];
        for (int p = 0; p < n * c; p++) {
            int s = p * inH * inW;
            for (int i = 0; i < inH; i++) {
                for (int j = 0; j < outW; j++) {
                    float sum = 0;
                    int[] taps = columns.index()[j];
                    for (int k = 0; k < taps.length; k++) {
                        sum += src[s + i * inW + taps[k]] * columns.weight()[j][k];
                    }
                    across[i * outW + j] = sum;
                }
            }
            int d = p * outH * outW;
            for (int i = 0; i < outH; i++) {
                int[] taps = rows.index()[i];
                for (int j = 0; j < outW; j++) {
                    float sum = 0;
                    for (int k = 0; k < taps.length; k++) {
                        sum += across[taps[k] * outW + j] * rows.weight()[i][k];
                    }
                    dst[d + i * outW + j] = sum;
                }
            }
        }
        return Nd4j.create(dst, new long[] {n, c, outH, outW}, DataType.FLOAT);
    }

    private static void axis(int in, int out, int[] i0, int[] i1, float[] frac) {
        double scale = (double) in / out;
        for (int o = 0; o < out; o++) {
            double source = Math.max(0, (o + 0.5) * scale - 0.5);
            int lower = (int) Math.floor(source);
            i0[o] = Math.min(lower, in - 1);
            i1[o] = Math.min(lower + 1, in - 1);
            frac[o] = (float) (source - lower);
        }
    }

    /** Zero borders around the centred image. */
    static INDArray zeroPad(INDArray x, int outH, int outW) {
        int top = (int) (outH - x.size(2)) / 2;
        int left = (int) (outW - x.size(3)) / 2;
        INDArray out = Nd4j.zeros(DataType.FLOAT, x.size(0), x.size(1), outH, outW);
        out.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(top, top + x.size(2)),
                NDArrayIndex.interval(left, left + x.size(3))).assign(x);
        return out;
    }
}
