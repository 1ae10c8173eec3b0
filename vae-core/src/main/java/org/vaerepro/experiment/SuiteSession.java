package org.vaerepro.experiment;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.vaerepro.data.DataLocations;
import org.vaerepro.data.DatasetRepository;
import org.vaerepro.regression.Baseline;
import org.vaerepro.regression.BaselineFile;
import org.vaerepro.report.ResultsPage;

/**
 * A suite file plus where things live: what the Maven goals (and any other front end) call. Parameters
 * in, files out; no Maven types here.
 */
public final class SuiteSession {
    private final Suite suite;
    private final Path outputRoot;
    private final Path templateDir;
    private final ExperimentRunner runner;
    private final SuiteRunner suiteRunner;

    public SuiteSession(Path suiteFile, Path outputRoot, String dataDir, Path lpipsWeights, Path templateDir,
            Consumer<String> log, boolean failFast, int logEverySteps) {
        this.suite = new SuiteParser().parse(suiteFile);
        this.outputRoot = outputRoot;
        this.templateDir = templateDir;
        DataLocations locations = DataLocations.from(dataDir, System.getenv(), Path.of(System.getProperty("user.home")),
                !"false".equalsIgnoreCase(System.getProperty(DataLocations.DOWNLOAD_PROPERTY, "true")));
        this.runner = new ExperimentRunner(new DatasetRepository(locations), lpipsWeights, outputRoot, log,
                logEverySteps);
        this.suiteRunner = new SuiteRunner(runner, log, failFast);
    }

    public Suite suite() {
        return suite;
    }

    /** Parses {@code "a,b"} into ids; blank means all. */
    public List<ExperimentSpec> select(String ids) {
        Set<String> wanted = new LinkedHashSet<>();
        if (ids != null) {
            Arrays.stream(ids.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(wanted::add);
        }
        return suite.select(wanted);
    }

    public List<SuiteRunner.Failure> train(String ids) {
        return suiteRunner.train(suite, select(ids));
    }

    public List<SuiteRunner.Failure> evaluate(String ids) {
        return suiteRunner.evaluate(suite, select(ids));
    }

    public Path report() {
        return ResultsPage.write(suite, outputRoot, templateDir);
    }

    /** Records the suite's current results as its baseline (deliberately; the file is meant to be committed). */
    public Baseline recordBaseline(Path file, String command) {
        Baseline baseline = BaselineFile.record(suite, outputRoot, command);
        BaselineFile.write(file, baseline);
        return baseline;
    }
}
