package org.vaerepro.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.ReduceOp;
import org.nd4j.linalg.api.ops.ScalarOp;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarAdd;
import org.nd4j.linalg.api.ops.impl.shape.CreateView;
import org.nd4j.linalg.api.ops.impl.shape.Reshape;
import org.nd4j.linalg.api.ops.impl.shape.ZerosLike;
import org.nd4j.linalg.api.ops.impl.shape.tensorops.BaseTensorOp;
import org.nd4j.linalg.api.ops.impl.transforms.Assert;
import org.nd4j.linalg.api.ops.impl.transforms.custom.Assign;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.bp.MulBpOp;
import org.nd4j.linalg.api.ops.impl.transforms.same.Identity;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One SameDiff function run as its inference session runs it (the same op objects, arguments, inputs
 * and order, hence bit-identical results), minus the session: the op sequence is recorded once from a
 * real execution, output arrays are allocated once and reused between ops whose lifetimes do not
 * overlap, and each call only executes the ops.
 *
 * <p>Why: at one thread the session's per-op bookkeeping (dependency tracking, shape inference, array
 * cache) cost 20-33 ms of a 155-175 ms MNIST VAE training step, and the arrays it allocates each step are
 * what forces a collection every few steps (NativeMemoryReclaimer). Replayed, the step is the sum of its
 * ops. The shapes are fixed at recording, so a replay serves one input shape (one batch size).
 *
 * <p>Three things a replay does differently from the session without changing a value: a reshape of a contiguous
 * array is a view rather than a copy; in a function that is not differentiated (inference) each ReLU written
 * as x·step(x) is one pass over its input, in place where nothing reads that input afterwards ({@link #fuseRelu});
 * and a transposed convolution's bias is added by an op of its own ({@link #splitDeconvolutionBias}). At one
 * thread the first two took an MNIST VAE reconstruction from 30.7 to 27.9 ms (sums of per-op minima, batch 128);
 * docs/benchmarks.md measures the third.
 *
 * <p>Only plain ops are supported (custom ops, legacy ops with constant scalars and axes, identity);
 * control flow and tensor-array ops fail at recording. Results are valid until the next {@link #run}.
 */
final class ReplayedFunction {
    /** ALIAS: the output is the input (identity); VIEW: the output is the input in another shape (reshape). */
    private enum Kind { CUSTOM, LEGACY, ALIAS, VIEW }

    /** Type, order and shape of an op output, as recorded. */
    private record Template(DataType type, char order, long[] shape) {
        Template(INDArray recorded) {
            this(recorded.dataType(), recorded.ordering(), recorded.shape());
        }

        INDArray allocate() {
            return Nd4j.createUninitializedDetached(type, order, shape);
        }

        String key() {
            return type + Arrays.toString(shape) + order;
        }
    }

    /** {@code elementwise}: output i depends on input i alone, so the op may write over its input. */
    private record Step(DifferentialFunction op, Kind kind, String[] inputs, String[] outputs, Template[] templates,
            OpContext context, boolean elementwise) {
        boolean computes() {
            return kind == Kind.CUSTOM || kind == Kind.LEGACY;
        }
    }

    private final SameDiff function;
    private final List<Step> steps;
    /** Names resolved from the function (variables, constants) or the feed on every run. */
    private final Set<String> external;
    private final List<String> outputs;
    /** With fresh outputs: the requested outputs, whose arrays every run allocates anew; else empty. */
    private final Map<String, Template> freshArrays;
    private final Map<String, INDArray> values = new HashMap<>();
    /** Per step, the array a view was last made of and that view: making a view costs more than the copy it saves. */
    private final INDArray[] viewedArrays;
    private final INDArray[] views;

    /** {@code owned}: the arrays this replay allocated, by variable name (an alias maps to its source's array). */
    private ReplayedFunction(SameDiff function, List<Step> steps, Map<String, INDArray> owned, Set<String> external,
            List<String> outputs, Map<String, Template> freshArrays) {
        this.function = function;
        this.steps = steps;
        this.external = external;
        this.outputs = outputs;
        this.freshArrays = freshArrays;
        this.viewedArrays = new INDArray[steps.size()];
        this.views = new INDArray[steps.size()];
        // Owned arrays never change; aliases and external names are set again by every run before they are read.
        values.putAll(owned);
    }

    /** A recording of {@code function} computing {@code outputs} from {@code feed}, and that execution's outputs. */
    record Recording(ReplayedFunction replay, Map<String, INDArray> outputs) {
    }

    /**
     * Records {@code function} computing {@code outputs} from {@code feed}. With {@code freshOutputs} every run
     * returns newly allocated output arrays that the caller keeps (as SameDiff's {@code output} does); without,
     * the outputs belong to the replay and the next run overwrites them. A {@code gradient} function (one that
     * backpropagates) has its ReLU backward ops simplified ({@link #simplifyReluBackward}); any other has each
     * ReLU's forward pass fused ({@link #fuseRelu}), which would change what a backward pass reads.
     */
    static Recording record(SameDiff function, Map<String, INDArray> feed, List<String> outputs, boolean freshOutputs,
            boolean gradient) {
        List<SameDiffOp> ops = new ArrayList<>();
        List<Integer> inputCounts = new ArrayList<>();
        List<INDArray[]> results = new ArrayList<>();
        function.setListeners(new BaseListener() {
            @Override
            public boolean isActive(Operation operation) {
                return true;
            }

            @Override
            public void opExecution(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, OpContext context,
                    INDArray[] out) {
                ops.add(op);
                inputCounts.add(context.getInputArrays().size());
                results.add(out);
            }
        });
        Map<String, INDArray> recorded;
        try {
            recorded = function.output(feed, outputs);
        } finally {
            function.setListeners();
        }

        Set<String> external = new java.util.HashSet<>(feed.keySet());
        for (SDVariable v : function.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE || v.getVariableType() == VariableType.CONSTANT) {
                external.add(v.name());
            }
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            DifferentialFunction op = ops.get(i).getOp();
            String[] args = op.argNames();
            String[] inputs = Arrays.copyOf(args, inputCounts.get(i));
            String[] outs = ops.get(i).getOutputsOfOp().toArray(String[]::new);
            Template[] templates = Arrays.stream(results.get(i)).map(Template::new).toArray(Template[]::new);
            steps.add(new Step(op, kind(function, op, templates), inputs, outs, templates,
                    Nd4j.getExecutioner().buildContext(), false));
        }
        steps = splitDeconvolutionBias(steps);
        steps = gradient ? simplifyReluBackward(steps, Set.copyOf(outputs)) : fuseRelu(steps, Set.copyOf(outputs));
        Map<String, INDArray> owned = allocate(steps, external, Set.copyOf(outputs));
        dropSessions(function);
        Map<String, Template> fresh = new java.util.LinkedHashMap<>();
        if (freshOutputs) {
            for (String name : outputs) {
                // Only an output computed by an op of its own can be handed over; the graphs here have no other kind.
                Step producer = steps.stream().filter(s -> s.computes() && Arrays.asList(s.outputs()).contains(name))
                        .findFirst().orElseThrow(() -> new IllegalStateException("cannot hand over output " + name
                                + ": it is not an op's own output"));
                fresh.put(name, producer.templates()[Arrays.asList(producer.outputs()).indexOf(name)]);
            }
        }
        return new Recording(new ReplayedFunction(function, steps, owned, external, List.copyOf(outputs),
                Map.copyOf(fresh)), recorded);
    }

    /**
     * Drops SameDiff's inference sessions of {@code function} after a recording. A session keeps, until its next
     * execution, the op contexts and values of its last one and a cache of released arrays of up to a quarter of
     * JavaCPP's byte cap (ArrayCacheMemoryMgr); once a function is replayed, nothing executes it again, so all of
     * that would stay resident for the model's life.
     */
    private static void dropSessions(SameDiff function) {
        function.getSessions().values().forEach(session -> session.getMmgr().close());
        function.getSessions().clear();
    }

    private static Kind kind(SameDiff function, DifferentialFunction op, Template[] outputs) {
        if (op instanceof Identity) {
            return Kind.ALIAS;
        }
        if (op instanceof Reshape && outputs[0].order() == 'c') {
            // The session copies; every array a replay reads is contiguous in c order, so a view holds the same values.
            return Kind.VIEW;
        }
        // The session runs these its own way (control flow, tensor arrays, views, in-place assign, asserts).
        boolean special = op.getClass().getPackageName().contains(".controlflow") || op instanceof BaseTensorOp
                || op instanceof Assign || op instanceof CreateView || op instanceof Assert;
        if (op instanceof DynamicCustomOp && !special) {
            return Kind.CUSTOM;
        }
        if (op instanceof Op && !(op instanceof CustomOp)) {
            // The session sets a second input of these on the op object, from the recording's values.
            boolean constantSecondArg = op.argNames().length < 2
                    || function.getVariable(op.argNames()[1]).getVariableType() == VariableType.CONSTANT;
            if ((op instanceof ScalarOp || op instanceof ReduceOp) && !constantSecondArg) {
                throw new IllegalStateException("cannot replay " + op.opName() + " (" + op.getOwnName()
                        + "): its scalar or axis is computed in the graph");
            }
            return Kind.LEGACY;
        }
        throw new IllegalStateException("cannot replay op " + op.opName() + " (" + op.getClass().getName() + ")");
    }

    /**
     * GraphBuilder writes ReLU as x·step(x) because ND4J's ReLU backward op is slow; a function that is not
     * differentiated computes it in one pass instead: the scalar ReLU op with cutoff -0.0 (x &lt; -0.0 ? -0.0 : x).
     * Bit for bit that is x·step(x) for every x but -∞ (where x·step(x) is NaN and this -0.0): x &gt; 0 gives x
     * in both, and any other finite x, either zero and NaN give x·0 = the cutoff's -0.0, +0.0 and NaN in both
     * (checked on a million values from denormals to 1e25, and on all six model configurations against SameDiff
     * by ReplayedInferenceTest). A step is fused only where its one reader is that product.
     */
    private static List<Step> fuseRelu(List<Step> steps, Set<String> requested) {
        Map<String, Integer> readers = new HashMap<>();
        for (Step step : steps) {
            for (String in : step.inputs()) {
                readers.merge(in, 1, Integer::sum);
            }
        }
        Map<String, Step> fusable = new HashMap<>();
        for (Step step : steps) {
            if (step.op() instanceof org.nd4j.linalg.api.ops.impl.scalar.Step stepOp && step.kind() == Kind.LEGACY
                    && stepOp.scalar().getDouble(0) == 0.0 && readers.getOrDefault(step.outputs()[0], 0) == 1
                    && !requested.contains(step.outputs()[0])) {
                fusable.put(step.outputs()[0], step);
            }
        }
        List<Step> fused = new ArrayList<>();
        java.util.Set<Step> removed = new java.util.HashSet<>();
        for (Step step : steps) {
            Step stepOfProduct = step.op() instanceof MulOp && step.inputs().length == 2
                    ? fusable.get(step.inputs()[1]) : null;
            if (stepOfProduct != null && stepOfProduct.inputs()[0].equals(step.inputs()[0])) {
                Template out = step.templates()[0];
                INDArray placeholder = Nd4j.scalar(out.type(), 0);
                fused.add(new Step(new RectifiedLinear(placeholder, placeholder, -0.0), Kind.LEGACY,
                        new String[] {step.inputs()[0]}, step.outputs(), step.templates(), step.context(), true));
                removed.add(stepOfProduct);
            } else {
                fused.add(step);
            }
        }
        fused.removeAll(removed);
        return fused;
    }

    /**
     * ND4J 1.0.0-M2.1's deconv2d given a bias (through its oneDNN helper) takes about twice as long as the same
     * deconv2d without one followed by biasadd (docs/benchmarks.md). The two give the same bits, the bias being
     * added once to each finished sum either way (checked on all six model configurations against SameDiff's
     * fused op by ReplayedInferenceTest and ReplayedGradientsTest), so a forward deconv2d with a bias runs as the
     * pair; biasadd writes over the unbiased output where nothing else reads it.
     * The backward op (deconv2d_bp) is not touched.
     */
    private static List<Step> splitDeconvolutionBias(List<Step> steps) {
        List<Step> split = new ArrayList<>();
        for (Step step : steps) {
            if (!(step.kind() == Kind.CUSTOM && step.op() instanceof DynamicCustomOp op
                    && "deconv2d".equals(op.opName()) && step.inputs().length == 3 && step.outputs().length == 1
                    && op.tArgs().length == 0 && op.bArgs().length == 0)) {
                split.add(step);
                continue;
            }
            String unbiased = step.outputs()[0] + "/without-bias";
            DynamicCustomOp withoutBias = DynamicCustomOp.builder("deconv2d").build();
            withoutBias.addIArgument(op.iArgs());
            split.add(new Step(withoutBias, Kind.CUSTOM, new String[] {step.inputs()[0], step.inputs()[1]},
                    new String[] {unbiased}, step.templates(), Nd4j.getExecutioner().buildContext(), false));
            DynamicCustomOp biasAdd = DynamicCustomOp.builder("biasadd").addBooleanArguments(true).build(); // NCHW
            split.add(new Step(biasAdd, Kind.CUSTOM, new String[] {unbiased, step.inputs()[2]}, step.outputs(),
                    step.templates(), step.context(), true));
        }
        return split;
    }

    /**
     * Backpropagating x·step(x), SameDiff runs multiply_bp(x, s, g), computing g·s and g·x, and adds zeros for
     * step's gradient: add(g·s, zeroslike(x)). g·x is never read, and adding a zeros array is adding +0.0. So
     * where a multiply_bp output has no reader it is not computed (the other is the multiply it is, g·s or g·x:
     * IEEE multiplication, one rounding, the same bits), and an add whose other input is a zeroslike read by
     * nothing else is a scalar add of +0.0, in place (the same sum for every value: a + 0.0, including -0.0 + 0.0
     * = +0.0), without the zeros array. All other ops run as recorded; ReplayedGradientsTest compares every
     * gradient with SameDiff's, bit for bit.
     */
    private static List<Step> simplifyReluBackward(List<Step> steps, Set<String> requested) {
        Map<String, Integer> readers = new HashMap<>();
        Map<String, Template> produced = new HashMap<>();
        for (Step step : steps) {
            for (String in : step.inputs()) {
                readers.merge(in, 1, Integer::sum);
            }
            for (int o = 0; o < step.outputs().length; o++) {
                produced.put(step.outputs()[o], step.templates()[o]);
            }
        }
        Map<String, Step> zeros = new HashMap<>();
        for (Step step : steps) {
            if (step.op() instanceof ZerosLike && readers.getOrDefault(step.outputs()[0], 0) == 1
                    && !requested.contains(step.outputs()[0])) {
                zeros.put(step.outputs()[0], step);
            }
        }
        List<Step> simplified = new ArrayList<>();
        Set<Step> removed = new java.util.HashSet<>();
        for (Step step : steps) {
            Step replacement = step;
            if (step.op() instanceof AddOp && step.inputs().length == 2) {
                int zero = zeros.containsKey(step.inputs()[1]) ? 1 : zeros.containsKey(step.inputs()[0]) ? 0 : -1;
                String addend = zero < 0 ? null : step.inputs()[1 - zero];
                if (zero >= 0 && same(produced.get(addend), step.templates()[0])
                        && same(produced.get(step.inputs()[zero]), step.templates()[0])) {
                    INDArray placeholder = Nd4j.scalar(step.templates()[0].type(), 0);
                    replacement = new Step(new ScalarAdd(placeholder, 0.0), Kind.LEGACY, new String[] {addend},
                            step.outputs(), step.templates(), step.context(), true);
                    removed.add(zeros.get(step.inputs()[zero]));
                }
            } else if (step.op() instanceof MulBpOp && step.inputs().length == 3 && step.outputs().length == 2
                    && same(step.templates()[0], step.templates()[1])
                    && same(produced.get(step.inputs()[2]), step.templates()[0])) {
                boolean[] read = new boolean[2];
                for (int o = 0; o < 2; o++) {
                    read[o] = readers.containsKey(step.outputs()[o]) || requested.contains(step.outputs()[o]);
                }
                if (read[0] != read[1]) {
                    // multiply_bp(x, y, g) computes g·y for x and g·x for y.
                    int kept = read[0] ? 0 : 1;
                    replacement = new Step(new MulOp(), Kind.CUSTOM,
                            new String[] {step.inputs()[2], step.inputs()[1 - kept]}, new String[] {step.outputs()[kept]},
                            new Template[] {step.templates()[kept]}, step.context(), false);
                }
            }
            simplified.add(replacement);
        }
        simplified.removeAll(removed);
        return simplified;
    }

    private static boolean same(Template a, Template b) {
        return a != null && b != null && a.type() == b.type() && a.order() == b.order()
                && Arrays.equals(a.shape(), b.shape());
    }

    /**
     * One array per op output, shared between outputs whose lifetimes do not overlap (an output is live from
     * the op that writes it to the last op that reads it; requested outputs stay live). An op's inputs are
     * live while it runs, so no op writes into an array it reads, except an elementwise op whose input nothing
     * reads after it: that one writes over its input. Aliases and views live on their source's array.
     */
    private static Map<String, INDArray> allocate(List<Step> steps, Set<String> external, Set<String> requested) {
        Set<Integer> inPlace = new java.util.HashSet<>();
        Map<String, String> source = new HashMap<>();
        Map<String, Integer> lastUse = lifetimes(steps, requested, inPlace, source);
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (step.elementwise()) {
                String input = root(source, step.inputs()[0]);
                if (!external.contains(input) && lastUse.get(input) == i && !requested.contains(step.outputs()[0])) {
                    inPlace.add(i);
                }
            }
        }
        if (!inPlace.isEmpty()) {
            source.clear();
            lastUse = lifetimes(steps, requested, inPlace, source);
        }
        Map<String, INDArray> owned = new HashMap<>();
        Map<String, List<INDArray>> free = new HashMap<>();
        List<List<String>> releasedAfter = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            releasedAfter.add(new ArrayList<>());
        }
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (step.computes() && !inPlace.contains(i)) {
                for (int o = 0; o < step.outputs().length; o++) {
                    Template template = step.templates()[o];
                    List<INDArray> pool = free.computeIfAbsent(template.key(), k -> new ArrayList<>());
                    INDArray array = pool.isEmpty() ? template.allocate() : pool.remove(pool.size() - 1);
                    owned.put(step.outputs()[o], array);
                    int last = lastUse.getOrDefault(step.outputs()[o], i);
                    if (last != Integer.MAX_VALUE) {
                        releasedAfter.get(Math.max(last, i)).add(step.outputs()[o]);
                    }
                }
            } else if (step.kind() != Kind.VIEW && !external.contains(source.get(step.outputs()[0]))) {
                owned.put(step.outputs()[0], owned.get(source.get(step.outputs()[0])));
            }
            for (String name : releasedAfter.get(i)) {
                INDArray array = owned.get(name);
                free.computeIfAbsent(new Template(array).key(), k -> new ArrayList<>()).add(array);
            }
        }
        return owned;
    }

    /**
     * Fills {@code source} (each alias, view and in-place output to the variable whose array it lives on) and
     * returns the last step reading each such array (requested outputs: never released).
     */
    private static Map<String, Integer> lifetimes(List<Step> steps, Set<String> requested, Set<Integer> inPlace,
            Map<String, String> source) {
        Map<String, Integer> lastUse = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            for (String in : step.inputs()) {
                lastUse.put(root(source, in), i);
            }
            if (!step.computes() || inPlace.contains(i)) {
                source.put(step.outputs()[0], root(source, step.inputs()[0]));
            }
        }
        for (String name : requested) {
            lastUse.put(root(source, name), Integer.MAX_VALUE);
        }
        return lastUse;
    }

    private static String root(Map<String, String> source, String name) {
        return source.getOrDefault(name, name);
    }

    /** Runs the recorded ops on {@code feed} (same placeholder shapes as the recording); returns the outputs. */
    Map<String, INDArray> run(Map<String, INDArray> feed) {
        return run(feed, null);
    }

    /** As {@link #run(Map)}, adding each op's wall time to {@code times} when it is not null. */
    Map<String, INDArray> run(Map<String, INDArray> feed, OpTimes times) {
        for (String name : external) {
            INDArray fed = feed.get(name);
            values.put(name, fed != null ? fed : function.getArrForVarName(name));
        }
        // Never shared: a requested output stays live to the end, so no other variable was given its array.
        freshArrays.forEach((name, template) -> values.put(name, template.allocate()));
        for (int s = 0; s < steps.size(); s++) {
            Step step = steps.get(s);
            long started = times != null ? System.nanoTime() : 0;
            INDArray[] in = new INDArray[step.inputs().length];
            for (int i = 0; i < in.length; i++) {
                in[i] = values.get(step.inputs()[i]);
            }
            switch (step.kind()) {
                case ALIAS -> values.put(step.outputs()[0], in[0]);
                case VIEW -> {
                    if (viewedArrays[s] != in[0]) {
                        // Only a c-order array with default strides reshapes into a view; anything else is copied,
                        // and a copy must be made again every run.
                        boolean view = in[0].ordering() == 'c' && Shape.hasDefaultStridesForShape(in[0]);
                        viewedArrays[s] = view ? in[0] : null;
                        views[s] = in[0].reshape('c', step.templates()[0].shape());
                    }
                    values.put(step.outputs()[0], views[s]);
                }
                case CUSTOM -> {
                    DynamicCustomOp op = (DynamicCustomOp) step.op();
                    OpContext context = fresh(step.context());
                    context.setArgs(in, op.iArgs(), op.dArgs(), op.tArgs(), op.bArgs());
                    for (int o = 0; o < step.outputs().length; o++) {
                        context.setOutputArray(o, values.get(step.outputs()[o]));
                    }
                    Nd4j.exec((CustomOp) op, context);
                }
                case LEGACY -> {
                    OpContext context = fresh(step.context());
                    for (int i = 0; i < in.length; i++) {
                        context.setInputArray(i, in[i]);
                    }
                    context.setOutputArray(0, values.get(step.outputs()[0]));
                    Nd4j.exec((Op) step.op(), context);
                }
            }
            if (times != null) {
                times.add(step.op().opName(), System.nanoTime() - started);
            }
        }
        Map<String, INDArray> result = new HashMap<>();
        for (String name : outputs) {
            result.put(name, values.get(name));
        }
        return result;
    }

    /**
     * The step's context with the last run's arrays dropped. libnd4j's context keeps every array ever set on it,
     * native buffer included, until purged or closed; the parameters and owned arrays are the same every run,
     * but each batch and its noise are new, so without this a run kept every batch it trained on (1.6 MB a
     * step on CIFAR-10 at batch 128) and reached the 4 GiB physical-bytes cap in its sixth epoch.
     */
    private static OpContext fresh(OpContext context) {
        context.purge();
        return context;
    }
}
