package org.vaerepro.regression;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.vaerepro.experiment.ExperimentResult;
import org.vaerepro.experiment.ExperimentSpec;
import org.vaerepro.experiment.Run;
import org.vaerepro.experiment.RunStatus;
import org.vaerepro.experiment.SuiteResults;
import org.vaerepro.io.AtomicFiles;
import org.vaerepro.io.FileFormat;
import org.vaerepro.io.Preconditions;
import org.vaerepro.statistics.Percentile;
import org.vaerepro.statistics.PowerLawFit;
import org.vaerepro.train.Convergence;
import org.vaerepro.train.EarlyStopping;
import org.vaerepro.train.EpochReport;

/**
 * Did a suite's runs train long enough, and which early-stopping rule would let them converge? Each current run's
 * validation loss from epoch {@code firstFittedEpoch} on is fitted to a power law a + b·epoch^-c ({@link PowerLawFit}):
 * its residual scatter is the epoch-to-epoch noise, its fall rate at the last epoch says whether the run was still
 * improving, and its horizon is the first epoch at which the fitted curve's gain over the next
 * {@code horizonEpochs} epochs falls below the rule's {@code minDelta}: where a rule could stop on convergence rather
 * than on noise. Then every rule (each maximum with each patience, at that minDelta) is run, as training runs it
 * ({@link Convergence#over}), {@code simulations} times per run on the fitted curve plus Gaussian noise of the fit's
 * residual scatter (one seeded generator for the whole study, so it is deterministic), and summarised: the median and
 * 90th-percentile stop epoch, the share stopped before the run's horizon (every stop counts when a curve has no
 * horizon within {@link #HORIZON_LIMIT} epochs), the share at the maximum, the mean fitted loss of the kept (best)
 * epoch above the fitted loss at {@code referenceEpoch}, and the mean stop epoch. Only current runs count.
 */
public record StoppingRuleStudy(FileFormat format, String suite, Parameters parameters, List<RunCurve> runs,
        List<RuleOutcome> rules) {
    public static final FileFormat FORMAT = new FileFormat("vae-repro-stopping-rule-study", 1);
    /** The last epoch searched for a curve's horizon. */
    public static final int HORIZON_LIMIT = 1000;

    public StoppingRuleStudy {
        runs = List.copyOf(runs);
        rules = List.copyOf(rules);
    }

    /** What the study fits and simulates; the rules are every maximum with every patience. */
    public record Parameters(double minDelta, List<Integer> maxima, List<Integer> patiences, int firstFittedEpoch,
            int horizonEpochs, int referenceEpoch, int simulations, long seed) {
        public Parameters {
            Preconditions.check(minDelta >= 0 && Double.isFinite(minDelta), "minDelta must be finite and >= 0, got "
                    + minDelta);
            maxima = List.copyOf(maxima);
            patiences = List.copyOf(patiences);
            Preconditions.check(!maxima.isEmpty() && maxima.stream().allMatch(m -> m > 0),
                    "the rules' maximum epochs must be > 0, got " + maxima);
            Preconditions.check(!patiences.isEmpty() && patiences.stream().allMatch(p -> p > 0),
                    "the rules' patience must be > 0 epochs, got " + patiences);
            Preconditions.positive(firstFittedEpoch, "the first fitted epoch");
            Preconditions.positive(horizonEpochs, "the horizon's epochs");
            Preconditions.positive(referenceEpoch, "the reference epoch");
            Preconditions.positive(simulations, "the simulations per run");
        }

        /**
         * The rules given, with the fit and horizon of reproductions/README.md's study: curves fitted from epoch 5 (the
         * first epochs fall faster than any power law fitted to the rest), the horizon over 4 epochs (a patience's
         * worth), the kept model against the fitted loss at epoch 100.
         */
        public static Parameters of(double minDelta, List<Integer> maxima, List<Integer> patiences, int simulations,
                long seed) {
            return new Parameters(minDelta, maxima, patiences, 5, 4, 100, simulations, seed);
        }
    }

    /**
     * One run's fitted curve: the epochs it trained, its last validation loss, the fit (a, b, c, residual standard
     * deviation), how fast the fitted loss still fell at the last epoch, and its horizon with the fitted loss there
     * (both null when the curve has none within {@link #HORIZON_LIMIT} epochs).
     */
    public record RunCurve(String run, int epochsTrained, double lastLoss, PowerLawFit fit, double fallRateAtLast,
            Integer horizon, Double fittedLossAtHorizon) {
    }

    /** One rule over every run's simulations. */
    public record RuleOutcome(int maximum, int patience, double medianStop, double stop90, double meanStop,
            double stoppedBeforeHorizon, double atMaximum, double keptLossAboveReference) {
    }

    /** The study of the current runs of {@code experiments} (a suite's selection) in {@code results}. */
    public static StoppingRuleStudy of(SuiteResults results, List<ExperimentSpec> experiments, Parameters parameters) {
        List<RunCurve> curves = new ArrayList<>();
        for (ExperimentSpec spec : experiments) {
            for (Run run : results.runs(spec)) {
                if (results.status(run) instanceof RunStatus.Current current) {
                    curves.add(curve(run, current.result(), parameters));
                }
            }
        }
        Preconditions.check(!curves.isEmpty(), "suite " + results.suite().name() + " has no current run among "
                + experiments.stream().map(ExperimentSpec::id).toList() + " to study");
        Random noise = new Random(parameters.seed());
        List<RuleOutcome> rules = new ArrayList<>();
        for (int maximum : parameters.maxima()) {
            for (int patience : parameters.patiences()) {
                rules.add(simulate(curves, new EarlyStopping(patience, parameters.minDelta()), maximum, parameters,
                        noise));
            }
        }
        return new StoppingRuleStudy(FORMAT, results.suite().name(), parameters, curves, rules);
    }

    public static void write(Path file, StoppingRuleStudy study) {
        AtomicFiles.writeJson(file, study);
    }

    private static RunCurve curve(Run run, ExperimentResult result, Parameters parameters) {
        List<EpochReport> epochs = result.training();
        int first = parameters.firstFittedEpoch();
        Preconditions.check(epochs.size() >= first + 3, "run " + run.id() + " trained " + epochs.size()
                + " epochs; fitting its validation loss from epoch " + first + " needs at least " + (first + 3));
        double[] x = new double[epochs.size() - first + 1];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            EpochReport epoch = epochs.get(first - 1 + i);
            Preconditions.check(epoch.validation() != null, "run " + run.id() + " has no validation loss at epoch "
                    + (first + i) + ": a stopping-rule study needs a held-out validation curve");
            x[i] = first + i;
            y[i] = epoch.validation().loss();
        }
        double last = y[y.length - 1];
        // The start scipy's curve_fit was given when the study was first made: a floor a little below the last loss.
        PowerLawFit fit = PowerLawFit.of(x, y, last - 5, 50, 1);
        Integer horizon = null;
        for (int k = first; k < HORIZON_LIMIT; k++) {
            if (fit.at(k) - fit.at(k + parameters.horizonEpochs()) < parameters.minDelta()) {
                horizon = k;
                break;
            }
        }
        return new RunCurve(run.id(), epochs.size(), last, fit, fit.fallRate(epochs.size()), horizon,
                horizon == null ? null : fit.at(horizon));
    }

    private static RuleOutcome simulate(List<RunCurve> curves, EarlyStopping rule, int maximum, Parameters parameters,
            Random noise) {
        int count = curves.size() * parameters.simulations();
        double[] stops = new double[count];
        int beforeHorizon = 0;
        int atMaximum = 0;
        double excess = 0;
        int i = 0;
        for (RunCurve curve : curves) {
            PowerLawFit fit = curve.fit();
            double[] losses = new double[maximum];
            for (int s = 0; s < parameters.simulations(); s++, i++) {
                for (int k = 0; k < maximum; k++) {
                    losses[k] = fit.at(k + 1) + fit.residualStandardDeviation() * noise.nextGaussian();
                }
                Convergence ended = Convergence.over(losses, rule, maximum);
                int stop = ended.epochsTrained();
                stops[i] = stop;
                beforeHorizon += curve.horizon() == null || stop < curve.horizon() ? 1 : 0;
                atMaximum += stop == maximum ? 1 : 0;
                excess += fit.at(ended.bestEpoch() + 1) - fit.at(parameters.referenceEpoch());
            }
        }
        double mean = 0;
        for (double stop : stops) {
            mean += stop;
        }
        return new RuleOutcome(maximum, rule.patience(), Percentile.of(stops, 50), Percentile.of(stops, 90),
                mean / count, (double) beforeHorizon / count, (double) atMaximum / count, excess / count);
    }
}
