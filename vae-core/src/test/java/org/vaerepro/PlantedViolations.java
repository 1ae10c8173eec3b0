package org.vaerepro;

import java.nio.file.Path;
import java.util.List;
import org.vaerepro.experiment.ExperimentResult;
import org.vaerepro.experiment.ExperimentSpec;
import org.vaerepro.experiment.PublishedMargins;
import org.vaerepro.experiment.ReportedValues;
import org.vaerepro.regression.BottleneckClaim;
import org.vaerepro.regression.CellVerdict;
import org.vaerepro.statistics.SampleSummary;

/**
 * What the architecture's one-place rules forbid, written out so {@link ArchitectureTest} can show that each rule
 * fails on it. Never called.
 */
final class PlantedViolations {
    private PlantedViolations() {
    }

    /** A second staleness rule: reads metrics.json and compares specs itself. */
    static boolean isCurrent(Path metrics, ExperimentSpec spec) {
        return ExperimentResult.read(metrics).spec().equals(spec);
    }

    /** A verdict computed outside regression. */
    static CellVerdict verdict(SampleSummary measured, ReportedValues reported) {
        return org.vaerepro.regression.PublishedTableRule.psnr(measured, reported, PublishedMargins.DEFAULT);
    }

    /** A claim tested outside regression. */
    static List<BottleneckClaim.Step> claim(List<BottleneckClaim.Size> sizes) {
        return BottleneckClaim.steps(sizes);
    }
}
