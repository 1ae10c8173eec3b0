package org.vaerepro.report;

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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.vaerepro.experiment.ExperimentMetrics;
import org.vaerepro.experiment.ExperimentResult;
import org.vaerepro.experiment.ExperimentSpec;
import org.vaerepro.experiment.OutputLayout;
import org.vaerepro.experiment.ReportedValues;
import org.vaerepro.experiment.Run;
import org.vaerepro.experiment.Suite;
import org.vaerepro.io.AtomicFiles;
import org.vaerepro.io.FileFormatException;
import org.vaerepro.regression.BottleneckClaim;
import org.vaerepro.regression.BottleneckTrend;
import org.vaerepro.regression.PublishedTableRule;
import org.vaerepro.regression.Tolerances;
import org.vaerepro.statistics.SampleSummary;

/**
 * The suite's results page ({@code <output>/<suite>/index.html}): per architecture and dataset, a table
 * of bottleneck size, measured metrics, reported values with their difference and a pass mark, and
 * the pictures. Self-contained (no external assets, relative links), HTML auto-escaped.
 */
public final class ResultsPage {
    private ResultsPage() {
    }

    public static List<ResultGroup> groups(Suite suite, OutputLayout layout) {
        Map<String, List<ExperimentSpec>> byGroup = new LinkedHashMap<>();
        for (ExperimentSpec spec : suite.experiments()) {
            byGroup.computeIfAbsent(spec.architecture().displayName() + "\u0000" + spec.dataset().id(),
                    k -> new ArrayList<>()).add(spec);
        }
        List<ResultGroup> result = new ArrayList<>();
        byGroup.forEach((key, specs) -> {
            String[] parts = key.split("\u0000");
            List<ExperimentSpec> sorted = specs.stream().sorted(Comparator.comparingInt(ExperimentSpec::latentDim)).toList();
            List<ResultRow> rows = new ArrayList<>();
            List<ResultSummary> summaries = new ArrayList<>();
            List<LearningCurves> curves = new ArrayList<>();
            List<VerdictRow> verdicts = new ArrayList<>();
            List<BottleneckClaim.Size> sizes = new ArrayList<>();
            List<double[]> points = new ArrayList<>();
            for (ExperimentSpec spec : sorted) {
                List<ResultRow> runs = Suite.runs(List.of(spec)).stream().map(run -> row(suite, run, layout)).toList();
                rows.addAll(runs);
                List<ResultRow> measured = runs.stream().filter(ResultRow::current).toList();
                if (measured.isEmpty()) {
                    if (spec.reported() != null) {
                        verdicts.add(new VerdictRow(parts[0], parts[1], spec.latentDim(), spec.id(), 0,
                                spec.seeds().size(), 0, null, null));
                    }
                    continue;
                }
                double[] psnrValues = values(measured, ExperimentMetrics::psnr);
                double[] lpipsValues = values(measured, ExperimentMetrics::lpips);
                SampleSummary psnr = SampleSummary.of(psnrValues, SampleSummary.CONFIDENCE_95);
                SampleSummary lpips = SampleSummary.of(lpipsValues, SampleSummary.CONFIDENCE_95);
                curves.add(LearningCurves.of(spec.id(), measured));
                sizes.add(new BottleneckClaim.Size(spec.latentDim(), psnrValues, lpipsValues));
                // With one seed the mean is that seed's value.
                points.add(new double[] {spec.latentDim(), psnr.mean(), lpips.mean()});
                int atEpochLimit = (int) measured.stream().filter(ResultRow::atEpochLimit).count();
                if (spec.reported() != null) {
                    verdicts.add(new VerdictRow(parts[0], parts[1], spec.latentDim(), spec.id(), measured.size(),
                            spec.seeds().size(), atEpochLimit, PublishedTableRule.psnr(psnr, spec.reported(), suite.margins()),
                            PublishedTableRule.lpips(lpips, spec.reported(), suite.margins())));
                }
                if (spec.multiSeed()) {
                    summaries.add(new ResultSummary(spec.id(), spec.latentDim(), spec.seeds().size(), atEpochLimit, psnr, lpips,
                            over(measured, ExperimentMetrics::ssim), over(measured, ExperimentMetrics::knnAccuracy),
                            over(measured, ExperimentMetrics::linearProbeAccuracy),
                            over(measured, ExperimentMetrics::silhouette)));
                }
            }
            result.add(new ResultGroup(parts[0], parts[1], rows, summaries, curves, verdicts,
                    BottleneckClaim.steps(sizes), BottleneckTrend.of(points)));
        });
        // The claim's steps of all groups are one family of tests (BottleneckClaim.acrossFamily).
        List<List<BottleneckClaim.Step>> claims = BottleneckClaim.acrossFamily(result.stream().map(ResultGroup::claim).toList());
        List<ResultGroup> adjusted = new ArrayList<>();
        for (int i = 0; i < result.size(); i++) {
            adjusted.add(result.get(i).withClaim(claims.get(i)));
        }
        return adjusted;
    }

    private static SampleSummary over(List<ResultRow> rows, ToDoubleFunction<ExperimentMetrics> metric) {
        return SampleSummary.of(values(rows, metric), SampleSummary.CONFIDENCE_95);
    }

    private static double[] values(List<ResultRow> rows, ToDoubleFunction<ExperimentMetrics> metric) {
        return rows.stream().mapToDouble(r -> metric.applyAsDouble(r.metrics())).toArray();
    }

    static ResultRow row(Suite suite, Run run, OutputLayout layout) {
        ExperimentSpec spec = run.spec();
        Path metrics = layout.run(suite, run).metricsFile();
        String policy = spec.lpipsSmallImages().id();
        if (!Files.isRegularFile(metrics)) {
            return new ResultRow(run.id(), spec.latentDim(), "not run", false, null, null, null, Map.of(), spec.reported(),
                    null, null, null, policy, null, null, false);
        }
        ExperimentResult r;
        try {
            r = ExperimentResult.read(metrics);
        } catch (UncheckedIOException | FileFormatException | IllegalArgumentException e) {
            return new ResultRow(run.id(), spec.latentDim(), "unreadable metrics.json: " + e.getMessage(), false,
                    null, null, null, Map.of(), spec.reported(), null, null, null, policy, null, null, false);
        }
        boolean stale = !r.spec().equals(spec);
        var m = r.metrics();
        ReportedValues reported = spec.reported();
        Double psnrDelta = reported == null ? null : m.psnr() - reported.psnr();
        Double lpipsDelta = reported == null ? null : m.lpips() - reported.lpips();
        Boolean pass = reported == null ? null : PublishedTableRule.passes(m.psnr(), m.lpips(), reported);
        Map<String, String> images = new LinkedHashMap<>();
        r.images().forEach((name, file) -> images.put(name, run.id() + "/" + file));
        return new ResultRow(run.id(), spec.latentDim(), stale ? "stale (spec changed since this run)" : "measured", stale, m,
                r.provenance(), r.training().size(), images, reported, psnrDelta, lpipsDelta, pass,
                m.lpipsSmallImages(), r.training(), r.convergence(), r.endedAtEpochLimit());
    }

    /** Renders the page into {@code <output>/<suite>/index.html}, beside the experiments' pictures. */
    public static Path write(Suite suite, OutputLayout layout, Path templateDir) {
        Path page = layout.page(suite.name());
        List<ResultGroup> groups = groups(suite, layout);
        drawCurves(groups, layout.suiteDirectory(suite.name()));
        AtomicFiles.writeString(page, render(suite, groups, SuiteComparison.of(suite, groups, layout), templateDir));
        return page;
    }

    /** Writes each experiment's learning-curve pictures beside its runs' folders. */
    static void drawCurves(List<ResultGroup> groups, Path suiteDirectory) {
        groups.forEach(group -> group.curves().forEach(curves -> curves.draw(suiteDirectory)));
    }

    /**
     * The same page as a standalone copy under {@code destination/<suite>/} (for a Maven site): the page
     * plus every picture it links, so the copy works offline without the build's output folder.
     * {@code groups} are the suite's {@link #groups} as the caller already read them.
     */
    public static Path publish(Suite suite, List<ResultGroup> groups, OutputLayout layout, Path templateDir,
            Path destination) {
        Path target = destination.resolve(suite.name());
        drawCurves(groups, layout.suiteDirectory(suite.name()));
        for (ResultGroup group : groups) {
            List<String> pictures = new ArrayList<>();
            group.rows().forEach(row -> pictures.addAll(row.images().values()));
            group.curves().forEach(curves -> pictures.addAll(curves.images().values()));
            for (String image : pictures) {
                Path source = layout.suiteDirectory(suite.name()).resolve(image);
                if (Files.isRegularFile(source)) {
                    try {
                        AtomicFiles.write(target.resolve(image), Files.readAllBytes(source));
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot copy " + source, e);
                    }
                }
            }
        }
        Path page = target.resolve(OutputLayout.PAGE_FILE);
        AtomicFiles.writeString(page, render(suite, groups, SuiteComparison.of(suite, groups, layout), templateDir));
        return page;
    }

    /** The page's HTML from {@code templateDir/results.ftlh} (or the copy packaged in vae-core). */
    public static String render(Suite suite, OutputLayout layout, Path templateDir) {
        List<ResultGroup> groups = groups(suite, layout);
        return render(suite, groups, SuiteComparison.of(suite, groups, layout), templateDir);
    }

    /** {@code comparison}: null when the suite is compared with none. */
    private static String render(Suite suite, List<ResultGroup> groups, SuiteComparison comparison, Path templateDir) {
        Configuration freemarker = new Configuration(Configuration.VERSION_2_3_33);
        try {
            if (templateDir != null && Files.isRegularFile(templateDir.resolve("results.ftlh"))) {
                freemarker.setDirectoryForTemplateLoading(templateDir.toFile());
            } else {
                freemarker.setClassForTemplateLoading(ResultsPage.class, "/templates");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("suite", suite.name());
        model.put("suiteFile", suite.file().getFileName().toString());
        model.put("description", suite.description());
        model.put("groups", groups);
        if (comparison != null) {
            model.put("comparison", comparison);
        }
        model.put("margins", suite.margins());
        model.put("alpha", BottleneckClaim.ALPHA);
        model.put("psnrTolerance", Tolerances.PUBLISHED_PSNR_DB);
        model.put("lpipsTolerance", Tolerances.PUBLISHED_LPIPS);
        model.put("generatedAt", java.time.Instant.now().toString());
        StringWriter html = new StringWriter();
        try {
            Template template = freemarker.getTemplate("results.ftlh");
            template.process(model, html);
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("cannot render results page: " + e.getMessage(), e);
        }
        return html.toString();
    }
}
