package org.vaerepro.experiment;

/**
 * The unit of work: one experiment trained and evaluated with one seed, in its own folder, resumable on
 * its own. A suite expands into runs ({@link Suite#runs}); an experiment with one seed has one run whose
 * id is the experiment's, so single-seed suites keep their folders ({@code <suite>/<id>/}); with several
 * seeds each run is {@code <id>/seed-<seed>}.
 */
public record Run(ExperimentSpec experiment, long seed) {
    public Run {
        experiment.forSeed(seed); // checks the seed is one of the experiment's
    }

    /** The spec this run trains and evaluates: the experiment with only this run's seed. */
    public ExperimentSpec spec() {
        return experiment.forSeed(seed);
    }

    /** {@code <id>} for a single-seed experiment, {@code <id>/seed-<seed>} otherwise; also its folder below the suite's. */
    public String id() {
        return experiment.multiSeed() ? experiment.id() + "/seed-" + seed : experiment.id();
    }

    @Override
    public String toString() {
        return id();
    }
}
