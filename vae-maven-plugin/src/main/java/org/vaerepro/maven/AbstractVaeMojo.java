package org.vaerepro.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.vaerepro.experiment.SpecException;
import org.vaerepro.experiment.SuiteRunner;
import org.vaerepro.experiment.SuiteSession;
import org.vaerepro.metrics.Lpips;

/** Parameters every goal shares; subclasses only say which phases run. No logic beyond translation. */
abstract class AbstractVaeMojo extends AbstractMojo {
    /** The suite file (JSON) declaring the experiments. */
    @Parameter(property = "vae.suite", required = true)
    File suiteFile;

    /** Root of outputs: {@code <dir>/<suite>/<experiment>/} and {@code <dir>/<suite>/index.html}. */
    @Parameter(property = "vae.outputDirectory", defaultValue = "${project.build.directory}/vae")
    File outputDirectory;

    /** Comma-separated experiment ids; all when empty. */
    @Parameter(property = "vae.experiments")
    String experiments;

    /** Folder holding the datasets (e.g. ../shared/data); else VAE_DATA_DIR, ~/.vae/data, /usr/share/datasets. */
    @Parameter(property = "vae.dataDir")
    String dataDir;

    /** LPIPS AlexNet v0.1 weights (.npz); default ~/.vae/weights/lpips-alex-v0.1.npz. */
    @Parameter(property = "vae.lpipsWeights")
    File lpipsWeights;

    /** Folder with results.ftlh to override the packaged template. */
    @Parameter(property = "vae.templates")
    File templateDirectory;

    /** Stop at the first failing experiment instead of running the rest. */
    @Parameter(property = "vae.failFast", defaultValue = "false")
    boolean failFast;

    /** Progress line every N steps. */
    @Parameter(property = "vae.logEverySteps", defaultValue = "100")
    int logEverySteps;

    @Parameter(property = "vae.skip", defaultValue = "false")
    boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("vae: skipped (vae.skip=true)");
            return;
        }
        SuiteSession session;
        try {
            session = new SuiteSession(suiteFile.toPath(), outputDirectory.toPath(), dataDir,
                    lpipsWeights != null ? lpipsWeights.toPath() : Lpips.defaultWeights(),
                    templateDirectory == null ? null : templateDirectory.toPath(), getLog()::info, failFast,
                    logEverySteps);
        } catch (SpecException | IllegalArgumentException | IllegalStateException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        List<SuiteRunner.Failure> failures;
        try {
            failures = run(session);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        if (!failures.isEmpty()) {
            StringBuilder message = new StringBuilder(failures.size() + " experiment(s) failed:");
            for (SuiteRunner.Failure f : failures) {
                message.append("\n  ").append(f.experiment()).append(" (").append(f.phase()).append("): ")
                        .append(f.error().getMessage());
            }
            throw new MojoFailureException(message.toString());
        }
    }

    abstract List<SuiteRunner.Failure> run(SuiteSession session);

    void report(SuiteSession session) {
        getLog().info("vae: results page " + session.report());
    }
}
