package org.vaerepro.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.vaerepro.regression.Judgement;
import org.vaerepro.regression.SuiteComparison;
import org.vaerepro.session.RunFailure;
import org.vaerepro.session.SuiteSession;

/**
 * Judges the suite's results and compares them, experiment by experiment, with another suite file's results in their
 * own output folder ({@code -Dvae.compareWith}, {@code -Dvae.compareOutputDirectory}; e.g. an earlier revision's suite
 * and results, extracted with {@code git archive}): what differs in the specs, each seed on both sides, the Welch and
 * the paired difference of PSNR and LPIPS, and the bottleneck steps on both sides. The comparison lands in
 * {@code judgement.json} (its {@code comparison}); reproductions/analysis/protocol_change.py prints it. Trains nothing;
 * never bound to a phase.
 */
@Mojo(name = "compare", requiresProject = false, threadSafe = false)
public class CompareMojo extends AbstractVaeMojo {
    /** The suite file to compare with. */
    @Parameter(property = "vae.compareWith", required = true)
    File compareWith;

    /** The output folder holding that suite's results; by default this suite's output folder. */
    @Parameter(property = "vae.compareOutputDirectory")
    File compareOutputDirectory;

    @Override
    List<RunFailure> run(SuiteSession session) {
        Judgement judgement = session.compare(compareWith.toPath(),
                (compareOutputDirectory != null ? compareOutputDirectory : outputDirectory).toPath());
        SuiteComparison comparison = judgement.comparison();
        getLog().info("vae: suite " + judgement.judged().suite() + " against " + comparison.otherFile() + ": "
                + comparison.rows().size() + " experiment(s) measured in both; judgement in "
                + session.layout().judgement(judgement.judged().suite()));
        for (SuiteComparison.Row row : comparison.rows()) {
            getLog().info("  " + row.here().id() + ": PSNR " + row.psnr().describe() + "; LPIPS " + row.lpips().describe());
        }
        return List.of();
    }
}
