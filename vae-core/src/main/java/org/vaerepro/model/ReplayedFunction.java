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
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.ReduceOp;
import org.nd4j.linalg.api.ops.ScalarOp;
import org.nd4j.linalg.api.ops.impl.shape.CreateView;
import org.nd4j.linalg.api.ops.impl.shape.tensorops.BaseTensorOp;
import org.nd4j.linalg.api.ops.impl.transforms.Assert;
import org.nd4j.linalg.api.ops.impl.transforms.custom.Assign;
import org.nd4j.linalg.api.ops.impl.transforms.same.Identity;
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
 * <p>Only plain ops are supported (custom ops, legacy ops with constant scalars and axes, identity);
 * control flow and tensor-array ops fail at recording. Results are valid until the next {@link #run}.
 */
final class ReplayedFunction {
    private enum Kind { CUSTOM, LEGACY, ALIAS }

    private record Step(DifferentialFunction op, Kind kind, String[] inputs, String[] outputs, OpContext context) {
    }

    private final SameDiff function;
    private final List<Step> steps;
    /** Names resolved from the function (variables, constants) or the feed on every run. */
    private final Set<String> external;
    private final List<String> outputs;
    /** With fresh outputs: the arrays every run allocates anew (the requested outputs' own arrays), else empty. */
    private final List<String> freshArrays;
    private final Map<String, INDArray> values = new HashMap<>();

    /** {@code owned}: the arrays this replay allocated, by variable name (an alias maps to its source's array). */
    private ReplayedFunction(SameDiff function, List<Step> steps, Map<String, INDArray> owned, Set<String> external,
            List<String> outputs, List<String> freshArrays) {
        this.function = function;
        this.steps = steps;
        this.external = external;
        this.outputs = outputs;
        this.freshArrays = freshArrays;
        // Owned arrays never change; aliases and external names are set again by every run before they are read.
        values.putAll(owned);
    }

    /** A recording of {@code function} computing {@code outputs} from {@code feed}, and that execution's outputs. */
    record Recording(ReplayedFunction replay, Map<String, INDArray> outputs) {
    }

    /**
     * Records {@code function} computing {@code outputs} from {@code feed}. With {@code freshOutputs} every run
     * returns newly allocated output arrays that the caller keeps (as SameDiff's {@code output} does); without,
     * the outputs belong to the replay and the next run overwrites them.
     */
    static Recording record(SameDiff function, Map<String, INDArray> feed, List<String> outputs, boolean freshOutputs) {
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
            steps.add(new Step(op, kind(function, op), inputs, outs, Nd4j.getExecutioner().buildContext()));
        }
        Map<String, INDArray> owned = allocate(steps, results, external, Set.copyOf(outputs));
        dropSessions(function);
        List<String> fresh = new ArrayList<>();
        if (freshOutputs) {
            for (String name : outputs) {
                // Only an output computed by an op of its own can be handed over; the graphs here have no other kind.
                boolean computed = steps.stream().anyMatch(s -> s.kind() != Kind.ALIAS
                        && Arrays.asList(s.outputs()).contains(name));
                if (!computed) {
                    throw new IllegalStateException("cannot hand over output " + name + ": it is not an op's own output");
                }
                fresh.add(name);
            }
        }
        return new Recording(new ReplayedFunction(function, steps, owned, external, List.copyOf(outputs),
                List.copyOf(fresh)), recorded);
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

    private static Kind kind(SameDiff function, DifferentialFunction op) {
        if (op instanceof Identity) {
            return Kind.ALIAS;
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
     * One array per op output, shared between outputs whose lifetimes do not overlap (an output is live from
     * the op that writes it to the last op that reads it; requested outputs stay live). An op's inputs are
     * live while it runs, so no op writes into an array it reads.
     */
    private static Map<String, INDArray> allocate(List<Step> steps, List<INDArray[]> results, Set<String> external,
            Set<String> requested) {
        Map<String, String> source = new HashMap<>();
        Map<String, Integer> lastUse = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            for (String in : step.inputs()) {
                lastUse.put(root(source, in), i);
            }
            if (step.kind() == Kind.ALIAS) {
                source.put(step.outputs()[0], root(source, step.inputs()[0]));
            }
        }
        for (String name : requested) {
            lastUse.put(root(source, name), Integer.MAX_VALUE);
        }
        Map<String, INDArray> owned = new HashMap<>();
        Map<String, List<INDArray>> free = new HashMap<>();
        List<List<String>> releasedAfter = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            releasedAfter.add(new ArrayList<>());
        }
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (step.kind() != Kind.ALIAS) {
                INDArray[] recorded = results.get(i);
                for (int o = 0; o < step.outputs().length; o++) {
                    String key = recorded[o].dataType() + Arrays.toString(recorded[o].shape()) + recorded[o].ordering();
                    List<INDArray> pool = free.computeIfAbsent(key, k -> new ArrayList<>());
                    INDArray array = pool.isEmpty() ? Nd4j.createUninitializedDetached(recorded[o].dataType(),
                            recorded[o].ordering(), recorded[o].shape()) : pool.remove(pool.size() - 1);
                    owned.put(step.outputs()[o], array);
                    int last = lastUse.getOrDefault(step.outputs()[o], i);
                    if (last != Integer.MAX_VALUE) {
                        releasedAfter.get(Math.max(last, i)).add(step.outputs()[o]);
                    }
                }
            } else if (!external.contains(source.get(step.outputs()[0]))) {
                owned.put(step.outputs()[0], owned.get(source.get(step.outputs()[0])));
            }
            for (String name : releasedAfter.get(i)) {
                INDArray array = owned.get(name);
                free.computeIfAbsent(array.dataType() + Arrays.toString(array.shape()) + array.ordering(),
                        k -> new ArrayList<>()).add(array);
            }
        }
        return owned;
    }

    private static String root(Map<String, String> source, String name) {
        return source.getOrDefault(name, name);
    }

    /** Runs the recorded ops on {@code feed} (same placeholder shapes as the recording); returns the outputs. */
    Map<String, INDArray> run(Map<String, INDArray> feed) {
        for (String name : external) {
            INDArray fed = feed.get(name);
            values.put(name, fed != null ? fed : function.getArrForVarName(name));
        }
        for (String name : freshArrays) {
            // Never shared: a requested output stays live to the end, so no other variable was given its array.
            INDArray last = values.get(name);
            values.put(name, Nd4j.createUninitializedDetached(last.dataType(), last.ordering(), last.shape()));
        }
        for (Step step : steps) {
            INDArray[] in = new INDArray[step.inputs().length];
            for (int i = 0; i < in.length; i++) {
                in[i] = values.get(step.inputs()[i]);
            }
            switch (step.kind()) {
                case ALIAS -> values.put(step.outputs()[0], in[0]);
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
