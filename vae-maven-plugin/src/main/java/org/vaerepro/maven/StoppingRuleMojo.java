package org.vaerepro.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.vaerepro.regression.StoppingRuleStudy;
import org.vaerepro.session.RunFailure;
import org.vaerepro.session.SuiteSession;

/**
 * Did the selected experiments' runs train long enough, and which early-stopping rule would let them converge? Fits
 * each current run's validation loss to a power law and simulates every rule (each maximum with each patience) on
 * the fitted curves with their own noise ({@code regression.StoppingRuleStudy}); writes the study to
 * {@code -Dvae.stoppingRule.file} (reproductions/analysis/mnist_stopping_rule.py prints it). Trains nothing; never
 * bound to a phase. The defaults are the study of reproductions/README.md.
 */
@Mojo(name = "stopping-rule", requiresProject = false, threadSafe = false)
public class StoppingRuleMojo extends AbstractVaeMojo {
    /** Where the study goes (JSON). */
    @Parameter(property = "vae.stoppingRule.file", required = true)
    File studyFile;

    /** The rules' improvement threshold on the validation loss. */
    @Parameter(property = "vae.stoppingRule.minDelta", defaultValue = "0.1")
    double minDelta;

    /** The rules' maximum epochs, comma-separated. */
    @Parameter(property = "vae.stoppingRule.maxima", defaultValue = "25,60,80")
    List<Integer> maxima;

    /** The rules' patience, comma-separated. */
    @Parameter(property = "vae.stoppingRule.patiences", defaultValue = "4,6,8,10")
    List<Integer> patiences;

    /** Simulated runs per run and rule. */
    @Parameter(property = "vae.stoppingRule.simulations", defaultValue = "2000")
    int simulations;

    /** The seed of the simulations' noise. */
    @Parameter(property = "vae.stoppingRule.seed", defaultValue = "1")
    long seed;

    @Override
    List<RunFailure> run(SuiteSession session) {
        StoppingRuleStudy study = session.studyStoppingRule(StoppingRuleStudy.Parameters.of(minDelta, maxima, patiences,
                simulations, seed), studyFile.toPath());
        getLog().info("vae: stopping-rule study of " + study.runs().size() + " current run(s) of suite " + study.suite()
                + ", " + study.rules().size() + " rules, written to " + studyFile);
        return List.of();
    }
}
