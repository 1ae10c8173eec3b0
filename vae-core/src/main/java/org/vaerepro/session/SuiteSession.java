package org.vaerepro.session;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.vaerepro.data.DataLocations;
import org.vaerepro.data.DatasetRepository;
import org.vaerepro.experiment.ExperimentDatasets;
import org.vaerepro.experiment.ExperimentEvaluator;
import org.vaerepro.experiment.ExperimentSpec;
import org.vaerepro.experiment.ExperimentTrainer;
import org.vaerepro.experiment.LazyLpips;
import org.vaerepro.experiment.OutputLayout;
import org.vaerepro.experiment.Run;
import org.vaerepro.experiment.Shard;
import org.vaerepro.experiment.Suite;
import org.vaerepro.experiment.SuiteParser;
import org.vaerepro.experiment.SuiteRunner;
import org.vaerepro.regression.Baseline;
import org.vaerepro.regression.BaselineFile;
import org.vaerepro.report.ResultsPage;

/**
 * The front door: one suite file and its {@link SessionSettings}, and the steps a front end offers
 * (train, evaluate, report, reproduce, record a baseline). Settings in, files out, no front-end types.
 */
public final class SuiteSession {
    private final SessionSettings settings;
    private final Suite suite;
    private final OutputLayout layout;
    private final SuiteRunner runner;
    private final ExperimentDatasets datasets;
    private final Consumer<String> log;

    public SuiteSession(SessionSettings settings, Consumer<String> log) {
        this.settings = settings;
        this.suite = new SuiteParser().parse(settings.suiteFile());
        this.layout = new OutputLayout(settings.outputDirectory());
        this.log = log;
        DataLocations locations = DataLocations.from(settings.dataDirectory(), settings.environmentDataDirectory(),
                settings.homeDirectory(), settings.download());
        this.datasets = new ExperimentDatasets(new DatasetRepository(locations));
        LazyLpips lpips = new LazyLpips(settings.lpipsWeights());
        this.runner = new SuiteRunner(datasets, lpips, layout,
                new ExperimentTrainer(datasets, layout, lpips, log, settings.logEverySteps()),
                new ExperimentEvaluator(datasets, layout, lpips, log), log, settings.failFast());
    }

    /** What a step that runs experiments produced: the failed runs (empty when all succeeded), and the page if written. */
    public record Outcome(List<SuiteRunner.Failure> failures, Path page) {
    }

    public Suite suite() {
        return suite;
    }

    public OutputLayout layout() {
        return layout;
    }

    /** The experiments the settings select: all when none are named; unknown ids fail, naming the known ones. */
    public List<ExperimentSpec> selection() {
        return suite.select(new LinkedHashSet<>(settings.experiments()));
    }

    /** The runs of the selection (one per experiment and seed, or its first seeds), then this process's shard of them. */
    public List<Run> runs() {
        List<Run> all = Suite.runs(selection(), settings.firstSeeds());
        List<Run> slice = settings.shard().slice(all);
        if (!settings.shard().equals(Shard.ALL)) {
            log.accept("shard " + settings.shard() + ": " + slice.size() + " of " + all.size() + " run(s): " + slice);
        }
        return slice;
    }

    /** Validates the data and LPIPS weights the runs need ({@link SuiteRunner#preflight}), for a driver that runs them elsewhere. */
    public void preflight() {
        runner.preflight(runs(), true);
    }

    /** Trains the runs, after a preflight of their data ({@link SuiteRunner#preflight}). */
    public Outcome train() {
        List<Run> runs = runs();
        runner.preflight(runs, false);
        return new Outcome(execute(RunPhase.TRAIN, runs), null);
    }

    /** Evaluates the runs, after a preflight of their data and the LPIPS weights. */
    public Outcome evaluate() {
        List<Run> runs = runs();
        runner.preflight(runs, true);
        return new Outcome(execute(RunPhase.EVALUATE, runs), null);
    }

    /**
     * Train, evaluate and render the page, after a preflight of data and LPIPS weights (so a missing
     * weights file fails in seconds, not after training); the page is written even when some runs failed.
     */
    public Outcome reproduce() {
        List<Run> runs = runs();
        runner.preflight(runs, true);
        return new Outcome(execute(RunPhase.TRAIN_AND_EVALUATE, runs), report());
    }

    /**
     * In worker JVMs when the settings ask for several and more than one run needs work; here otherwise.
     * Results snapshots are skipped here, so a finished suite (a committed results folder) starts no worker.
     */
    private List<SuiteRunner.Failure> execute(RunPhase phase, List<Run> runs) {
        if (!settings.parallelism().parallel() || runs.size() < 2) {
            return runInThisProcess(phase, runs);
        }
        List<Run> needWork = runner.needingWork(suite, runs);
        if (needWork.size() < 2) {
            return runInThisProcess(phase, needWork);
        }
        Map<Run, Double> costs = new LinkedHashMap<>();
        for (Run run : needWork) {
            costs.put(run, cost(phase, run).pixelPasses());
        }
        return new WorkerPool(settings, log).run(phase, needWork, costs);
    }

    /**
     * Runs {@code phase} of each run in this process, one after another, without a preflight: the serial
     * path, and what a worker (a worker JVM, a Spark task) does with the runs it is sent.
     */
    public List<SuiteRunner.Failure> runInThisProcess(RunPhase phase, List<Run> runs) {
        boolean named = !settings.experiments().isEmpty();
        return switch (phase) {
            case TRAIN -> runner.train(suite, runs, named);
            case EVALUATE -> runner.evaluate(suite, runs);
            case TRAIN_AND_EVALUATE -> runner.trainAndEvaluate(suite, runs, named);
        };
    }

    /** Every run of the selection by id, whatever the shard (a worker is sent runs by id). */
    public Map<String, Run> runsById() {
        Map<String, Run> byId = new LinkedHashMap<>();
        for (Run run : Suite.runs(selection(), settings.firstSeeds())) {
            byId.put(run.id(), run);
        }
        return byId;
    }

    /**
     * A run already trained with its spec costs only its evaluation, and nothing when it was evaluated too
     * ({@link SuiteRunner#trainAndEvaluate} skips it). The datasets are those preflight loaded.
     */
    private RunCost cost(RunPhase phase, Run run) {
        ExperimentSpec spec = run.spec();
        boolean training = phase.trains() && !layout.run(suite, run).isTrained(spec);
        boolean evaluating = phase.evaluates() && !(phase.trains() && runner.isCurrent(suite, run));
        return RunCost.of(datasets.testSet(spec).shape(), datasets.trainSet(spec).size(),
                spec.validation(), spec.epochs(),
                datasets.testSet(spec).size(), training, evaluating);
    }

    /** Renders the results page; experiments not yet run show as "not run". */
    public Path report() {
        return ResultsPage.write(suite, layout, settings.templateDirectory());
    }

    /** Records the suite's current results as its baseline (deliberately; the file is meant to be committed). */
    public Baseline recordBaseline(Path file, String command) {
        Baseline baseline = BaselineFile.record(suite, layout, command);
        BaselineFile.write(file, baseline);
        return baseline;
    }
}
