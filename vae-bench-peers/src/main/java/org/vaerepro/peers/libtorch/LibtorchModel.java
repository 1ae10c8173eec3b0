package org.vaerepro.peers.libtorch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One configuration's model on libtorch, written as the Python peer (throughput_peer.py) writes it in PyTorch: the
 * same layers, parameters ({@link PeerParameters}), initialisation bounds, loss and inference path. Functional DJL
 * (Conv2d.conv2d, Linear.linear, Activation) on parameters this class owns, so every op is libtorch's own; the
 * transposed convolutions go through a one-op TorchScript module (DJL 0.36 has none of its own), with these
 * parameters as its inputs, so autograd reaches them. Not thread-safe.
 */
final class LibtorchModel implements AutoCloseable {
    private static final Shape STRIDE_2 = new Shape(2, 2);
    private static final Shape PAD_1 = new Shape(1, 1);
    private static final Shape STRIDE_1 = new Shape(1, 1);

    private final PeerParameters plan;
    private final NDManager manager;
    private final Map<String, NDArray> parameters = new LinkedHashMap<>();
    private final Block convTranspose;
    private final ParameterStore store;

    /**
     * Parameters drawn from U(-1/sqrt(fanIn), 1/sqrt(fanIn)) (PyTorch's default for these layers) with libtorch's
     * generator, which the caller seeds; {@code convTranspose} is the TorchScript module
     * (src/bench/python/conv_transpose_module.py).
     */
    LibtorchModel(PeerParameters plan, NDManager parent, Block convTranspose) {
        this.plan = plan;
        this.manager = parent.newSubManager();
        this.convTranspose = convTranspose;
        this.store = new ParameterStore(manager, false);
        plan.shapes().forEach((name, shape) -> {
            float bound = (float) (1.0 / Math.sqrt(shape.fanIn()));
            NDArray p = manager.randomUniform(-bound, bound, new Shape(shape.dims()));
            p.setRequiresGradient(true);
            parameters.put(name, p);
        });
    }

    PeerParameters plan() {
        return plan;
    }

    /** The live parameters by name, in {@link PeerParameters#shapes()}'s order. */
    Map<String, NDArray> parameters() {
        return Collections.unmodifiableMap(parameters);
    }

    /** The training objective of a batch: summed BCE per image, averaged, plus the KL term for the VAEs. */
    NDArray loss(NDArray x, NDArray eps) {
        NDArray features = encode(x);
        NDArray mean = linear(features, "mean");
        NDArray z = mean;
        NDArray kl = null;
        if (plan.variational()) {
            NDArray logVar = linear(features, "logVariance");
            z = mean.add(logVar.mul(0.5f).exp().mul(eps));
            kl = logVar.add(1f).sub(mean.mul(mean)).sub(logVar.exp()).sum(new int[] {1}).mul(-0.5f).mean();
        }
        NDArray logits = decodeLogits(z, true);
        // BCE(x, sigmoid(l)) = softplus(l) - x*l, libtorch's stable softplus.
        NDArray reconstruction = Activation.softPlus(logits).sub(x.mul(logits)).sum().div(x.getShape().get(0));
        return kl == null ? reconstruction : reconstruction.add(kl);
    }

    /** Reconstructions in [0, 1], decoding the posterior mean; call outside a gradient collector. */
    NDArray reconstruct(NDArray x) {
        return Activation.sigmoid(decodeLogits(linear(encode(x), "mean"), false));
    }

    private NDArray encode(NDArray x) {
        NDArray h = x;
        for (int i = 0; i < 3; i++) {
            h = Activation.relu(Conv2d.conv2d(h, parameters.get("encoder" + i + "_W"), parameters.get("encoder" + i + "_b"),
                    STRIDE_2, PAD_1).singletonOrThrow());
        }
        return h.reshape(-1, PeerParameters.FLAT);
    }

    private NDArray decodeLogits(NDArray z, boolean training) {
        NDArray h = Activation.relu(linear(z, "decoderDense")).reshape(-1, PeerParameters.CHANNELS[2], 4, 4);
        for (int i = 0; i < 3; i++) {
            NDArray w = parameters.get("decoder" + i + "_W");
            NDArray b = parameters.get("decoder" + i + "_b");
            if (plan.upsampling()) {
                int side = plan.decoderSide(i);
                // Nearest-neighbour resize to the layer's side, as F.interpolate(mode="nearest") (DJL's mode 0).
                h = h.getNDArrayInternal().interpolation(new long[] {side, side}, 0, false);
                h = Conv2d.conv2d(h, w, b, STRIDE_1, PAD_1).singletonOrThrow();
            } else {
                h = convTranspose.forward(store, new NDList(h, w, b), training).singletonOrThrow();
            }
            if (i < 2) {
                h = Activation.relu(h);
            }
        }
        return h;
    }

    private NDArray linear(NDArray x, String name) {
        return Linear.linear(x, parameters.get(name + "_W"), parameters.get(name + "_b")).singletonOrThrow();
    }

    @Override
    public void close() {
        manager.close();
    }
}
