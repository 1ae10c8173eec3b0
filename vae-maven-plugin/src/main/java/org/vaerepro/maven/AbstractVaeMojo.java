package org.vaerepro.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.vaerepro.experiment.Shard;
import org.vaerepro.session.RunFailure;
import org.vaerepro.session.SessionSettings;
import org.vaerepro.session.SuiteSession;

/**
 * Parameters every goal shares. A goal reads its parameters into {@link SessionSettings}, calls one
 * {@link SuiteSession} step and turns failures into Maven's terms ({@link MavenHints}); no logic beyond that.
 */
abstract class AbstractVaeMojo extends AbstractMojo {
    /** The suite file (JSON) declaring the experiments. */
    @Parameter(property = "vae.suite", required = true)
    File suiteFile;

    /** Root of outputs: {@code <dir>/<suite>/<experiment>/} and {@code <dir>/<suite>/index.html}. */
    @Parameter(property = "vae.outputDirectory", defaultValue = "${project.build.directory}/vae")
    File outputDirectory;

    /** Experiment ids to run, comma-separated on the command line ({@code -Dvae.experiments=a,b}); all when empty. */
    @Parameter(property = "vae.experiments")
    List<String> experiments;

    /**
     * Run only slice {@code i} of {@code n} of the selected runs ({@code -Dvae.shard=i/n}, 0-based), for
     * one task of a Slurm job array or a Kubernetes Indexed Job against a shared output folder; all when empty.
     */
    @Parameter(property = "vae.shard")
    String shard;

    /**
     * Run only each experiment's first N seeds (0: every declared seed); the ci gate runs 1 against a baseline
     * recorded over all of them.
     */
    @Parameter(property = "vae.firstSeeds", defaultValue = "0")
    int firstSeeds;

    /** Folder holding the datasets in their official layouts (e.g. ../shared/data); searched first. */
    @Parameter(property = "vae.dataDir")
    File dataDir;

    /** A second data folder, searched after {@code dataDir}; by default the VAE_DATA_DIR environment variable. */
    @Parameter(property = "vae.environmentDataDir", defaultValue = "${env.VAE_DATA_DIR}")
    File environmentDataDir;

    /** Download a standard dataset found nowhere from its official source (checked against the publisher's MD5). */
    @Parameter(property = "vae.download", defaultValue = "true")
    boolean download;

    /** LPIPS AlexNet v0.1 weights (.npz, PyTorch key names); by default {@code ~/.vae/weights/lpips-alex-v0.1.npz}. */
    @Parameter(property = "vae.lpipsWeights")
    File lpipsWeights;

    /** Folder with results.ftlh to override the packaged template. */
    @Parameter(property = "vae.templates")
    File templateDirectory;

    /** Stop at the first failing experiment instead of running the rest. */
    @Parameter(property = "vae.failFast", defaultValue = "false")
    boolean failFast;

    /** Progress line every N training steps (0: none). */
    @Parameter(property = "vae.logEverySteps", defaultValue = "100")
    int logEverySteps;

    /**
     * Worker JVMs that run the runs side by side, longest first (0: one per core, fewer when memory holds
     * fewer at 4 GiB each; 1: every run in the Maven JVM, one after another).
     */
    @Parameter(property = "vae.workers", defaultValue = "0")
    int workers;

    /** Native threads ({@code OMP_NUM_THREADS}) of each worker JVM (0: the cores divided among the workers). */
    @Parameter(property = "vae.threadsPerWorker", defaultValue = "0")
    int threadsPerWorker;

    /** Skip the goal. */
    @Parameter(property = "vae.skip", defaultValue = "false")
    boolean skip;

    /** The user's home; {@code <home>/.vae/data} is searched after the data folders above. */
    @Parameter(defaultValue = "${user.home}", readonly = true)
    File homeDirectory;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("vae: skipped (vae.skip=true)");
            return;
        }
        List<RunFailure> failures;
        try {
            SuiteSession session = new SuiteSession(settings(), getLog()::info);
            failures = run(session);
        } catch (RuntimeException e) {
            throw new MojoFailureException(MavenHints.explain(e), e);
        }
        if (!failures.isEmpty()) {
            StringBuilder message = new StringBuilder(failures.size() + " run(s) failed:");
            for (RunFailure f : failures) {
                message.append("\n  ").append(f.run().id()).append(" (").append(f.phase()).append("): ")
                        .append(MavenHints.explain(f.error()));
            }
            throw new MojoFailureException(message.toString());
        }
    }

    private SessionSettings settings() {
        return new SessionSettings(suiteFile.toPath(), outputDirectory.toPath(),
                experiments == null ? List.of() : experiments.stream().map(String::trim).filter(s -> !s.isEmpty()).toList(),
                shard == null || shard.isBlank() ? Shard.ALL : Shard.parse(shard), firstSeeds,
                dataDir == null ? null : dataDir.toPath(), environmentDataDir == null ? null : environmentDataDir.toPath(),
                homeDirectory.toPath(), download,
                lpipsWeights == null ? SessionSettings.defaultLpipsWeights(homeDirectory.toPath()) : lpipsWeights.toPath(),
                templateDirectory == null ? null : templateDirectory.toPath(), failFast, logEverySteps,
                WorkerJvm.parallelism(workers, threadsPerWorker, getClass().getClassLoader()));
    }

    /** The session step of this goal; returns the experiments that failed. */
    abstract List<RunFailure> run(SuiteSession session) throws MojoFailureException;
}
