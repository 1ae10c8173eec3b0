package org.vaerepro.maven;

import java.io.File;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.vaerepro.session.RunFailure;
import org.vaerepro.session.SessionSettings;
import org.vaerepro.session.SuiteSession;

/**
 * Parameters every goal shares: one per {@link org.vaerepro.settings.Setting}, named as it is, with its property,
 * default and description (PluginDescriptorTest holds them to the declaration). A goal hands its parameters to
 * {@link SessionSettings#from}, calls one {@link SuiteSession} step and turns failures into Maven's terms
 * ({@link MavenHints}); no logic beyond that.
 */
abstract class AbstractVaeMojo extends AbstractMojo {
    /** The suite file (JSON) declaring the experiments. */
    @Parameter(property = "vae.suite", required = true)
    File suiteFile;

    /** Root of the outputs: a folder per suite, holding a folder per experiment and the results page. */
    @Parameter(property = "vae.outputDirectory", defaultValue = "${project.build.directory}/vae")
    File outputDirectory;

    /** Ids of the experiments to run, comma-separated; every experiment of the suite when empty. */
    @Parameter(property = "vae.experiments")
    List<String> experiments;

    /**
     * Run only slice i of n of the selected runs (i/n, 0-based), for one task of a Slurm job array or a Kubernetes
     * Indexed Job against a shared output folder.
     */
    @Parameter(property = "vae.shard", defaultValue = "0/1")
    String shard;

    /** Run only each experiment's first N seeds (0: every declared seed). */
    @Parameter(property = "vae.firstSeeds", defaultValue = "0")
    int firstSeeds;

    /** Folder holding the datasets in their official layouts; searched first. */
    @Parameter(property = "vae.dataDir")
    File dataDir;

    /** A second data folder, searched after dataDir; the Maven goals take the VAE_DATA_DIR environment variable. */
    @Parameter(property = "vae.environmentDataDir", defaultValue = "${env.VAE_DATA_DIR}")
    File environmentDataDir;

    /** Download a standard dataset found nowhere from its official source (checked against the publisher's MD5). */
    @Parameter(property = "vae.download", defaultValue = "true")
    boolean download;

    /** LPIPS AlexNet v0.1 weights (.npz, PyTorch key names). */
    @Parameter(property = "vae.lpipsWeights")
    File lpipsWeights;

    /** Folder with results.ftlh or summary.ftlh overriding the packaged templates. */
    @Parameter(property = "vae.templates")
    File templateDirectory;

    /** Stop at the first failing experiment instead of running the rest. */
    @Parameter(property = "vae.failFast", defaultValue = "false")
    boolean failFast;

    /** A progress line every N training steps (0: none). */
    @Parameter(property = "vae.logEverySteps", defaultValue = "100")
    int logEverySteps;

    /**
     * Worker JVMs that run the runs side by side, longest first (0: one per core, fewer when memory holds fewer at 4
     * GiB each; 1: every run in this JVM, one after another).
     */
    @Parameter(property = "vae.workers", defaultValue = "0")
    int workers;

    /** Native threads (OMP_NUM_THREADS) of each worker JVM (0: the cores divided among the workers). */
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
        Nd4jLogging.quiet();
        List<RunFailure> failures;
        try {
            SuiteSession session = new SuiteSession(SessionSettings.from(parameters()), getLog()::info);
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

    /** Each setting's parameter; the switch names every setting, so a new one does not compile until it has one. */
    private GoalParameters parameters() {
        return new GoalParameters(setting -> switch (setting) {
            case SUITE_FILE -> suiteFile;
            case OUTPUT_DIRECTORY -> outputDirectory;
            case EXPERIMENTS -> experiments;
            case SHARD -> shard;
            case FIRST_SEEDS -> firstSeeds;
            case DATA_DIR -> dataDir;
            case ENVIRONMENT_DATA_DIR -> environmentDataDir;
            case DOWNLOAD -> download;
            case LPIPS_WEIGHTS -> lpipsWeights;
            case TEMPLATE_DIRECTORY -> templateDirectory;
            case FAIL_FAST -> failFast;
            case LOG_EVERY_STEPS -> logEverySteps;
            case WORKERS -> workers;
            case THREADS_PER_WORKER -> threadsPerWorker;
        }, homeDirectory.toPath(), Optional.of(WorkerJvm.launch(getClass().getClassLoader())));
    }

    /** The session step of this goal; returns the experiments that failed. */
    abstract List<RunFailure> run(SuiteSession session) throws MojoFailureException;
}
