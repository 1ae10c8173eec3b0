package org.vaerepro.session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.vaerepro.data.DataLocations;
import org.vaerepro.data.DatasetRepository;
import org.vaerepro.data.FileChecksums;
import org.vaerepro.experiment.ExperimentDatasets;
import org.vaerepro.experiment.ExperimentEvaluator;
import org.vaerepro.experiment.ExperimentSpec;
import org.vaerepro.experiment.ExperimentTrainer;
import org.vaerepro.experiment.LazyLpips;
import org.vaerepro.experiment.OutputLayout;
import org.vaerepro.experiment.ReferenceModels;
import org.vaerepro.experiment.Run;
import org.vaerepro.experiment.RunStatus;
import org.vaerepro.experiment.Shard;
import org.vaerepro.experiment.Suite;
import org.vaerepro.experiment.SuiteParser;
import org.vaerepro.experiment.SuiteResults;
import org.vaerepro.regression.Baseline;
import org.vaerepro.regression.BaselineCheck;
import org.vaerepro.regression.BaselineFile;
import org.vaerepro.regression.GateCalibration;
import org.vaerepro.regression.ReferenceModel;
import org.vaerepro.regression.SuiteComparison;
import org.vaerepro.regression.SuiteJudgement;
import org.vaerepro.io.AtomicFiles;
import org.vaerepro.io.Preconditions;
import org.vaerepro.provenance.EnvironmentProvenance;
import org.vaerepro.report.ResultsPage;

/**
 * The front door: one suite file and its {@link SessionSettings}, and the steps a front end offers (train,
 * evaluate, report, reproduce, judge, check against a baseline, record a baseline, publish to a site). Settings in,
 * files and judged results out, no front-end types. Every step that reads results asks each run's
 * {@link RunStatus} and judges through {@link SuiteJudgement}, so all front ends give the same answers.
 */
public final class SuiteSession {
    private final SessionSettings settings;
    private final Suite suite;
    private final OutputLayout layout;
    private final SuiteRunner runner;
    private final ExperimentDatasets datasets;
    private final ExperimentEvaluator evaluator;
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
        this.evaluator = new ExperimentEvaluator(datasets, layout, lpips, log);
        this.runner = new SuiteRunner(datasets, lpips, layout,
                new ExperimentTrainer(datasets, layout, lpips, log, settings.logEverySteps()), evaluator, log,
                settings.failFast());
    }

    /** What a step that runs experiments produced: the failed runs (empty when all succeeded), and the page if written. */
    public record Outcome(List<RunFailure> failures, Path page) {
    }

    /** What a step for a site produced: the standalone page copy, and the judged summary that links it (HTML). */
    public record SiteSummary(Path page, String html) {
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

    /** Validates the output folder, data and LPIPS weights the runs need, for a driver that runs them elsewhere. */
    public void preflight() {
        runner.preflight(runs(), true);
    }

    /** Trains the runs, after a preflight of their data. */
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
     * Train, evaluate and render the page, after a preflight of data and LPIPS weights (so a missing weights file
     * fails in seconds, not after training); the page is written even when some runs failed.
     */
    public Outcome reproduce() {
        List<Run> runs = runs();
        runner.preflight(runs, true);
        return new Outcome(execute(RunPhase.TRAIN_AND_EVALUATE, runs), report());
    }

    /**
     * In worker JVMs when the settings ask for several and more than one run needs work; here otherwise.
     * Current runs are skipped here, so a finished suite (a committed results folder) starts no worker.
     */
    private List<RunFailure> execute(RunPhase phase, List<Run> runs) {
        if (!settings.parallelism().parallel() || runs.size() < 2) {
            return runInThisProcess(phase, runs);
        }
        List<Run> needWork = phase.trains() ? runner.needingWork(suite, runs) : runs;
        if (needWork.size() < 2) {
            return runInThisProcess(phase, needWork);
        }
        Map<Run, Double> costs = new LinkedHashMap<>();
        for (Run run : needWork) {
            costs.put(run, cost(phase, run).pixelPasses());
        }
        return new WorkerPool(settings, log, WorkerPool.RetryPolicy.DEFAULT).run(phase, needWork, costs);
    }

    /**
     * Runs {@code phase} of each run in this process, one after another, without a preflight: the serial
     * path, and what a worker (a worker JVM, a Spark task) does with the runs it is sent.
     */
    public List<RunFailure> runInThisProcess(RunPhase phase, List<Run> runs) {
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
     * A run that needs training costs its training and evaluation; one that needs only evaluation costs that. The
     * datasets are those preflight loaded.
     */
    private RunCost cost(RunPhase phase, Run run) {
        ExperimentSpec spec = run.spec();
        RunStatus status = layout.run(suite, run).status(spec);
        boolean training = phase.trains() && status.needsTraining();
        boolean evaluating = phase.evaluates() && (!phase.trains() || status.needsEvaluation());
        return RunCost.of(datasets.testSet(spec).shape(), datasets.trainSet(spec).size(), spec.training().validation(),
                spec.stopping().epochs(), datasets.testSet(spec).size(), training, evaluating);
    }

    /** Where one run stands now ({@link RunStatus}). */
    public RunStatus status(Run run) {
        return layout.run(suite, run).status(run.spec());
    }

    /** Every run of the suite with its status, read from the output folder now. */
    public SuiteResults results() {
        return SuiteResults.read(suite, layout);
    }

    /** Everything judged about the suite's current results: verdicts, the claim ({@link SuiteJudgement}). */
    public SuiteJudgement judge() {
        return SuiteJudgement.of(results());
    }

    /** Renders the results page; runs without a current result show why. */
    public Path report() {
        layout.problem().ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
        SuiteResults results = results();
        SuiteJudgement judgement = SuiteJudgement.of(results);
        return ResultsPage.write(results, judgement, comparison(judgement), layout, settings.templateDirectory());
    }

    /**
     * The page as a standalone copy under {@code siteDirectory/<suite>/} and the judged summary a site shows, linking
     * the copy by a path relative to {@code siteDirectory}'s parent page ({@code <site folder name>/<suite>/index.html}).
     */
    public SiteSummary publishSite(Path siteDirectory) {
        SuiteResults results = results();
        SuiteJudgement judgement = SuiteJudgement.of(results);
        Path page = ResultsPage.publish(results, judgement, comparison(judgement), layout,
                settings.templateDirectory(), siteDirectory);
        String link = siteDirectory.getFileName() + "/" + suite.name() + "/" + OutputLayout.PAGE_FILE;
        return new SiteSummary(page, ResultsPage.summary(results, judgement, link, settings.templateDirectory()));
    }

    /** This suite against the one it names in {@code comparedWith}, both read from the same output folder; null if none. */
    private SuiteComparison comparison(SuiteJudgement judgement) {
        if (suite.comparedWith() == null) {
            return null;
        }
        Suite other = new SuiteParser().parse(suite.comparedWith());
        return SuiteComparison.of(judgement, SuiteJudgement.of(SuiteResults.read(other, layout)),
                suite.comparedWith().getFileName().toString());
    }

    /** The suite's baseline file when none is named: {@code baselines/<suite>.json} beside the suite file's folder. */
    public Path defaultBaselineFile() {
        Path suiteFolder = suite.file().toAbsolutePath().getParent();
        Path root = suiteFolder.getParent() == null ? suiteFolder : suiteFolder.getParent();
        return root.resolve("baselines").resolve(suite.name() + ".json");
    }

    /**
     * Each of the session's runs ({@link #runs}) against the baseline in {@code baselineFile} ({@link
     * #defaultBaselineFile} when null), and the baseline's reference models measured now: every deviation, each
     * naming the check that found it. Empty: no drift. {@link #checkBaseline} has the checks it skipped too.
     */
    public List<BaselineCheck.Deviation> baselineDeviations(Path baselineFile) {
        return checkBaseline(baselineFile).deviations();
    }

    /**
     * The baseline gate ({@link BaselineCheck#check}): the session's runs against the baseline in {@code baselineFile}
     * ({@link #defaultBaselineFile} when null), their end-of-training values and early-step trajectories, and the
     * baseline's reference models, measured here on their fixed test images (this needs the data and the LPIPS
     * weights). Checks an older baseline cannot support are skipped and logged with how to record it again. The
     * outcome is also written to {@link OutputLayout#baselineCheck} (a calibration of the windows reads the
     * reference models' numbers back from there).
     */
    public BaselineCheck.Outcome checkBaseline(Path baselineFile) {
        Path file = baselineFile == null ? defaultBaselineFile() : baselineFile;
        Baseline baseline = BaselineFile.read(file);
        Map<String, ReferenceModels.Measurement> measured = new LinkedHashMap<>();
        ReferenceModels references = new ReferenceModels(evaluator);
        baseline.referenceModels().forEach((name, reference) -> {
            log.accept("baseline check: measuring reference model " + name);
            measured.put(name, references.measure(referenceFile(file, reference), reference.sha256(),
                    reference.spec()));
        });
        BaselineCheck.Outcome outcome = BaselineCheck.check(file, baseline, results(), runs(), measured,
                EnvironmentProvenance.current());
        outcome.skipped().forEach(skipped -> log.accept("baseline check: " + skipped));
        AtomicFiles.writeJson(layout.baselineCheck(suite.name()), outcome);
        return outcome;
    }

    private static Path referenceFile(Path baselineFile, ReferenceModel reference) {
        return baselineFile.toAbsolutePath().getParent().resolve(reference.file());
    }

    /**
     * Records the suite's current results as its baseline in {@code file} ({@link #defaultBaselineFile} when null),
     * deliberately: the file is meant to be reviewed and committed. Keeps the reference models the baseline already
     * there lists, measured again now.
     */
    public Baseline recordBaseline(Path file, String command) {
        return recordBaseline(file, command, List.of(), List.of());
    }

    /**
     * As {@link #recordBaseline(Path, String)}, calibrating the exact checks' windows against the same suite's runs
     * under other configurations: each of {@code calibration} is an output folder where the suite's first seeds were
     * trained (at another thread count or with the other native build) and checked against a baseline listing the
     * reference models (its {@link OutputLayout#baselineCheck} holds their numbers there). {@code referenceFrom}
     * names experiments whose first-seed runs become the reference models, rounded to float16 into
     * {@code <baseline folder>/<suite>-reference-models/<experiment>.zip} (replacing any there); empty keeps the
     * reference models of the baseline already in {@code file}, if any.
     */
    public Baseline recordBaseline(Path file, String command, List<Path> calibration, List<String> referenceFrom) {
        Path target = file == null ? defaultBaselineFile() : file;
        List<BaselineFile.ReferenceMeasured> references = new ArrayList<>();
        ReferenceModels measuring = new ReferenceModels(evaluator);
        for (Map.Entry<String, ReferenceModel> named : referenceModels(target, referenceFrom).entrySet()) {
            ReferenceModel reference = named.getValue();
            Path at = referenceFile(target, reference);
            String sha256 = FileChecksums.sha256(at);
            log.accept("baseline: measuring reference model " + named.getKey() + " (" + at + ")");
            ReferenceModels.Measurement measured = measuring.measure(at, sha256, reference.spec());
            if (measured instanceof ReferenceModels.Unusable unusable) {
                throw new IllegalStateException(unusable.problem());
            }
            references.add(new BaselineFile.ReferenceMeasured(named.getKey(), reference.file(), sha256,
                    reference.source(), reference.spec(), ((ReferenceModels.Measured) measured).values()));
        }
        List<GateCalibration.Configuration> configurations = new ArrayList<>();
        for (Path folder : calibration) {
            OutputLayout other = new OutputLayout(folder);
            Path record = other.baselineCheck(suite.name());
            Preconditions.check(Files.isRegularFile(record), "calibration folder " + folder + " holds no baseline check "
                    + "record " + record + ": train the suite's first seeds there and check them against a baseline that "
                    + "lists the reference models, in the configuration to calibrate against");
            configurations.add(GateCalibration.configuration(record, SuiteResults.read(suite, other)));
        }
        Baseline baseline = BaselineFile.record(results(), command, configurations, references);
        BaselineFile.write(target, baseline);
        return baseline;
    }

    /**
     * The reference models to record: new ones rounded from the first-seed runs of {@code referenceFrom}, or those of
     * the baseline now in {@code target} (none when there is none).
     */
    private Map<String, ReferenceModel> referenceModels(Path target, List<String> referenceFrom) {
        if (referenceFrom.isEmpty()) {
            return Files.isRegularFile(target) ? BaselineFile.read(target).referenceModels() : Map.of();
        }
        Map<String, ReferenceModel> created = new LinkedHashMap<>();
        String folder = suite.name() + "-reference-models";
        for (ExperimentSpec spec : suite.select(new LinkedHashSet<>(referenceFrom))) {
            Run run = new Run(spec, spec.seed());
            Path model = layout.run(suite, run).modelFile();
            Preconditions.check(status(run) instanceof RunStatus.Current && Files.isRegularFile(model), "a reference "
                    + "model is rounded from a current run with its model file; run " + run.id() + " is "
                    + status(run).describe() + (Files.isRegularFile(model) ? "" : " and has no " + model));
            String name = folder + "/" + spec.id() + ".zip";
            Path at = target.toAbsolutePath().getParent().resolve(name);
            ReferenceModels.writeRounded(model, at);
            log.accept("baseline: reference model " + at + " rounded to float16 from " + model);
            created.put(spec.id(), new ReferenceModel(name, null, run.id(), ReferenceModels.measurementSpec(spec),
                    Map.of()));
        }
        return created;
    }
}
