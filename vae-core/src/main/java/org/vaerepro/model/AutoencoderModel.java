package org.vaerepro.model;

import static org.vaerepro.model.GraphNames.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A (variational) autoencoder of one {@link ModelConfig}: a SameDiff graph plus the API the rest of
 * the project uses. Not thread-safe: one model, one thread.
 */
public final class AutoencoderModel {
    private final ModelConfig config;
    private final SameDiff sd;
    private final DataType dataType;
    /** Replays of the gradient function, by batch size (an epoch's last batch is usually smaller). */
    private final Map<Long, ReplayedFunction> gradientReplays = new HashMap<>();
    /** Replays of the forward passes, by pass and batch size, least recently used first. */
    private final Map<Forward, ReplayedFunction> forwardReplays = new LinkedHashMap<>(16, 0.75f, true);
    /** Gradient variable of each parameter, by parameter name; fixed once the gradient function exists. */
    private Map<String, String> gradientNames;

    AutoencoderModel(ModelConfig config, SameDiff sd, DataType dataType) {
        this.config = config;
        this.sd = sd;
        this.dataType = dataType;
    }

    /** A freshly initialised float32 model; the seed alone decides the initial parameters. */
    public static AutoencoderModel create(ModelConfig config, long seed) {
        return create(config, seed, DataType.FLOAT);
    }

    /** As {@link #create(ModelConfig, long)} in a chosen precision (double for gradient checks). */
    public static AutoencoderModel create(ModelConfig config, long seed, DataType dataType) {
        return new AutoencoderModel(config, new GraphBuilder(config, dataType, seed).build(), dataType);
    }

    public ModelConfig config() {
        return config;
    }

    public DataType dataType() {
        return dataType;
    }

    /** The underlying graph, for the trainer and for serialisation. */
    public SameDiff sameDiff() {
        return sd;
    }

    /** Posterior mean (and log-variance for VAEs) of each image. */
    public LatentCode encode(INDArray images) {
        Map<String, INDArray> out = forward(Pass.ENCODE, Map.of(INPUT, checkedImages(images)));
        return new LatentCode(out.get(MEAN), config.architecture().variational() ? out.get(LOG_VARIANCE) : null);
    }

    /** Decoder output in [0,1] for latent codes [N, d]. */
    public INDArray decode(INDArray latent) {
        return forward(Pass.DECODE, Map.of(LATENT, checkedLatent(latent))).get(DECODED);
    }

    /**
     * The decoder's logits (before the sigmoid) for latent codes [N, d], as the likelihood bounds read them. The
     * array belongs to the model and is overwritten by the next call of this method.
     */
    public INDArray decodeLogits(INDArray latent) {
        return forward(Pass.DECODE_LOGITS, Map.of(LATENT, checkedLatent(latent))).get(GraphNames.DECODED_LOGITS);
    }

    private INDArray checkedLatent(INDArray latent) {
        if (latent.rank() != 2 || latent.size(1) != config.latentDim()) {
            throw new IllegalArgumentException("latent codes must be [N, " + config.latentDim() + "], got "
                    + java.util.Arrays.toString(latent.shape()));
        }
        return cast(latent);
    }

    /** Reconstruction of each image, decoding the posterior mean (no sampling) as is usual at evaluation. */
    public INDArray reconstruct(INDArray images) {
        return reconstruct(images, null);
    }

    /**
     * As {@link #reconstruct(INDArray)}, adding each op's wall time to {@code times} when it is not null (the
     * benchmarks' per-op profile; a pass that is recorded, the first of its batch size, is not timed).
     */
    public INDArray reconstruct(INDArray images, OpTimes times) {
        return forward(Pass.RECONSTRUCT, feed(images, null), times).get(RECONSTRUCTION);
    }

    /** {@code count} images decoded from z ~ N(0, I) drawn with {@code seed}. */
    public INDArray sample(int count, long seed) {
        return decode(GaussianNoise.sample(seed, 0, count, config.latentDim(), dataType));
    }

    /** Loss terms for a batch with the given noise (zeros: evaluate at the mean; null allowed for zeros). */
    public Map<String, Double> losses(INDArray images, INDArray eps) {
        Map<String, INDArray> out = forward(Pass.LOSSES, feed(images, eps));
        Map<String, Double> values = new HashMap<>();
        out.forEach((k, v) -> values.put(k, v.getDouble(0)));
        return values;
    }

    /** What a forward replay computes from its feed; the losses' scalars are read at once, so they stay the replay's. */
    private enum Pass {
        RECONSTRUCT(true), ENCODE(true), DECODE(true), DECODE_LOGITS(false), LOSSES(false);

        final boolean handedOver;

        Pass(boolean handedOver) {
            this.handedOver = handedOver;
        }
    }

    private record Forward(Pass pass, long batch) {
    }

    /**
     * Replays kept per model: the evaluator's batch and its last, smaller one for each of the five passes, plus
     * the pictures' few sizes. Beyond that the least recently used goes; re-recording one costs a single
     * SameDiff execution, as every call did before replays.
     */
    private static final int MAX_FORWARD_REPLAYS = 14;

    /**
     * One forward pass, as SameDiff's {@code output} computes it: the first call of each pass and batch size runs
     * through SameDiff and is recorded, later ones replay the recording (the same ops on the same arrays, so the same
     * bits; see {@link ReplayedFunction}). The outputs of {@link Pass#handedOver} passes are new arrays every call.
     */
    private Map<String, INDArray> forward(Pass pass, Map<String, INDArray> feed) {
        return forward(pass, feed, null);
    }

    private Map<String, INDArray> forward(Pass pass, Map<String, INDArray> feed, OpTimes times) {
        Forward key = new Forward(pass, feed.values().iterator().next().size(0));
        ReplayedFunction replay = forwardReplays.get(key);
        if (replay != null) {
            return replay.run(feed, times);
        }
        ReplayedFunction.Recording recording = ReplayedFunction.record(sd, feed, outputs(pass), pass.handedOver,
                false);
        forwardReplays.put(key, recording.replay());
        if (forwardReplays.size() > MAX_FORWARD_REPLAYS) {
            forwardReplays.remove(forwardReplays.keySet().iterator().next());
        }
        return recording.outputs();
    }

    private List<String> outputs(Pass pass) {
        boolean variational = config.architecture().variational();
        return switch (pass) {
            case RECONSTRUCT -> List.of(RECONSTRUCTION);
            case ENCODE -> variational ? List.of(MEAN, LOG_VARIANCE) : List.of(MEAN);
            case DECODE -> List.of(DECODED);
            case DECODE_LOGITS -> List.of(GraphNames.DECODED_LOGITS);
            case LOSSES -> lossNames();
        };
    }

    /** Placeholder values for a forward pass: the images and, for VAEs, the noise (zeros when null). */
    public Map<String, INDArray> feed(INDArray images, INDArray eps) {
        INDArray x = checkedImages(images);
        Map<String, INDArray> feed = new HashMap<>();
        feed.put(INPUT, x);
        if (config.architecture().variational()) {
            feed.put(EPS, eps == null ? Nd4j.zeros(dataType, x.size(0), config.latentDim()) : cast(eps));
        }
        return feed;
    }

    /**
     * Loss terms and the gradient of every parameter for one training batch with noise {@code eps} (null
     * for the autoencoder). The first batch of each size runs through SameDiff and is recorded; later ones
     * replay the recording (bit-identical, faster: see {@link ReplayedFunction}). The returned arrays
     * belong to the model and are overwritten by the next call.
     */
    public BatchGradients gradients(INDArray images, INDArray eps) {
        return gradients(images, eps, null);
    }

    /**
     * As {@link #gradients(INDArray, INDArray)}, adding the wall time of each op of a replayed pass to {@code times}
     * (nothing for the first batch of a size, which is recorded through SameDiff). Same results.
     */
    public BatchGradients gradients(INDArray images, INDArray eps, OpTimes times) {
        if (gradientNames == null) {
            prepareGradients();
            gradientNames = new java.util.LinkedHashMap<>();
            parameters().keySet().forEach(name -> gradientNames.put(name, sd.getVariable(name).getGradient().name()));
        }
        Map<String, INDArray> feed = feed(images, eps);
        long batch = images.size(0);
        ReplayedFunction replay = gradientReplays.get(batch);
        Map<String, INDArray> out;
        if (replay == null) {
            List<String> outputs = new ArrayList<>(lossNames());
            outputs.addAll(gradientNames.values());
            ReplayedFunction.Recording recording = ReplayedFunction.record(sd.getFunction("grad"), feed, outputs,
                    false, true);
            gradientReplays.put(batch, recording.replay());
            out = recording.outputs();
        } else {
            out = replay.run(feed, times);
        }
        Map<String, INDArray> gradients = new java.util.TreeMap<>();
        gradientNames.forEach((param, gradient) -> gradients.put(param, out.get(gradient)));
        boolean variational = config.architecture().variational();
        double reconstruction = out.get(RECONSTRUCTION_LOSS).getDouble(0);
        return new BatchGradients(reconstruction, weighted() ? out.get(WEIGHTED_RECONSTRUCTION).getDouble(0)
                : reconstruction, variational ? out.get(KL).getDouble(0) : 0,
                variational ? out.get(WEIGHTED_KL).getDouble(0) : 0, gradients);
    }

    /** Whether the objective's reconstruction term is an output of its own (not the per-image sum itself). */
    private boolean weighted() {
        return config.reconstructionReduction() != ReconstructionReduction.SUM;
    }

    private List<String> lossNames() {
        List<String> names = new ArrayList<>(List.of(RECONSTRUCTION_LOSS));
        if (weighted()) {
            names.add(WEIGHTED_RECONSTRUCTION);
        }
        if (config.architecture().variational()) {
            names.addAll(List.of(KL, WEIGHTED_KL));
        }
        return List.copyOf(names);
    }

    /** Trainable parameters by name (views of the live arrays). */
    public Map<String, INDArray> parameters() {
        Map<String, INDArray> params = new java.util.TreeMap<>();
        sd.variables().stream().filter(v -> v.getVariableType() == org.nd4j.autodiff.samediff.VariableType.VARIABLE)
                .forEach(v -> params.put(v.name(), v.getArr()));
        return params;
    }

    /**
     * Builds the gradient graph once. SameDiff prints a line per differentiated op to stdout while
     * doing so; that noise is swallowed here so users see only progress lines.
     */
    public synchronized void prepareGradients() {
        if (sd.getFunction("grad") != null) {
            return;
        }
        java.io.PrintStream original = System.out;
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        try {
            sd.createGradFunction();
        } finally {
            System.setOut(original);
        }
    }

    private INDArray checkedImages(INDArray images) {
        INDArray x = cast(images);
        if (x.rank() != 4 || x.size(1) != config.input().channels() || x.size(2) != config.input().height()
                || x.size(3) != config.input().width()) {
            throw new IllegalArgumentException("images must be [N, " + config.input() + "] for this model, got "
                    + java.util.Arrays.toString(x.shape()));
        }
        return x;
    }

    private INDArray cast(INDArray array) {
        return array.dataType() == dataType ? array : array.castTo(dataType);
    }
}
