package org.vaerepro.reproductions;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.vaerepro.regression.Baseline;
import org.vaerepro.regression.BaselineFile;
import org.vaerepro.regression.MissingBaselineException;
import org.vaerepro.regression.SuiteJudgement;
import org.vaerepro.session.SessionSettings;
import org.vaerepro.session.SuiteSession;

/**
 * A suite this build ran (system properties set by the POM: {@code vae.suites}, comma-separated suite files,
 * {@code vae.outputDirectory}, {@code vae.firstSeeds}, {@code vae.baselineDir}, and {@code vae.dataDir} and
 * {@code vae.lpipsWeights} for the baseline's reference models) as a session that reads results and measures those.
 * The tests ask the session for its judgement and its baseline deviations and assert them; they compute nothing
 * themselves.
 */
final class MeasuredSuite {
    final SuiteSession session;

    private MeasuredSuite(SuiteSession session) {
        this.session = session;
    }

    /** Every suite the build ran, in the order {@code vae.suites} names them. */
    static List<MeasuredSuite> all() {
        return Arrays.stream(required("vae.suites").split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(file -> new MeasuredSuite(new SuiteSession(SessionSettings.readingResults(Path.of(file),
                        Path.of(required("vae.outputDirectory")), Integer.parseInt(required("vae.firstSeeds")), null,
                        Path.of(required("user.home"))).withData(Path.of(required("vae.dataDir")),
                        Path.of(required("vae.lpipsWeights"))), System.out::println))).toList();
    }

    String name() {
        return session.suite().name();
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set; run through Maven "
                    + "(mvn verify in reproductions), which sets it");
        }
        return value;
    }

    /** Everything judged about the suite's current results. */
    SuiteJudgement judgement() {
        return session.judge();
    }

    Path baselineFile() {
        return Path.of(required("vae.baselineDir")).resolve(session.suite().name() + ".json");
    }

    /** The committed baseline; a missing one says which goal records it. */
    Baseline baseline() {
        try {
            return BaselineFile.read(baselineFile());
        } catch (MissingBaselineException e) {
            throw new IllegalStateException(e.getMessage() + ": mvn -B -pl reproductions vae:baseline -Dvae.suite="
                    + session.suite().file(), e);
        }
    }
}
