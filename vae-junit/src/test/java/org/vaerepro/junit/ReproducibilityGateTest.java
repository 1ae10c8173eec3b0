package org.vaerepro.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;
import org.junitpioneer.jupiter.RestoreSystemProperties;
import org.vaerepro.Fixtures;
import org.vaerepro.experiment.OutputLayout;
import org.vaerepro.experiment.Run;
import org.vaerepro.experiment.Suite;
import org.vaerepro.experiment.SuiteParser;
import org.vaerepro.session.SessionSettings;
import org.vaerepro.session.SuiteSession;

/**
 * The extension as a user's build runs it (the JUnit Platform's test kit runs an annotated class): one dynamic test
 * per gate check, named like the table, failing with the cell, the interval, the window and the re-record command.
 */
@RestoreSystemProperties
class ReproducibilityGateTest {
    @TempDir
    Path dir;

    /** A user's gate class, pointed at this test's folder through system properties. */
    @ReproducibilityGate(suite = "${gate.suite}", outputDirectory = "${gate.out}", baseline = "${gate.baseline:}")
    static class UsersGate implements ReproducibilityGateTests {
    }

    /** A gate class that forgot its annotation. */
    static class Unannotated implements ReproducibilityGateTests {
    }

    private Path suite(double reportedPsnr) throws Exception {
        Path file = dir.resolve("suites/mine.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                {"suite": "mine", "verdictRequired": "matches", "margins": {"psnr": 0.5, "lpips": 0.02},
                 "defaults": {"dataset": "mnist", "architecture": "vae", "epochs": 1, "seed": 1, "seeds": 3},
                 "experiments": [
                   {"id": "vae-d2", "latentDim": 2, "reported": {"psnr": %s, "lpips": 0.25, "source": "our paper"}}]}
                """.formatted(reportedPsnr));
        return file;
    }

    /** Three seeds at 13.00 ± 0.01 dB and 0.250 ± 0.001 LPIPS, written as the runner writes results. */
    private void results(Path suiteFile) {
        Suite suite = new SuiteParser().parse(suiteFile);
        List<Run> runs = Suite.runs(suite.experiments());
        for (int i = 0; i < runs.size(); i++) {
            Fixtures.writeResult(new OutputLayout(dir.resolve("out")), suite, runs.get(i), 12.99 + 0.01 * i,
                    0.249 + 0.001 * i, null);
        }
    }

    private Events run(Class<?> gateClass, Path suiteFile) {
        System.setProperty("gate.suite", suiteFile.toString());
        System.setProperty("gate.out", dir.resolve("out").toString());
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(gateClass)).execute().testEvents();
    }

    private static List<String> names(Events events) {
        return events.stream().map(event -> event.getTestDescriptor().getDisplayName()).toList();
    }

    private static String failure(Event event) {
        return event.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable()
                .orElseThrow().getMessage();
    }

    @Test
    void aSuiteThatMatchesItsTablePassesWithOneTestPerCellNamedLikeTheTable() throws Exception {
        Path suiteFile = suite(13.0);
        results(suiteFile);
        Events tests = run(UsersGate.class, suiteFile);
        assertEquals(0, tests.failed().count(), () -> names(tests.failed()).toString());
        List<String> passed = names(tests.succeeded());
        assertTrue(passed.contains("vae-d2 › PSNR › matches 13.000 (13.000 ± 0.025, 3 seeds)"), passed.toString());
        assertTrue(passed.contains("vae-d2 › LPIPS › matches 0.2500 (0.2500 ± 0.0025, 3 seeds)"), passed.toString());
        assertTrue(passed.containsAll(List.of("vae-d2/seed-1 › has a current result", "the gate checks something")),
                passed.toString());
        assertTrue(Files.isRegularFile(dir.resolve("out/mine/judgement.json")), "the judgement is written");
    }

    @Test
    void aReportedValueMovedBeyondItsMarginFailsNamingTheCell() throws Exception {
        Path suiteFile = suite(13.8);
        results(suiteFile);
        Events tests = run(UsersGate.class, suiteFile);
        assertEquals(List.of("vae-d2 › PSNR › misses 13.800 (13.000 ± 0.025, 3 seeds)"), names(tests.failed()));
        String message = failure(tests.failed().list().get(0));
        assertTrue(message.contains("the suite requires every cell to match: PSNR 13.800 reported, 13.000 ± 0.025"),
                message);
    }

    @Test
    void aMovedBaselineEntryFailsNamingTheRowTheWindowAndTheCommandThatRecordsItAgain() throws Exception {
        Path suiteFile = suite(13.0);
        results(suiteFile);
        SuiteSession session = new SuiteSession(SessionSettings.readingResults(suiteFile, dir.resolve("out"), 0, null,
                dir), line -> { });
        Path baseline = dir.resolve("baselines/mine.json");
        session.recordBaseline(baseline, "test");
        Files.writeString(baseline, Files.readString(baseline).replace("\"psnr\" : 12.99,", "\"psnr\" : 13.49,"));
        Events tests = run(UsersGate.class, suiteFile);
        assertEquals(List.of("vae-d2/seed-1 › PSNR 12.990 outside 13.490 ± 0.250"), names(tests.failed()));
        String message = failure(tests.failed().list().get(0));
        assertTrue(message.contains("PSNR 12.9900 dB differs from baseline 13.4900 dB by -0.5000 (allowed ±0.2500"),
                message);
        assertTrue(message.contains("mvn vae:baseline -Dvae.suite=" + suiteFile), message);
    }

    @Test
    void aGateClassWithoutItsAnnotationFailsSayingWhatItNeeds() throws Exception {
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(Unannotated.class)).execute()
                .containerEvents();
        String message = tests.failed().stream().map(ReproducibilityGateTest::failure).findFirst().orElseThrow();
        assertTrue(message.contains("is not annotated @ReproducibilityGate(suite = \"...\")"), message);
    }

    @Test
    void placeholdersTakeSystemPropertiesOrTheirDefaultsAndAMissingOneIsNamed() {
        Properties properties = new Properties();
        properties.setProperty("vae.firstSeeds", "1");
        assertEquals("1", GateSettings.resolve("firstSeeds", "${vae.firstSeeds:0}", properties));
        assertEquals("suites/ci.json", GateSettings.resolve("suite", "${vae.suite:suites/ci.json}", properties));
        IllegalArgumentException error = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> GateSettings.resolve("suite", "${vae.nowhere}", properties));
        assertTrue(error.getMessage().contains("system property 'vae.nowhere' is not set"), error.getMessage());
    }
}
