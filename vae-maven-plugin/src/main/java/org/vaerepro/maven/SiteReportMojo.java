package org.vaerepro.maven;

import java.io.File;
import java.util.List;
import java.util.Locale;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.AbstractMavenReport;
import org.apache.maven.reporting.MavenReportException;
import org.vaerepro.experiment.OutputLayout;
import org.vaerepro.experiment.Suite;
import org.vaerepro.experiment.SuiteParser;
import org.vaerepro.report.ResultGroup;
import org.vaerepro.report.ResultRow;
import org.vaerepro.report.ResultsPage;

/**
 * The results page as a Maven site report: {@code mvn site} gets a "VAE results" page with the
 * summary table, linking the full page (pictures included) copied to {@code site/vae/<suite>/}.
 * Reads what vae:reproduce produced; experiments not run show as "not run".
 */
@Mojo(name = "site-report", threadSafe = false)
public class SiteReportMojo extends AbstractMavenReport {
    @Parameter(property = "vae.suite", required = true)
    File suiteFile;

    @Parameter(property = "vae.outputDirectory", defaultValue = "${project.build.directory}/vae")
    File resultsDirectory;

    @Parameter(property = "vae.templates")
    File templateDirectory;

    @Override
    public String getOutputName() {
        return "vae-results";
    }

    @Override
    public String getName(Locale locale) {
        return "VAE results";
    }

    @Override
    public String getDescription(Locale locale) {
        return "PSNR, LPIPS and latent-space results of the declared experiments, against reported values.";
    }

    @Override
    protected void executeReport(Locale locale) throws MavenReportException {
        Suite suite;
        try {
            suite = new SuiteParser().parse(suiteFile.toPath());
        } catch (RuntimeException e) {
            throw new MavenReportException(e.getMessage(), e);
        }
        OutputLayout results = new OutputLayout(resultsDirectory.toPath());
        // Read the results once: the standalone page and the summary table below show the same rows.
        List<ResultGroup> groups = ResultsPage.groups(suite, results);
        ResultsPage.publish(suite, groups, results, templateDirectory == null ? null : templateDirectory.toPath(),
                getReportOutputDirectory().toPath().resolve("vae"));
        Sink sink = getSink();
        sink.head();
        sink.title();
        sink.text("VAE results: " + suite.name());
        sink.title_();
        sink.head_();
        sink.body();
        sink.section1();
        sink.sectionTitle1();
        sink.text("VAE results: suite " + suite.name());
        sink.sectionTitle1_();
        sink.paragraph();
        sink.text(suite.description() + " Full page with pictures and definitions: ");
        sink.link("vae/" + suite.name() + "/index.html");
        sink.text("vae/" + suite.name() + "/index.html");
        sink.link_();
        sink.paragraph_();
        sink.table();
        sink.tableRows(null, false);
        sink.tableRow();
        for (String header : new String[] {"architecture", "dataset", "experiment", "d", "PSNR (dB)", "LPIPS",
                "reported PSNR", "reported LPIPS", "check"}) {
            sink.tableHeaderCell();
            sink.text(header);
            sink.tableHeaderCell_();
        }
        sink.tableRow_();
        for (ResultGroup group : groups) {
            for (ResultRow row : group.rows()) {
                sink.tableRow();
                cell(sink, group.architecture());
                cell(sink, group.dataset());
                cell(sink, row.id());
                cell(sink, Integer.toString(row.latentDim()));
                cell(sink, row.measured() ? String.format(Locale.ROOT, "%.3f", row.metrics().psnr()) : row.status());
                cell(sink, row.measured() ? String.format(Locale.ROOT, "%.4f", row.metrics().lpips()) : "");
                cell(sink, row.reported() == null ? "" : String.format(Locale.ROOT, "%.3f", row.reported().psnr()));
                cell(sink, row.reported() == null ? "" : String.format(Locale.ROOT, "%.4f", row.reported().lpips()));
                cell(sink, row.pass() == null ? "" : row.pass() ? "pass" : "fail");
                sink.tableRow_();
            }
        }
        sink.tableRows_();
        sink.table_();
        sink.section1_();
        sink.body_();
    }

    private static void cell(Sink sink, String text) {
        sink.tableCell();
        sink.text(text);
        sink.tableCell_();
    }
}
