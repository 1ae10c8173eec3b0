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
import org.vaerepro.experiment.CurrentRunsExport;
import org.vaerepro.data.FileChecksums;
import org.vaerepro.experiment.ExperimentDatasets;
import org.vaerepro.experiment.ExperimentEvaluator;
import org.vaerepro.experiment.ExperimentSpec;
import org.vaerepro.experiment.ExperimentTrainer;
import org.vaerepro.experiment.LazyLpips;
import org.vaerepro.experiment.LikelihoodRunExport;
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
import org.vaerepro.regression.PeerCurveComparison;
import org.vaerepro.regression.StoppingRuleStudy;
import org.vaerepro.regression.SuiteComparison;
import org.vaerepro.regression.SuiteJudgement;
import org.vaerepro.regression.Gate;
import org.vaerepro.regression.Judgement;
import org.vaerepro.regression.SuiteGate;
import org.vaerepro.regression.VerdictRecord;
import org.vaerepro.regression.GateCalibration;
import org.vaerepro.regression.ReferenceModel;
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

    /**
     * The files the gate holds a suite to: a baseline and a verdict record, each null for its default beside the suite
     * ({@link #defaultBaselineFile}, {@link #defaultVerdictRecord}), which counts only when it exists; a file named
     * here must exist.
     */
    public record GateFiles(Path baseline, Path verdictRecord) {
        public static final GateFiles DEFAULT = new GateFiles(null, null);
    }

    /**
     * Judges the suite's current results ({@link SuiteJudgement}) and holds the selected runs to the gate
     * ({@link SuiteGate}), writes the judgement to {@code <output>/<suite>/judgement.json} and returns it as read back
     * from there, so every view of it is a view of the file.
     */
    public Judgement judge(GateFiles files) {
        return judge(files, null);
    }

    /**
     * Judges the suite as {@link #judge} does, but compares it with the suite in {@code otherSuiteFile} whose results
     * lie in {@code otherOutputDirectory} (instead of the one its {@code comparedWith} names, in the same output folder):
     * an earlier revision's suite and results, say, extracted beside this one. The comparison lands in judgement.json.
     */
    public Judgement compare(Path otherSuiteFile, Path otherOutputDirectory) {
        Suite other = new SuiteParser().parse(otherSuiteFile);
        Path otherResults = new OutputLayout(otherOutputDirectory).suiteDirectory(other.name());
        if (!Files.isDirectory(otherResults)) {
            throw new IllegalArgumentException("no results of suite " + other.name() + " to compare with: "
                    + otherResults + " is not a folder (the output folder of " + otherSuiteFile + " is "
                    + otherOutputDirectory + ")");
        }
        return judge(GateFiles.DEFAULT, new Comparand(other, new OutputLayout(otherOutputDirectory),
                otherSuiteFile.toString()));
    }

    /** The suite a judgement compares with, the folder holding its results, and the file as the judgement names it. */
    private record Comparand(Suite suite, OutputLayout layout, String shown) {
    }

    private Judgement judge(GateFiles files, Comparand comparand) {
        layout.problem().ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
        SuiteResults results = results();
        SuiteJudgement judged = SuiteJudgement.of(results);
        Path baselineFile = files.baseline() != null ? files.baseline() : defaultBaselineFile();
        Baseline baseline = files.baseline() != null || Files.isRegularFile(baselineFile)
                ? BaselineFile.read(baselineFile) : null;
        Path recordFile = files.verdictRecord() != null ? files.verdictRecord() : defaultVerdictRecord();
        VerdictRecord record = VerdictRecord.readIfPresent(recordFile);
        if (record == null && files.verdictRecord() != null) {
            throw new IllegalStateException("verdict record " + recordFile + " does not exist: record the suite's "
                    + "verdicts with its baseline, or name no record");
        }
        List<Run> selected = runs();
        boolean everySeed = settings.firstSeeds() == 0 || selection().stream()
                .allMatch(spec -> spec.seeds().size() <= settings.firstSeeds());
        BaselineCheck.Outcome exact = baseline == null ? null : checkBaseline(baselineFile);
        Gate gate = SuiteGate.of(judged, results, new SuiteGate.Expectations(selected, everySeed, baseline,
                baseline == null ? null : shown(baselineFile), exact, record,
                record == null ? null : shown(recordFile)));
        Path file = layout.judgement(suite.name());
        Comparand other = comparand != null ? comparand : suite.comparedWith() == null ? null
                : new Comparand(comparedSuite(), layout, suite.comparedWith().getFileName().toString());
        SuiteComparison comparison = other == null ? null
                : SuiteComparison.of(results, judged, SuiteResults.read(other.suite(), other.layout()), other.shown());
        Judgement.write(file, Judgement.of(suite.file(), settings.firstSeeds(), judged, comparison, gate));
        return Judgement.read(file);
    }

    /** What a report step produced: the page, and the judgement it rendered. */
    public record Reported(Path page, Judgement judgement) {
    }

    /** Renders the results page from the judgement ({@link #judge}); runs without a current result show why. */
    public Path report() {
        return report(GateFiles.DEFAULT).page();
    }

    /** Judges the suite against {@code files} and renders the page from that judgement. */
    public Reported report(GateFiles files) {
        Judgement judgement = judge(files);
        return new Reported(ResultsPage.write(results(), judgement, layout, settings.templateDirectory()), judgement);
    }

    /**
     * The page as a standalone copy under {@code siteDirectory/<suite>/} and the judged summary a site shows (what the
     * gate decided, the verdicts, the claim), linking the copy by a path relative to {@code siteDirectory}'s parent page
     * ({@code <site folder name>/<suite>/index.html}).
     */
    public SiteSummary publishSite(Path siteDirectory) {
        Judgement judgement = judge(GateFiles.DEFAULT);
        SuiteResults results = results();
        Path page = ResultsPage.publish(results, judgement, layout, settings.templateDirectory(), siteDirectory);
        String link = siteDirectory.getFileName() + "/" + suite.name() + "/" + OutputLayout.PAGE_FILE;
        return new SiteSummary(page, ResultsPage.summary(results, judgement, link, settings.templateDirectory()));
    }

    /** The suite its {@code comparedWith} names (which must be set). */
    private Suite comparedSuite() {
        return new SuiteParser().parse(suite.comparedWith());
    }

    /** The suite's baseline file when none is named: {@code baselines/<suite>.json} beside the suite file's folder. */
    public Path defaultBaselineFile() {
        Path suiteFolder = suite.file().toAbsolutePath().getParent();
        Path root = suiteFolder.getParent() == null ? suiteFolder : suiteFolder.getParent();
        return root.resolve("baselines").resolve(suite.name() + ".json");
    }

    /** A file as a judgement names it: relative to the folder holding the suite's folder when it lies below it. */
    private String shown(Path file) {
        Path root = defaultBaselineFile().getParent().getParent().toAbsolutePath().normalize();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(root) ? root.relativize(absolute).toString() : absolute.toString();
    }

    /** The suite's verdict record when none is named: {@code <suite>.verdicts.json} beside its default baseline. */
    public Path defaultVerdictRecord() {
        return defaultBaselineFile().resolveSibling(suite.name() + ".verdicts.json");
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
            ReferenceModels.Measurement measurement;
            try {
                measurement = references.measure(referenceFile(file, reference), reference.sha256(), reference.spec());
            } catch (RuntimeException e) { // no data or weights here: the check fails, naming why, and the rest goes on
                measurement = new ReferenceModels.Unusable("reference model " + name + " could not be measured: "
                        + e.getMessage());
            }
            measured.put(name, measurement);
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
     * Records the suite's verdicts now (every published cell and tested claim step, {@link VerdictRecord}) in
     * {@code file} ({@link #defaultVerdictRecord} when null), deliberately: from then on the gate holds the suite to
     * them. Every run of every declared seed must be current, as for a baseline.
     */
    public VerdictRecord recordVerdicts(Path file, String command) {
        SuiteResults results = results();
        List<String> missing = results.statuses().entrySet().stream()
                .filter(entry -> !(entry.getValue() instanceof RunStatus.Current))
                .map(entry -> entry.getKey().id() + " (" + entry.getValue().describe() + ")").toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("cannot record the verdicts of suite " + suite.name() + ": not every run "
                    + "has a current result: " + String.join("; ", missing));
        }
        VerdictRecord record = VerdictRecord.of(SuiteJudgement.of(results), command);
        VerdictRecord.write(file == null ? defaultVerdictRecord() : file, record);
        return record;
    }

    /**
     * Lists the suite's runs whose results are current ({@link CurrentRunsExport}) in {@code folder}/runs.json, for
     * programs outside the JVM; returns that file.
     */
    public Path exportCurrentRuns(Path folder) {
        return CurrentRunsExport.of(results(), layout).write(folder);
    }

    /**
     * Exports the suite's current runs with a likelihood report and a model file for the independent likelihood
     * computation ({@link LikelihoodRunExport}) to {@code folder}, leaving out those with a case in {@code reference}
     * (null: none), and lists every such run in {@code folder}/runs.json with the same run of the suite its
     * {@code comparedWith} names.
     */
    public LikelihoodRunExport exportLikelihood(Path folder, Path reference) {
        SuiteResults compared = suite.comparedWith() == null ? null : SuiteResults.read(comparedSuite(), layout);
        return LikelihoodRunExport.export(results(), compared, layout, datasets, folder, reference, log);
    }

    /**
     * The early-stopping study ({@link StoppingRuleStudy}) of the selected experiments' current runs, written to
     * {@code file}.
     */
    public StoppingRuleStudy studyStoppingRule(StoppingRuleStudy.Parameters parameters, Path file) {
        StoppingRuleStudy study = StoppingRuleStudy.of(results(), selection(), parameters);
        StoppingRuleStudy.write(file, study);
        return study;
    }

    /**
     * Each selected experiment with a peer's curves in {@code peerFolder}/{@code <id>.json} against them
     * ({@link PeerCurveComparison}), written to {@code outFolder}/{@code <id>.json} (naming the peer's file relative to
     * it); at least one must have a file.
     */
    public List<PeerCurveComparison> comparePeerCurves(Path peerFolder, Path outFolder) {
        SuiteResults results = results();
        List<PeerCurveComparison> comparisons = new ArrayList<>();
        for (ExperimentSpec spec : selection()) {
            Path peerFile = peerFolder.resolve(spec.id() + ".json");
            if (Files.isRegularFile(peerFile)) {
                Path shown = outFolder.toAbsolutePath().normalize().relativize(peerFile.toAbsolutePath().normalize());
                PeerCurveComparison comparison = PeerCurveComparison.of(results, spec, peerFile, shown.toString());
                PeerCurveComparison.write(outFolder.resolve(spec.id() + ".json"), comparison);
                comparisons.add(comparison);
            }
        }
        if (comparisons.isEmpty()) {
            throw new IllegalArgumentException("no peer curves in " + peerFolder + ": expected <experiment id>.json for "
                    + "one of " + selection().stream().map(spec -> spec.id() + ".json").toList());
        }
        return comparisons;
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
