package org.vaerepro.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.vaerepro.io.FileFormat;
import org.vaerepro.provenance.Provenance;
import org.vaerepro.train.Convergence;
import org.vaerepro.train.EarlyStopping;
import org.vaerepro.train.EpochReport;
import org.vaerepro.train.StepLoss;
import org.vaerepro.train.StepPoint;

/**
 * Everything {@code metrics.json} holds for one run: spec, metrics, training curve (per epoch, and per declared step
 * when the spec asks for a step curve), pictures, evaluation time, provenance (data, training, environment, source)
 * and, with early stopping, how training ended; and the losses of training's first steps ({@code firstSteps}, from
 * training.json: the early-step trajectory the baseline gate checks; empty in files before they were recorded).
 */
public record ExperimentResult(FileFormat format, String suite, ExperimentSpec spec, ExperimentMetrics metrics,
        List<EpochReport> training, Map<String, String> images, double evaluationSeconds, Provenance provenance,
        Convergence convergence, List<StepPoint> stepCurve, List<StepLoss> firstSteps) {
    public static final FileFormat FORMAT = new FileFormat("vae-repro-metrics", 2);

    public ExperimentResult {
        stepCurve = stepCurve == null ? List.of() : List.copyOf(stepCurve); // files before step curves had none
        firstSteps = firstSteps == null ? List.of() : List.copyOf(firstSteps); // nor before trajectories
    }

    /** A result in the current format, with the first steps' losses of its training. */
    public ExperimentResult(String suite, ExperimentSpec spec, ExperimentMetrics metrics, List<EpochReport> training,
            Map<String, String> images, double evaluationSeconds, Provenance provenance, Convergence convergence,
            List<StepPoint> stepCurve, List<StepLoss> firstSteps) {
        this(FORMAT, suite, spec, metrics, training, images, evaluationSeconds, provenance, convergence, stepCurve,
                firstSteps);
    }

    /**
     * A result in the current format; {@code convergence} is null unless the run trained with early stopping,
     * {@code stepCurve} empty unless it measured a step curve.
     */
    public ExperimentResult(String suite, ExperimentSpec spec, ExperimentMetrics metrics, List<EpochReport> training,
            Map<String, String> images, double evaluationSeconds, Provenance provenance, Convergence convergence,
            List<StepPoint> stepCurve) {
        this(FORMAT, suite, spec, metrics, training, images, evaluationSeconds, provenance, convergence, stepCurve,
                List.of());
    }

    /** A result without a step curve. */
    public ExperimentResult(String suite, ExperimentSpec spec, ExperimentMetrics metrics, List<EpochReport> training,
            Map<String, String> images, double evaluationSeconds, Provenance provenance, Convergence convergence) {
        this(suite, spec, metrics, training, images, evaluationSeconds, provenance, convergence, List.of());
    }

    /** Training plus evaluation seconds: what this result cost to make. */
    public double wallSeconds() {
        return provenance.training().seconds() + evaluationSeconds;
    }

    /**
     * Whether training ended at the maximum number of epochs while its early-stopping rule still waited: the
     * result measures the epoch budget, not a converged model. False without early stopping.
     */
    public boolean endedAtEpochLimit() {
        EarlyStopping rule = spec.stopping().earlyStopping();
        return rule != null && convergence != null && convergence.reachedMaximum(rule);
    }

    /** Reads a metrics.json; the error names the file (and the versions, when they differ). */
    public static ExperimentResult read(Path file) {
        return FORMAT.readJson(file, ExperimentResult.class);
    }
}
