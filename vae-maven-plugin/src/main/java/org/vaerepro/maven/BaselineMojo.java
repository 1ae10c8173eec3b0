package org.vaerepro.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.vaerepro.experiment.SuiteRunner;
import org.vaerepro.session.SuiteSession;
import org.vaerepro.regression.Baseline;

/**
 * Rewrites the suite's baseline from its current results, deliberately: run after a reviewed
 * {@code vae:reproduce}, then commit the file. Never bound to a phase, so no build rewrites it by accident.
 */
@Mojo(name = "baseline", requiresProject = false, threadSafe = false)
public class BaselineMojo extends AbstractVaeMojo {
    /** Where the baseline goes; default {@code baselines/<suite>.json} next to the suite's folder. */
    @Parameter(property = "vae.baselineFile")
    File baselineFile;

    /** The command that produced the results, written into the baseline. */
    @Parameter(property = "vae.baselineCommand")
    String command;

    @Override
    List<SuiteRunner.Failure> run(SuiteSession session) {
        File file = baselineFile != null ? baselineFile
                : new File(suiteFile.getAbsoluteFile().getParentFile().getParentFile(),
                        "baselines/" + session.suite().name() + ".json");
        String how = command != null ? command
                : "mvn -B -pl reproductions vae:reproduce vae:baseline -Dvae.suite=" + suiteFile.getName();
        Baseline baseline = session.recordBaseline(file.toPath(), how);
        getLog().info("vae: baseline of " + baseline.experiments().size() + " experiments written to " + file);
        return List.of();
    }
}
