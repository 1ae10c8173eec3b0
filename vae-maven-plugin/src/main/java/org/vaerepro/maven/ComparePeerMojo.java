package org.vaerepro.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.vaerepro.regression.PeerCurveComparison;
import org.vaerepro.session.RunFailure;
import org.vaerepro.session.SuiteSession;

/**
 * Puts the selected experiments' per-epoch validation curves beside an independent implementation's (a peer's
 * {@code <experiment id>.json} in {@code -Dvae.peerCurves}, e.g. from vae-core/src/bench/python/learning_curves_peer.py):
 * per epoch and measure, each side's mean and range over its seeds and Welch's test of the two, Holm-adjusted over
 * the experiment's tests ({@code regression.PeerCurveComparison}); one {@code <experiment id>.json} per experiment in
 * {@code -Dvae.peerComparisonDirectory} (vae-core/src/bench/python/compare_learning_curves.py plots and prints them).
 * Only current runs count. Trains nothing; never bound to a phase.
 */
@Mojo(name = "compare-peer", requiresProject = false, threadSafe = false)
public class ComparePeerMojo extends AbstractVaeMojo {
    /** The folder holding the peer's curves, one {@code <experiment id>.json} per experiment compared. */
    @Parameter(property = "vae.peerCurves", required = true)
    File peerCurves;

    /** Where the comparisons go; by default {@code comparison/} in the suite's output folder. */
    @Parameter(property = "vae.peerComparisonDirectory")
    File peerComparisonDirectory;

    @Override
    List<RunFailure> run(SuiteSession session) {
        Path out = peerComparisonDirectory != null ? peerComparisonDirectory.toPath()
                : session.layout().suiteDirectory(session.suite().name()).resolve("comparison");
        for (PeerCurveComparison comparison : session.comparePeerCurves(peerCurves.toPath(), out)) {
            getLog().info("vae: " + comparison.experiment() + " (" + comparison.projectCurves().size()
                    + " current runs) against " + comparison.peerFile() + " (" + comparison.peerCurves().size()
                    + " seeds), " + comparison.epochs().size() + " epochs, " + comparison.tests() + " tests: "
                    + out.resolve(comparison.experiment() + ".json"));
        }
        return List.of();
    }
}
