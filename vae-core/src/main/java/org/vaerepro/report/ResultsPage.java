package org.vaerepro.report;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vaerepro.data.DataCopies;
import org.vaerepro.experiment.ExperimentResult;
import org.vaerepro.experiment.ExperimentSpec;
import org.vaerepro.experiment.OutputLayout;
import org.vaerepro.experiment.Run;
import org.vaerepro.experiment.RunStatus;
import org.vaerepro.experiment.SuiteResults;
import org.vaerepro.io.AtomicFiles;
import org.vaerepro.provenance.DataProvenance;
import org.vaerepro.regression.BottleneckClaim;
import org.vaerepro.regression.ClaimColumn;
import org.vaerepro.regression.ExperimentRow;
import org.vaerepro.regression.Judgement;
import org.vaerepro.regression.RunJudgement;
import org.vaerepro.regression.PublishedVerdict;
import org.vaerepro.regression.SuiteJudgement;

/**
 * The suite's results page ({@code <output>/<suite>/index.html}) and its summary for a Maven site: it renders
 * what {@link SuiteJudgement} judged and what {@link SuiteResults} read, and judges nothing itself. Per
 * architecture and dataset, a table of bottleneck size, measured metrics and reported values with their
 * difference, the pictures and the learning curves. Self-contained (no external assets, relative links), HTML
 * auto-escaped (Freemarker templates {@code results.ftlh}, {@code summary.ftlh} and their shared
 * {@code verdicts.ftlh}).
 */
public final class ResultsPage {
    static final String PAGE_TEMPLATE = "results.ftlh";
    static final String SUMMARY_TEMPLATE = "summary.ftlh";

    private ResultsPage() {
    }

    /** The page's tables: one group per judged column, its runs' rows, its multi-seed experiments' rows and curves. */
    public static List<ResultGroup> groups(SuiteResults results, SuiteJudgement judgement) {
        List<ResultGroup> groups = new ArrayList<>();
        Map<String, RunJudgement> judgedRuns = new LinkedHashMap<>();
        judgement.runs().forEach(run -> judgedRuns.put(run.id(), run));
        for (ClaimColumn column : judgement.columns()) {
            List<ResultRow> rows = new ArrayList<>();
            List<LearningCurves> curves = new ArrayList<>();
            for (ExperimentRow experiment : column.rows()) {
                ExperimentSpec spec = results.suite().experiment(experiment.id());
                List<ResultRow> runs = results.runs(spec).stream()
                        .map(run -> row(run, results.status(run), judgedRuns.get(run.id()))).toList();
                rows.addAll(runs);
                List<ResultRow> current = runs.stream().filter(ResultRow::current).toList();
                if (!current.isEmpty()) {
                    curves.add(LearningCurves.of(spec.id(), current));
                }
            }
            List<ExperimentRow> summaries = column.rows().stream().filter(r -> r.seeds() > 1 && r.measured()).toList();
            groups.add(new ResultGroup(column, rows, summaries, curves));
        }
        return groups;
    }

    /** A run as the page shows it: what it measured (pictures, curves, provenance) and, as judged, where it stands. */
    static ResultRow row(Run run, RunStatus status, RunJudgement judged) {
        ExperimentSpec spec = run.spec();
        int d = spec.training().latentDim();
        String policy = spec.evaluation().lpipsSmallImages().id();
        ExperimentResult shown = status.lastResult();
        if (shown == null) {
            return new ResultRow(run.id(), d, judged.reason(), false, null, null, null, Map.of(), spec.reported(),
                    null, null, policy, null, null, false);
        }
        Map<String, String> images = new LinkedHashMap<>();
        shown.images().forEach((name, file) -> images.put(name, run.id() + "/" + file));
        return new ResultRow(run.id(), d, judged.reason(), judged.stale(), shown.metrics(), shown.provenance(),
                shown.training().size(), images, spec.reported(), judged.psnrDelta(), judged.lpipsDelta(),
                shown.metrics().lpipsSmallImages(), shown.training(), shown.convergence(), shown.endedAtEpochLimit());
    }

    /**
     * Renders the page into {@code <output>/<suite>/index.html}, beside the experiments' pictures.
     * {@code comparison}: against the suite this one names in {@code comparedWith}, or null.
     */
    public static Path write(SuiteResults results, Judgement judgement, OutputLayout layout, Path templateDir) {
        String suite = results.suite().name();
        List<ResultGroup> groups = groups(results, judgement.judged());
        List<StepCurves> stepCurves = stepCurves(judgement.judged());
        drawCurves(groups, stepCurves, layout.suiteDirectory(suite));
        Path page = layout.page(suite);
        AtomicFiles.writeString(page, render(results, judgement, groups, stepCurves, templateDir));
        return page;
    }

    /** The step-curve pictures of the experiments whose published values the step curves locate. */
    static List<StepCurves> stepCurves(SuiteJudgement judgement) {
        return judgement.protocolSearch().rows().stream().map(StepCurves::of).toList();
    }

    /** Writes each experiment's learning-curve pictures beside its runs' folders. */
    static void drawCurves(List<ResultGroup> groups, List<StepCurves> stepCurves, Path suiteDirectory) {
        groups.forEach(group -> group.curves().forEach(curves -> curves.draw(suiteDirectory)));
        stepCurves.forEach(curves -> curves.draw(suiteDirectory));
    }

    /**
     * The same page as a standalone copy under {@code destination/<suite>/} (for a Maven site): the page plus every
     * picture it links, so the copy works offline without the build's output folder.
     */
    public static Path publish(SuiteResults results, Judgement judgement, OutputLayout layout, Path templateDir,
            Path destination) {
        String suite = results.suite().name();
        Path target = destination.resolve(suite);
        List<ResultGroup> groups = groups(results, judgement.judged());
        List<StepCurves> stepCurves = stepCurves(judgement.judged());
        drawCurves(groups, stepCurves, layout.suiteDirectory(suite));
        List<String> pictures = new ArrayList<>();
        for (ResultGroup group : groups) {
            group.rows().forEach(row -> pictures.addAll(row.images().values()));
            group.curves().forEach(curves -> pictures.addAll(curves.images().values()));
        }
        stepCurves.forEach(curves -> pictures.addAll(curves.images().values()));
        for (String image : pictures) {
            Path source = layout.suiteDirectory(suite).resolve(image);
            if (Files.isRegularFile(source)) {
                try {
                    AtomicFiles.write(target.resolve(image), Files.readAllBytes(source));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot copy " + source, e);
                }
            }
        }
        Path page = target.resolve(OutputLayout.PAGE_FILE);
        AtomicFiles.writeString(page, render(results, judgement, groups, stepCurves, templateDir));
        return page;
    }

    /**
     * The judged summary as an HTML fragment (what the gate decided, the published table, seeds folded into one row per
     * experiment, and the claim per column), linking {@code pageLink}: what a Maven site shows.
     */
    public static String summary(SuiteResults results, Judgement judgement, String pageLink, Path templateDir) {
        Map<String, Object> model = model(results, judgement);
        model.put("pageLink", pageLink);
        return process(SUMMARY_TEMPLATE, model, templateDir);
    }

    private static String render(SuiteResults results, Judgement judgement, List<ResultGroup> groups,
            List<StepCurves> stepCurves, Path templateDir) {
        Map<String, Object> model = model(results, judgement);
        model.put("groups", groups);
        model.put("dataCopies", dataCopies(groups));
        model.put("stepCurves", stepCurves);
        if (judgement.comparison() != null) {
            model.put("comparison", judgement.comparison());
        }
        return process(PAGE_TEMPLATE, model, templateDir);
    }

    private static Map<String, Object> model(SuiteResults results, Judgement judgement) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("suite", results.suite().name());
        model.put("suiteFile", results.suite().file().getFileName().toString());
        model.put("description", results.suite().description());
        model.put("judgement", judgement.judged());
        model.put("gate", judgement.gate());
        model.put("margins", judgement.judged().margins());
        model.put("alpha", BottleneckClaim.ALPHA);
        model.put("verdicts", List.of(PublishedVerdict.values()));
        model.put("generatedAt", java.time.Instant.now().toString());
        return model;
    }

    /** What each data split the page's current rows were measured on is, once per split and checksum. */
    static List<String> dataCopies(List<ResultGroup> groups) {
        Set<String> lines = new LinkedHashSet<>();
        for (ResultGroup group : groups) {
            for (ResultRow row : group.rows()) {
                if (row.current()) {
                    DataProvenance data = row.provenance().data();
                    lines.add(DataCopies.describe(data.train()));
                    if (data.test() != null) {
                        lines.add(DataCopies.describe(data.test()));
                    }
                }
            }
        }
        return List.copyOf(lines);
    }

    /** A template from {@code templateDir} when it has one of that name, else the copy packaged in vae-core. */
    private static String process(String templateName, Map<String, Object> model, Path templateDir) {
        Configuration freemarker = new Configuration(Configuration.VERSION_2_3_33);
        try {
            TemplateLoader packaged = new ClassTemplateLoader(ResultsPage.class, "/templates");
            freemarker.setTemplateLoader(templateDir != null && Files.isDirectory(templateDir)
                    ? new MultiTemplateLoader(new TemplateLoader[] {new FileTemplateLoader(templateDir.toFile()), packaged})
                    : packaged);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        StringWriter html = new StringWriter();
        try {
            Template template = freemarker.getTemplate(templateName);
            template.process(model, html);
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("cannot render " + templateName + ": " + e.getMessage(), e);
        }
        return html.toString();
    }
}
