package org.vaerepro.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.vaerepro.experiment.LikelihoodRunExport;
import org.vaerepro.session.RunFailure;
import org.vaerepro.session.SuiteSession;

/**
 * Exports a suite's runs for programs outside the JVM, the runs chosen by their status as the page chooses them:
 * {@code -Dvae.export=current-runs} lists the runs whose results are current ({@code runs.json}, their folders);
 * {@code -Dvae.export=likelihood} writes, per current run with a likelihood report and its model file, the archive
 * vae-core/src/bench/python/likelihood_reference.py checks the likelihood bounds on, and lists those runs in
 * {@code runs.json} (runs whose case is already in {@code -Dvae.likelihoodReference} are listed, not exported again).
 * Trains nothing; never bound to a phase.
 */
@Mojo(name = "export", requiresProject = false, threadSafe = false)
public class ExportMojo extends AbstractVaeMojo {
    /** What to export: {@code current-runs} or {@code likelihood}. */
    @Parameter(property = "vae.export", required = true)
    String export;

    /** The folder the export goes to ({@code runs.json}, and for {@code likelihood} one archive per run). */
    @Parameter(property = "vae.exportDirectory", required = true)
    File exportDirectory;

    /** For {@code likelihood}: the reference result file whose cases are not exported again (need not exist yet). */
    @Parameter(property = "vae.likelihoodReference")
    File likelihoodReference;

    @Override
    List<RunFailure> run(SuiteSession session) throws MojoFailureException {
        switch (export) {
            case "current-runs" -> getLog().info("vae: current runs of suite " + session.suite().name() + " listed in "
                    + session.exportCurrentRuns(exportDirectory.toPath()));
            case "likelihood" -> {
                LikelihoodRunExport listed = session.exportLikelihood(exportDirectory.toPath(),
                        likelihoodReference == null ? null : likelihoodReference.toPath());
                getLog().info("vae: " + listed.runs().size() + " current run(s) of suite " + listed.suite()
                        + " with a likelihood report listed in " + exportDirectory.toPath().resolve(LikelihoodRunExport.FILE));
            }
            default -> throw new MojoFailureException("-Dvae.export=" + export + " is not an export: expected "
                    + "current-runs or likelihood");
        }
        return List.of();
    }
}
