package org.vaerepro.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.AbstractMavenReport;
import org.apache.maven.reporting.MavenReportException;
import org.vaerepro.session.SessionSettings;
import org.vaerepro.session.SuiteSession;

/**
 * The results as a Maven site report: {@code mvn site} gets a "VAE results" page with, per suite (the configured one
 * and any {@code additionalSuites}), the judged summary: what the gate decided (every check, each baseline row with its
 * value and window), one row per experiment with its seeds folded, the verdicts and the claim as the results page
 * gives them, linking the full page (pictures included) copied to {@code site/vae/<suite>/}. Reads what vae:reproduce produced; a thin call
 * into {@link SuiteSession#publishSite}, like every other goal.
 */
@Mojo(name = "site-report", threadSafe = false)
public class SiteReportMojo extends AbstractMavenReport {
    /** The suite file (JSON) declaring the experiments. */
    @Parameter(property = "vae.suite", required = true)
    File suiteFile;

    /** Root of the outputs: a folder per suite, holding a folder per experiment and the results page. */
    // The same parameter as every other goal's. It hides the report base class's field of that name, the site's
    // folder, which getOutputDirectory gives.
    @Parameter(property = "vae.outputDirectory", defaultValue = "${project.build.directory}/vae")
    File outputDirectory;

    /** Run only each experiment's first N seeds (0: every declared seed). */
    @Parameter(property = "vae.firstSeeds", defaultValue = "0")
    int firstSeeds;

    /**
     * More suites on the same page, each with its own output folder (e.g. committed results beside the suite the build
     * trains), each judged and linked like the first.
     */
    @Parameter
    List<AdditionalSuite> additionalSuites;

    /** Folder with results.ftlh or summary.ftlh overriding the packaged templates. */
    @Parameter(property = "vae.templates")
    File templateDirectory;

    /** The user's home (where settings the report does not use have their defaults). */
    @Parameter(defaultValue = "${user.home}", readonly = true)
    File homeDirectory;

    /** The site's folder (what the base class's field of this name would hold), for a report run outside mvn site. */
    @Override
    protected String getOutputDirectory() {
        return new File(getProject().getReporting().getOutputDirectory()).getAbsolutePath();
    }

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
        return "PSNR, LPIPS and latent-space results of the declared experiments, judged against reported values.";
    }

    @Override
    protected void executeReport(Locale locale) throws MavenReportException {
        Nd4jLogging.quiet();
        List<SuiteSession.SiteSummary> summaries = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<AdditionalSuite> suites = new ArrayList<>();
        AdditionalSuite main = new AdditionalSuite();
        main.suiteFile = suiteFile;
        main.outputDirectory = outputDirectory;
        main.firstSeeds = firstSeeds;
        suites.add(main);
        if (additionalSuites != null) {
            suites.addAll(additionalSuites);
        }
        try {
            for (AdditionalSuite suite : suites) {
                SuiteSession session = new SuiteSession(SessionSettings.readingResults(new GoalParameters(setting ->
                        switch (setting) {
                            case SUITE_FILE -> suite.suiteFile;
                            case OUTPUT_DIRECTORY -> suite.outputDirectory;
                            case FIRST_SEEDS -> suite.firstSeeds;
                            case TEMPLATE_DIRECTORY -> templateDirectory;
                            default -> null;
                        }, homeDirectory.toPath(), Optional.empty())), getLog()::info);
                names.add(session.suite().name());
                summaries.add(session.publishSite(getReportOutputDirectory().toPath().resolve("vae")));
            }
        } catch (RuntimeException e) {
            throw new MavenReportException(MavenHints.explain(e), e);
        }
        Sink sink = getSink();
        sink.head();
        sink.title();
        sink.text("VAE results: " + String.join(", ", names));
        sink.title_();
        sink.head_();
        sink.body();
        for (int i = 0; i < summaries.size(); i++) {
            sink.section1();
            sink.sectionTitle1();
            sink.text("VAE results: suite " + names.get(i));
            sink.sectionTitle1_();
            sink.rawText(summaries.get(i).html());
            sink.section1_();
        }
        sink.body_();
    }
}
