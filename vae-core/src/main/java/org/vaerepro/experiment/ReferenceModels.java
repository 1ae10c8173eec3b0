package org.vaerepro.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.vaerepro.data.FileChecksums;
import org.vaerepro.io.Json;
import org.vaerepro.model.AutoencoderModel;
import org.vaerepro.model.ModelFile;
import org.vaerepro.model.ModelFileException;

/**
 * The baseline gate's reference models: fixed models whose every evaluation number the gate measures again and holds
 * to its recorded value within the spread of evaluation arithmetic (about 1e-6 relative, not the training chaos the
 * end-of-training check must allow), so any change to evaluation, the metrics or the forward pass shows whatever
 * training does. A reference model is a trained run's model with every parameter rounded to float16 and stored so
 * ({@link #writeRounded}): a trained decoder's output range and latent codes, exercised as the runs' are, in half the
 * space of float32, and the same bits wherever it is loaded (widening float16 to float32 is exact). A model derived
 * from a seed alone would be bit-identical too, but an untrained decoder outputs about 0.5 everywhere and its codes
 * carry no classes, so PSNR, LPIPS and the probes would measure nothing a user sees. Measured as
 * {@link ExperimentEvaluator#measure} measures a run, on the spec {@link #measurementSpec} gives.
 */
public final class ReferenceModels {
    /** A reference model is measured on this many first test images of its experiment's dataset... */
    public static final int TEST_IMAGES = 100;
    /** ...its latent probes fitted on this many first training images... */
    public static final int PROBE_IMAGES = 500;
    /** ...and, for a VAE, its likelihood bounds taken with this many importance samples... */
    public static final int LIKELIHOOD_SAMPLES = 8;
    /** ...on this many first test images. */
    public static final int LIKELIHOOD_IMAGES = 50;

    /** What measuring a reference model gave. */
    public sealed interface Measurement permits Measured, Unusable {
    }

    /** Every number of its evaluation, by name ({@link ExperimentMetrics#values}). */
    public record Measured(Map<String, Double> values) implements Measurement {
    }

    /** It could not be measured: {@code problem} says why, naming the file and its SHA-256. */
    public record Unusable(String problem) implements Measurement {
    }

    private final ExperimentEvaluator evaluator;

    public ReferenceModels(ExperimentEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /**
     * Measures the reference model in {@code file} with {@code spec}, after checking that the file is the one whose
     * SHA-256 was recorded ({@code sha256}): a missing, damaged or replaced file is {@link Unusable}, named with its
     * path and SHA-256, and is never handed to the model reader.
     */
    public Measurement measure(Path file, String sha256, ExperimentSpec spec) {
        if (!Files.isRegularFile(file)) {
            return new Unusable("reference model file " + file + " is missing (the baseline recorded SHA-256 " + sha256
                    + "); it is committed beside the baseline: restore it, or record the reference models again");
        }
        String found = FileChecksums.sha256(file);
        if (!found.equals(sha256)) {
            return new Unusable("reference model file " + file + " has SHA-256 " + found + ", the baseline recorded "
                    + sha256 + ": the file is damaged or was replaced; restore the committed file, or record the "
                    + "reference models again deliberately");
        }
        AutoencoderModel model;
        try {
            model = ModelFile.load(file).model();
        } catch (ModelFileException e) {
            return new Unusable("reference model file " + file + " (SHA-256 " + found + ", as recorded) cannot be read: "
                    + e.getMessage());
        }
        return new Measured(evaluator.measure(model, spec).values());
    }

    /**
     * The spec a reference model of {@code experiment} is measured with: the experiment's (its first seed keys the
     * evaluation noise), on its first {@value #TEST_IMAGES} test images, latent probes fitted on its first
     * {@value #PROBE_IMAGES} training images, and for a VAE the likelihood bounds with {@value #LIKELIHOOD_SAMPLES}
     * importance samples on {@value #LIKELIHOOD_IMAGES} images. Small, so the gate measures six such models in
     * seconds; taken through the same data and evaluation code as a run's, so a change there shows.
     */
    public static ExperimentSpec measurementSpec(ExperimentSpec experiment) {
        ObjectNode fields = ExperimentSchema.write(experiment);
        fields.put("testSubset", TEST_IMAGES);
        fields.put("trainSubset", PROBE_IMAGES);
        fields.put("validation", 0);
        boolean variational = experiment.training().architecture().variational();
        fields.put("likelihoodSamples", variational ? LIKELIHOOD_SAMPLES : 0);
        fields.put("likelihoodImages", LIKELIHOOD_IMAGES);
        fields.set("seeds", Json.mapper().valueToTree(java.util.List.of(experiment.seed())));
        fields.put("seed", experiment.seed());
        return ExperimentSchema.read(fields, null);
    }

    /**
     * Writes the model of {@code runModel} (a run's model.zip) to {@code file} with every parameter rounded to
     * float16, keeping its provenance; returns the new file's SHA-256.
     */
    public static String writeRounded(Path runModel, Path file) {
        ModelFile.Loaded loaded = ModelFile.load(runModel);
        ModelFile.save(file, loaded.model(), loaded.provenance(), DataType.HALF);
        return FileChecksums.sha256(file);
    }
}
