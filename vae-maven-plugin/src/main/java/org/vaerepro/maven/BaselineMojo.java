package org.vaerepro.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.vaerepro.session.RunFailure;
import org.vaerepro.session.SuiteSession;
import org.vaerepro.regression.Baseline;
import org.vaerepro.regression.VerdictRecord;

/**
 * Rewrites the suite's baseline from its current results, deliberately: run after a reviewed
 * {@code vae:reproduce}, then commit the file. A suite with reported values also gets its verdict record,
 * {@code <suite>.verdicts.json} beside the baseline, which the gate then holds each published cell and claim step to.
 * Never bound to a phase, so no build rewrites them by accident.
 */
@Mojo(name = "baseline", requiresProject = false, threadSafe = false)
public class BaselineMojo extends AbstractVaeMojo {
    /** Where the baseline goes; by default {@code baselines/<suite>.json} beside the suite file's folder. */
    @Parameter(property = "vae.baselineFile")
    File baselineFile;

    /** Where the verdict record goes; by default {@code baselines/<suite>.verdicts.json} beside the suite's folder. */
    @Parameter(property = "vae.verdictRecord")
    File verdictRecord;

    /** The command that produced the results, written into the baseline. */
    @Parameter(property = "vae.baselineCommand")
    String command;

    /**
     * Output folders (comma-separated) where the suite's first seeds were trained and checked under other
     * configurations (another OMP_NUM_THREADS, -Pavx2): the windows of the trajectory and reference-model checks are
     * derived from the spread to them. Empty: the floors.
     */
    @Parameter(property = "vae.calibration")
    List<String> calibration;

    /**
     * Experiments (comma-separated) whose first-seed runs become the reference models, rounded to float16 beside the
     * baseline; empty keeps the reference models the baseline already lists.
     */
    @Parameter(property = "vae.referenceModelsFrom")
    List<String> referenceModelsFrom;

    @Override
    List<RunFailure> run(SuiteSession session) {
        Path file = baselineFile != null ? baselineFile.toPath() : session.defaultBaselineFile();
        String how = command != null ? command
                : "mvn -B -pl reproductions vae:reproduce vae:baseline -Dvae.suite=" + suiteFile.getName();
        Baseline baseline = session.recordBaseline(file, how, listed(calibration).stream().map(Path::of)
                .toList(), listed(referenceModelsFrom));
        getLog().info("vae: baseline of " + baseline.experiments().size() + " experiments and "
                + baseline.referenceModels().size() + " reference models written to " + file);
        if (session.suite().experiments().stream().anyMatch(spec -> spec.reported() != null)) {
            Path verdicts = verdictRecord != null ? verdictRecord.toPath() : session.defaultVerdictRecord();
            VerdictRecord record = session.recordVerdicts(verdicts, how);
            getLog().info("vae: verdicts of " + record.cells().size() + " published cells and " + record.claimSteps().size()
                    + " claim steps written to " + verdicts);
        }
        return List.of();
    }

    private static List<String> listed(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
    }
}
