package org.vaerepro.peers.onednn;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS;

import java.util.Arrays;
import java.util.Locale;
import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.deconvolution_forward;
import org.bytedeco.dnnl.engine;
import org.bytedeco.dnnl.global.dnnl.algorithm;
import org.bytedeco.dnnl.global.dnnl.prop_kind;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.reorder;
import org.bytedeco.dnnl.stream;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.LongPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.DeConv2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.DeConv2DConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The CIFAR-10 decoder's three transposed convolutions (batch 128, stride 2, padding 1, 4x4 kernels: 128→64 channels at
 * 4x4, 64→32 at 8x8, 32→3 at 16x16) through libnd4j's deconv2d (its oneDNN 2.3.0 helper, as the project's replays run
 * them, without bias) and through oneDNN 2.5.2 called directly by JavaCPP's presets (org.bytedeco:dnnl:2.5.2-1.5.7, the
 * last release built on ND4J 1.0.0-M2.1's JavaCPP 1.5.7): NCHW in and out, the weights reordered once, the input and
 * output reordered to and from the kernel's blocked layout on every call, as the helper does. The two run alternately,
 * call by call, so a shared machine's load falls on both; printed per problem: minimum and median of each, their median
 * paired ratio, the implementation oneDNN chose, and how many output values differ in their bits.
 * Usage: {@code DeconvolutionProbe <pairs>}; threads from OMP_NUM_THREADS.
 */
public final class DeconvolutionProbe {
    /** mb, input channels, output channels, input side, kernel. */
    private static final int[][] PROBLEMS = {{128, 128, 64, 4, 4}, {128, 64, 32, 8, 4}, {128, 32, 3, 16, 4}};

    private DeconvolutionProbe() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: DeconvolutionProbe <pairs>");
        }
        int pairs = Integer.parseInt(args[0]);
        engine cpu = new engine(engine.kind.cpu, 0);
        stream stream = new stream(cpu);
        System.out.printf(Locale.ROOT, "# deconv2d: libnd4j (oneDNN 2.3.0 helper) against oneDNN 2.5.2 via JavaCPP, %d "
                + "alternating pairs, %s threads%n", pairs, System.getenv().getOrDefault("OMP_NUM_THREADS", "?"));
        System.out.println("problem\tnd4j_min_ms\tnd4j_median_ms\tonednn_min_ms\tonednn_median_ms\texec_min_ms\t"
                + "median_ratio_onednn_nd4j\timplementation\tdiffering_values");
        for (int[] p : PROBLEMS) {
            int mb = p[0], ic = p[1], oc = p[2], ih = p[3], k = p[4], oh = 2 * ih;
            Nd4j.getRandom().setSeed(7);
            INDArray x = Nd4j.rand(DataType.FLOAT, mb, ic, ih, ih).subi(0.5);
            INDArray w = Nd4j.rand(DataType.FLOAT, k, k, oc, ic).subi(0.5); // deconv2d's [kH, kW, oC, iC]
            INDArray viaNd4j = Nd4j.createUninitialized(DataType.FLOAT, mb, oc, oh, oh);
            INDArray viaOneDnn = Nd4j.createUninitialized(DataType.FLOAT, mb, oc, oh, oh);
            DeConv2DConfig config = DeConv2DConfig.builder().kH(k).kW(k).sH(2).sW(2).pH(1).pW(1).dataFormat("NCHW")
                    .isSameMode(false).build();

            // oneDNN's deconvolution weights are [oC, iC, kH, kW].
            INDArray oihw = w.permute(2, 3, 0, 1).dup('c');
            memory.desc anySrc = desc(memory.format_tag.any, mb, ic, ih, ih);
            memory.desc anyWeights = desc(memory.format_tag.any, oc, ic, k, k);
            memory.desc anyDst = desc(memory.format_tag.any, mb, oc, oh, oh);
            deconvolution_forward.primitive_desc pd = new deconvolution_forward.primitive_desc(
                    new deconvolution_forward.desc(prop_kind.forward_inference, algorithm.deconvolution_direct, anySrc,
                            anyWeights, new memory.desc(), anyDst, new long[] {2, 2}, new long[] {1, 1},
                            new long[] {1, 1}), cpu);
            memory src = new memory(desc(memory.format_tag.nchw, mb, ic, ih, ih), cpu,
                    new FloatPointer(x.data().addressPointer()));
            memory weights = new memory(desc(memory.format_tag.oihw, oc, ic, k, k), cpu,
                    new FloatPointer(oihw.data().addressPointer()));
            memory dst = new memory(desc(memory.format_tag.nchw, mb, oc, oh, oh), cpu,
                    new FloatPointer(viaOneDnn.data().addressPointer()));
            memory blockedSrc = new memory(pd.src_desc(), cpu);
            memory blockedWeights = new memory(pd.weights_desc(), cpu);
            memory blockedDst = new memory(pd.dst_desc(), cpu);
            new reorder(weights, blockedWeights).execute(stream, weights, blockedWeights);
            reorder toBlocked = new reorder(src, blockedSrc);
            reorder fromBlocked = new reorder(blockedDst, dst);
            deconvolution_forward deconvolution = new deconvolution_forward(pd);
            IntMemoryMap arguments = new IntMemoryMap();
            arguments.put(DNNL_ARG_SRC, blockedSrc);
            arguments.put(DNNL_ARG_WEIGHTS, blockedWeights);
            arguments.put(DNNL_ARG_DST, blockedDst);

            double[] nd4j = new double[pairs], oneDnn = new double[pairs], exec = new double[pairs];
            double[] ratio = new double[pairs];
            for (int r = 0; r < pairs; r++) {
                long t0 = System.nanoTime();
                Nd4j.exec(new DeConv2D(new INDArray[] {x, w}, new INDArray[] {viaNd4j}, config));
                long t1 = System.nanoTime();
                toBlocked.execute(stream, src, blockedSrc);
                long t2 = System.nanoTime();
                deconvolution.execute(stream, arguments);
                stream._wait();
                long t3 = System.nanoTime();
                fromBlocked.execute(stream, blockedDst, dst);
                stream._wait();
                long t4 = System.nanoTime();
                nd4j[r] = (t1 - t0) / 1e6;
                oneDnn[r] = (t4 - t1) / 1e6;
                exec[r] = (t3 - t2) / 1e6;
                ratio[r] = oneDnn[r] / nd4j[r];
            }
            float[] a = viaNd4j.data().asFloat();
            float[] b = viaOneDnn.data().asFloat();
            int differing = 0;
            for (int i = 0; i < a.length; i++) {
                differing += Float.floatToRawIntBits(a[i]) != Float.floatToRawIntBits(b[i]) ? 1 : 0;
            }
            Arrays.sort(nd4j);
            Arrays.sort(oneDnn);
            Arrays.sort(exec);
            Arrays.sort(ratio);
            System.out.printf(Locale.ROOT, "mb%d_ic%d_oc%d_ih%d_k%d\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%s\t%d of %d%n", mb,
                    ic, oc, ih, k, nd4j[0], nd4j[pairs / 2], oneDnn[0], oneDnn[pairs / 2], exec[0], ratio[pairs / 2],
                    pd.impl_info_str().getString(), differing, a.length);
        }
    }

    private static memory.desc desc(memory.format_tag tag, long... dims) {
        return new memory.desc(new LongPointer(dims), memory.data_type.f32, tag);
    }
}
