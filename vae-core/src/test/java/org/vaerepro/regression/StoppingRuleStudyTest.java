package org.vaerepro.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaerepro.Fixtures;
import org.vaerepro.experiment.OutputLayout;
import org.vaerepro.experiment.Run;
import org.vaerepro.experiment.Suite;
import org.vaerepro.experiment.SuiteParser;
import org.vaerepro.experiment.SuiteResults;
import org.vaerepro.io.AtomicFiles;
import org.vaerepro.train.ValidationReport;

/** The stopping-rule study on hand-made validation curves: the fit, the horizon, the simulated rules, current runs only. */
class StoppingRuleStudyTest {
    @TempDir
    Path dir;

    private Suite suite() {
        return Fixtures.suite(dir.resolve("stopping.json"), """
                {"suite": "stopping", "defaults": {"dataset": "mnist", "architecture": "vae", "epochs": 25, "seed": 1,
                 "seeds": 3, "validation": 500, "patience": 4, "minDelta": 0.1},
                 "experiments": [{"id": "d2", "latentDim": 2}]}
                """);
    }

    /** 90 + 25·epoch^-0.5 for epochs 1..n, plus {@code wiggle} alternating in sign. */
    private static List<ValidationReport> curve(int epochs, double wiggle) {
        List<ValidationReport> curve = new ArrayList<>();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            curve.add(Fixtures.validation(90 + 25 * Math.pow(epoch, -0.5) + (epoch % 2 == 0 ? wiggle : -wiggle), 15,
                    0.1));
        }
        return curve;
    }

    private SuiteResults results(Suite suite, double wiggle) {
        OutputLayout layout = new OutputLayout(dir.resolve("out"));
        List<Run> runs = Suite.runs(suite.experiments());
        Fixtures.writeResult(layout, suite, runs.get(0), 15, 0.1, null, curve(25, wiggle));
        Fixtures.writeResult(layout, suite, runs.get(1), 15, 0.1, null, curve(23, wiggle));
        // Seed 3 was trained under another spec: stale, its flat curve is not studied.
        AtomicFiles.writeJson(layout.run(suite, runs.get(2)).metricsFile(), Fixtures.result(suite,
                Fixtures.declaredOtherwise(runs.get(2).spec(), "{\"epochs\": 3}"), 15, 0.1, null));
        return SuiteResults.read(suite, layout);
    }

    private static StoppingRuleStudy.Parameters parameters(List<Integer> maxima, List<Integer> patiences, long seed) {
        return new StoppingRuleStudy.Parameters(0.1, maxima, patiences, 5, 4, 100, 200, seed);
    }

    @Test
    void fitsEachCurrentRunAndFindsWhereTheCurveFlattens() throws Exception {
        Suite suite = suite();
        StoppingRuleStudy study = StoppingRuleStudy.of(results(suite, 0), suite.experiments(),
                parameters(List.of(25), List.of(4), 1));
        assertEquals(List.of("d2/seed-1", "d2/seed-2"), study.runs().stream().map(StoppingRuleStudy.RunCurve::run)
                .toList(), "current runs only");
        StoppingRuleStudy.RunCurve first = study.runs().get(0);
        assertEquals(25, first.epochsTrained());
        assertEquals(90, first.fit().a(), 1e-5);
        assertEquals(25, first.fit().b(), 1e-5);
        assertEquals(0.5, first.fit().c(), 1e-7);
        assertEquals(21, first.fit().points(), "epochs 5 to 25");
        assertEquals(25 * 0.5 * Math.pow(25, -1.5), first.fallRateAtLast(), 1e-7);
        int horizon = 5;
        while (25 * (Math.pow(horizon, -0.5) - Math.pow(horizon + 4, -0.5)) >= 0.1) {
            horizon++;
        }
        assertEquals(horizon, first.horizon(), "the first epoch whose next 4 epochs gain less than minDelta");
        assertEquals(90 + 25 * Math.pow(horizon, -0.5), first.fittedLossAtHorizon(), 1e-5);
        assertEquals(23, study.runs().get(1).epochsTrained());
    }

    @Test
    void withoutNoiseEverySimulationStopsWhereTheRuleStopsTheFittedCurve() throws Exception {
        Suite suite = suite();
        StoppingRuleStudy study = StoppingRuleStudy.of(results(suite, 0), suite.experiments(),
                parameters(List.of(10, 200), List.of(4), 1));
        StoppingRuleStudy.RuleOutcome capped = study.rules().get(0);
        assertEquals(1.0, capped.atMaximum(), "the curve still gains more than 0.1 an epoch at epoch 10");
        assertEquals(10, capped.medianStop(), 0);
        assertEquals(1.0, capped.stoppedBeforeHorizon());
        // The rule restated: a new best below the previous one by more than 0.1, stop 4 epochs after the last.
        double best = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        int stop = 0;
        for (int epoch = 1; stop == 0; epoch++) {
            double loss = 90 + 25 * Math.pow(epoch, -0.5);
            if (loss < best - 0.1) {
                best = loss;
                bestEpoch = epoch;
            } else if (epoch - bestEpoch >= 4) {
                stop = epoch;
            }
        }
        StoppingRuleStudy.RuleOutcome free = study.rules().get(1);
        assertEquals(stop, free.medianStop(), 0);
        assertEquals(stop, free.stop90(), 0);
        assertEquals(stop, free.meanStop(), 1e-9);
        assertEquals(0, free.atMaximum());
        assertEquals(25 * (Math.pow(bestEpoch, -0.5) - 0.1), free.keptLossAboveReference(), 1e-4,
                "the kept epoch's fitted loss above epoch 100's");
    }

    @Test
    void isDeterministicGivenItsSeed() throws Exception {
        Suite suite = suite();
        SuiteResults results = results(suite, 0.3);
        StoppingRuleStudy.Parameters parameters = parameters(List.of(60), List.of(4, 8), 7);
        StoppingRuleStudy once = StoppingRuleStudy.of(results, suite.experiments(), parameters);
        assertEquals(once, StoppingRuleStudy.of(results, suite.experiments(), parameters));
        assertTrue(once.runs().get(0).fit().residualStandardDeviation() > 0.2);
        StoppingRuleStudy other = StoppingRuleStudy.of(results, suite.experiments(), parameters(List.of(60),
                List.of(4, 8), 8));
        assertNotEquals(once.rules(), other.rules(), "another seed draws other noise");
        assertTrue(once.rules().get(1).meanStop() > once.rules().get(0).meanStop(), "more patience, later stops");
    }

    @Test
    void aRunWithoutAValidationCurveIsNamed() throws Exception {
        Suite suite = suite();
        OutputLayout layout = new OutputLayout(dir.resolve("out"));
        Fixtures.writeResult(layout, suite, Suite.runs(suite.experiments()).get(0), 15, 0.1, null);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> StoppingRuleStudy.of(SuiteResults.read(suite, layout), suite.experiments(),
                        parameters(List.of(25), List.of(4), 1)));
        assertTrue(error.getMessage().contains("run d2/seed-1 trained 1 epochs"), error.getMessage());
    }
}
