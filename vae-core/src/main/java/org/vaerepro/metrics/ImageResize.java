package org.vaerepro.metrics;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The two ways of bringing small images up to LPIPS's input size. */
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
