package org.vaerepro.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.vaerepro.data.DatasetReference;
import org.vaerepro.io.Json;
import org.vaerepro.metrics.SmallImagePolicy;
import org.vaerepro.model.Architecture;
import org.vaerepro.model.DecoderDenseActivation;
import org.vaerepro.model.ReconstructionLoss;
import org.vaerepro.train.EarlyStopping;

/**
 * One declared experiment. {@code trainSubset}/{@code testSubset} (0 = all) take the first N images
 * of the split, for quick suites. {@code reported} is optional. {@code seeds} are the seeds it is run
 * with, one {@link Run} each ({@code [seed]} when the suite declares none); {@code seed} is the first.
 * {@code decoderDenseActivation} is a detail the source leaves open (see {@link DecoderDenseActivation}).
 * {@code validation} images are held out of the end of the training set (after {@code trainSubset}) and
 * measured after every epoch, for learning curves; 0 holds none out. {@code patience} > 0 stops a run
 * when its validation loss has not improved by more than {@code minDelta} for that many epochs, keeping its
 * best epoch's model ({@code epochs} is then the maximum).
 */
public record ExperimentSpec(String id, DatasetReference dataset, int trainSubset, int testSubset,
        Architecture architecture, int latentDim, ReconstructionLoss loss, double beta, int epochs, int batchSize,
        double learningRate, long seed, SmallImagePolicy lpipsSmallImages, ReportedValues reported, List<Long> seeds,
        DecoderDenseActivation decoderDenseActivation, int validation, int patience, double minDelta) {

    public ExperimentSpec {
        // Files written before seeds existed hold one seed: the spec's own.
        seeds = seeds == null || seeds.isEmpty() ? List.of(seed) : List.copyOf(seeds);
        // Specs written before the option existed trained with a ReLU there.
        decoderDenseActivation = decoderDenseActivation == null ? DecoderDenseActivation.RELU : decoderDenseActivation;
        if (seeds.get(0) != seed) {
            throw new IllegalArgumentException("experiment '" + id + "': the first of seeds " + seeds
                    + " must be its seed " + seed);
        }
    }

    /** Declared with more than one seed: its runs live in one folder each, and its metrics are aggregated. */
    public boolean multiSeed() {
        return seeds.size() > 1;
    }

    /** Its early-stopping rule, or null when it trains for exactly {@code epochs} ({@code patience} 0). */
    public EarlyStopping earlyStopping() {
        return patience > 0 ? new EarlyStopping(patience, minDelta) : null;
    }

    /** The spec of one run: this experiment with only {@code runSeed}. */
    public ExperimentSpec forSeed(long runSeed) {
        if (!seeds.contains(runSeed)) {
            throw new IllegalArgumentException("experiment '" + id + "' has no seed " + runSeed + "; it has " + seeds);
        }
        return new ExperimentSpec(id, dataset, trainSubset, testSubset, architecture, latentDim, loss, beta, epochs,
                batchSize, learningRate, runSeed, lpipsSmallImages, reported, List.of(runSeed),
                decoderDenseActivation, validation, patience, minDelta);
    }

    /**
     * The fields that decide the trained model; the evaluation-only ones (test subset, LPIPS size rule,
     * reported values) are cleared, so changing them re-evaluates without retraining.
     */
    public ExperimentSpec forTraining() {
        return new ExperimentSpec(id, dataset, trainSubset, 0, architecture, latentDim, loss, beta, epochs, batchSize,
                learningRate, seed, null, null, seeds, decoderDenseActivation, validation, patience, minDelta);
    }

    /** The fields in which this spec differs from {@code earlier}, in the order the spec's JSON writes them. */
    public List<SpecChange> changesFrom(ExperimentSpec earlier) {
        JsonNode then = Json.mapper().valueToTree(earlier);
        JsonNode now = Json.mapper().valueToTree(this);
        Set<String> fields = new LinkedHashSet<>();
        then.fieldNames().forEachRemaining(fields::add);
        now.fieldNames().forEachRemaining(fields::add);
        List<SpecChange> changes = new ArrayList<>();
        for (String field : fields) {
            if (!then.path(field).equals(now.path(field))) {
                changes.add(new SpecChange(field, then.path(field).toString(), now.path(field).toString()));
            }
        }
        return changes;
    }

    /** This spec with another epoch count. */
    public ExperimentSpec withEpochs(int newEpochs) {
        return new ExperimentSpec(id, dataset, trainSubset, testSubset, architecture, latentDim, loss, beta, newEpochs,
                batchSize, learningRate, seed, lpipsSmallImages, reported, seeds, decoderDenseActivation, validation, patience, minDelta);
    }
}
