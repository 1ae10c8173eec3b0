package org.vaerepro.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaerepro.io.AtomicFiles;
import org.vaerepro.io.FileFormat;
import org.vaerepro.io.Json;
import org.vaerepro.model.ArrayArchive;
import org.vaerepro.model.AutoencoderModel;
import org.vaerepro.model.ModelConfig;
import org.vaerepro.model.ModelFile;
import org.vaerepro.model.ModelFileException;
import org.vaerepro.provenance.Provenance;

/**
 * Parameters, Adam moments, progress, both configs and provenance in one atomically written file.
 * Two generations are kept: a new checkpoint is first written in full beside the current one
 * ({@code <file>.pending}), and only then does the current one become {@code <file>.previous} and the new one
 * take its place; so a write that fails (a full disk) leaves the current generation as it was, and a checkpoint
 * found truncated, corrupt or missing on resume (a bad copy, a shared mount that lost a write, a crash between
 * the two renames) is replaced by the previous good one and the run recomputes the steps between, to the same
 * result. Version 2 added the format and provenance fields; unversioned (version 1) checkpoints hold the same
 * training state and still resume.
 */
public final class Checkpoint {
    public static final FileFormat FORMAT = new FileFormat("vae-repro-checkpoint", 2);
    private static final String PARAM = "param/";
    private static final String ADAM = "adam/";
    private static final String BEST = "best/";

    private Checkpoint() {
    }

    static void save(Path file, AutoencoderModel model, TrainerConfig trainer, AdamOptimizer optimizer,
            Map<String, INDArray> best, TrainingState state, Provenance provenance) {
        ObjectNode manifest = Json.mapper().createObjectNode();
        manifest.set("format", Json.mapper().valueToTree(FORMAT));
        manifest.set("model", Json.mapper().valueToTree(model.config()));
        manifest.set("trainer", Json.mapper().valueToTree(trainer));
        manifest.set("state", Json.mapper().valueToTree(state));
        manifest.set("provenance", Json.mapper().valueToTree(provenance));
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        model.parameters().forEach((name, value) -> arrays.put(PARAM + name, value));
        optimizer.state().forEach((name, value) -> arrays.put(ADAM + name, value));
        best.forEach((name, value) -> arrays.put(BEST + name, value));
        manifest.put("arrayCount", arrays.size());
        Path pending = pending(file);
        ArrayArchive.write(pending, manifest, arrays);
        try {
            if (Files.isRegularFile(file)) {
                AtomicFiles.moveIntoPlace(file, previous(file));
            }
            AtomicFiles.moveIntoPlace(pending, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put the new checkpoint generation " + pending + " in place of " + file,
                    e);
        }
    }

    /** Whether a run can resume from {@code file}: its current or its previous generation is there. */
    public static boolean exists(Path file) {
        return Files.isRegularFile(file) || Files.isRegularFile(previous(file));
    }

    /** Every file a checkpoint may occupy (current, previous, pending), for a run that starts over. */
    public static List<Path> generations(Path file) {
        return List.of(file, previous(file), pending(file));
    }

    private static Path pending(Path file) {
        return file.resolveSibling(file.getFileName() + ".pending");
    }

    /** Where the generation before {@code file} is kept. */
    public static Path previous(Path file) {
        return file.resolveSibling(file.getFileName() + ".previous");
    }

    /**
     * The newest readable generation: the checkpoint, or its previous generation when the checkpoint is unreadable
     * or missing.
     */
    static ArrayArchive.Contents readNewestGood(Path file, TrainingListener.Recovery recovery) {
        try {
            return ArrayArchive.read(file, FORMAT);
        } catch (ModelFileException damaged) {
            Path previous = previous(file);
            if (!Files.isRegularFile(previous)) {
                throw damaged;
            }
            ArrayArchive.Contents older = ArrayArchive.read(previous, FORMAT);
            recovery.recovered(file, previous, Files.isRegularFile(file) ? damaged.getMessage() : "it is missing");
            return older;
        }
    }

    /**
     * The parameters a finished run kept, read from the checkpoint generation {@code file} it ended with (the
     * generation that is at the run's last step); {@code epoch}: the epoch they are from, counted from 1.
     */
    public record KeptParameters(Path file, int epoch, Map<String, INDArray> parameters) {
    }

    /**
     * The parameters the run that ended at global step {@code steps} kept as its model, from the newest generation of
     * {@code file} that is whole, of {@code model}, and at that step: the best epoch's with early stopping (as
     * {@link Trainer} keeps them), the last ones without. The error names every generation and why it cannot give
     * them (missing, damaged, another model, written at another step).
     */
    public static KeptParameters keptParameters(Path file, ModelConfig model, long steps) {
        List<String> problems = new ArrayList<>();
        for (Path generation : List.of(file, previous(file))) {
            if (!Files.isRegularFile(generation)) {
                problems.add(generation + ": no such file");
                continue;
            }
            try {
                ArrayArchive.Contents contents = ArrayArchive.read(generation, FORMAT);
                ModelConfig saved = Json.mapper().treeToValue(contents.manifest().get("model"), ModelConfig.class);
                TrainingState state = Json.mapper().treeToValue(contents.manifest().get("state"), TrainingState.class);
                if (!saved.equals(model)) {
                    problems.add(generation + ": was written for model " + saved + ", not " + model);
                } else if (state.globalStep() != steps || state.stepInEpoch() != 0) {
                    problems.add(generation + ": is at step " + state.globalStep() + " (step " + state.stepInEpoch()
                            + " of its epoch), the run ended at step " + steps);
                } else {
                    Map<String, INDArray> params = arrays(contents, PARAM);
                    Map<String, INDArray> best = arrays(contents, BEST);
                    boolean keptBest = state.convergence() != null && !best.isEmpty();
                    return new KeptParameters(generation, keptBest ? state.convergence().bestEpoch() + 1
                            : state.history().size(), keptBest ? best : params);
                }
            } catch (ModelFileException e) {
                problems.add(e.getMessage());
            } catch (JsonProcessingException | IllegalArgumentException e) {
                problems.add(generation + ": invalid checkpoint: " + e.getMessage());
            }
        }
        throw new ModelFileException(file, "no generation holds the parameters of the run that ended at step " + steps
                + " (" + String.join("; ", problems) + ")");
    }

    private static Map<String, INDArray> arrays(ArrayArchive.Contents contents, String prefix) {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        contents.arrays().forEach((name, value) -> {
            if (name.startsWith(prefix)) {
                arrays.put(name.substring(prefix.length()), value);
            }
        });
        return arrays;
    }

    /**
     * Whether a run of at most {@code maxEpochs} under {@code rule} (null: no early stopping) can continue from
     * the checkpoint in {@code file} and end as if trained under them from the start
     * ({@link TrainingState#continuableUnder}); false when no generation of it can be read.
     */
    public static boolean continuableUnder(Path file, int maxEpochs, EarlyStopping rule) {
        try {
            ArrayArchive.Contents contents = readNewestGood(file, (damaged, used, problem) -> { });
            return Json.mapper().treeToValue(contents.manifest().get("state"), TrainingState.class)
                    .continuableUnder(maxEpochs, rule);
        } catch (ModelFileException | JsonProcessingException | IllegalArgumentException e) {
            return false; // unreadable: the run starts over, as it would on resume
        }
    }

    /**
     * Restores parameters and optimizer state into a model built from the same config, after checking
     * the checkpoint belongs to this model and these optimisation settings.
     */
    static TrainingState restore(Path file, AutoencoderModel model, TrainerConfig trainer, AdamOptimizer optimizer,
            Map<String, INDArray> best, TrainingListener.Recovery recovery) {
        ArrayArchive.Contents contents = readNewestGood(file, recovery);
        try {
            ModelConfig savedModel = Json.mapper().treeToValue(contents.manifest().get("model"), ModelConfig.class);
            TrainerConfig savedTrainer = Json.mapper().treeToValue(contents.manifest().get("trainer"),
                    TrainerConfig.class);
            if (!savedModel.equals(model.config())) {
                throw new ModelFileException(file, "was written for model " + savedModel + ", not " + model.config());
            }
            if (savedTrainer.seed() != trainer.seed() || savedTrainer.batchSize() != trainer.batchSize()
                    || savedTrainer.learningRate() != trainer.learningRate()) {
                throw new ModelFileException(file, "was written with seed/batch/learning rate "
                        + savedTrainer.seed() + "/" + savedTrainer.batchSize() + "/" + savedTrainer.learningRate()
                        + ", this run uses " + trainer.seed() + "/" + trainer.batchSize() + "/" + trainer.learningRate()
                        + "; delete the checkpoint to start over");
            }
            TrainingState state = Json.mapper().treeToValue(contents.manifest().get("state"), TrainingState.class);
            if (!state.continuableUnder(trainer.epochs(), trainer.earlyStopping())) {
                throw new ModelFileException(file, "holds " + state.history().size() + " epochs trained under "
                        + savedTrainer.describeStopping() + "; a run under " + trainer.describeStopping()
                        + " would have ended before them or kept another epoch; delete the checkpoint to start over");
            }
            best.putAll(arrays(contents, BEST));
            ModelFile.assignParameters(file, model, arrays(contents, PARAM));
            optimizer.restore(arrays(contents, ADAM));
            return state;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ModelFileException(file, "invalid checkpoint: " + e.getMessage());
        }
    }
}
