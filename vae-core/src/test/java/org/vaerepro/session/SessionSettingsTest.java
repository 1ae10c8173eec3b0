package org.vaerepro.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaerepro.experiment.Shard;
import org.vaerepro.settings.Setting;

/** Settings built from a front end's raw values: declared defaults, conversions, and errors that name the setting. */
class SessionSettingsTest {
    @TempDir
    Path home;

    /** A front end's values: the two settings without a default, and {@code more}. */
    private record Given(Map<Setting, String> values, Path homeDirectory, Optional<WorkerLaunch> workerLaunch)
            implements RawSettings {
        @Override
        public Optional<String> value(Setting setting) {
            return Optional.ofNullable(values.get(setting));
        }
    }

    private RawSettings given(Map<Setting, String> more, WorkerLaunch launch) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        values.put(Setting.SUITE_FILE, "/suites/mine.json");
        values.put(Setting.OUTPUT_DIRECTORY, "/out");
        values.putAll(more);
        return new Given(values, home, Optional.ofNullable(launch));
    }

    private RawSettings given(Map<Setting, String> more) {
        return given(more, null);
    }

    @Test
    void whatIsNotGivenTakesTheDeclaredDefault() {
        SessionSettings settings = SessionSettings.from(given(Map.of()));
        assertEquals(Path.of("/suites/mine.json"), settings.suiteFile());
        assertEquals(Path.of("/out"), settings.outputDirectory());
        assertEquals(List.of(), settings.experiments());
        assertEquals(Shard.ALL, settings.shard());
        assertEquals(0, settings.firstSeeds());
        assertNull(settings.dataDirectory());
        assertNull(settings.environmentDataDirectory());
        assertEquals(home, settings.homeDirectory());
        assertTrue(settings.download());
        assertEquals(home.resolve(".vae/weights/lpips-alex-v0.1.npz"), settings.lpipsWeights());
        assertEquals(SessionSettings.defaultLpipsWeights(home), settings.lpipsWeights());
        assertNull(settings.templateDirectory());
        assertFalse(settings.failFast());
        assertEquals(100, settings.logEverySteps());
        assertEquals(Parallelism.SERIAL, settings.parallelism(), "no way to start workers: every run in this JVM");
    }

    @Test
    void givenTextIsReadAsItsKind() {
        SessionSettings settings = SessionSettings.from(given(Map.of(Setting.EXPERIMENTS, " a, b ,,c",
                Setting.SHARD, "1/4", Setting.FIRST_SEEDS, "2", Setting.DATA_DIR, "data", Setting.DOWNLOAD, "FALSE",
                Setting.LPIPS_WEIGHTS, "~/w.npz", Setting.TEMPLATE_DIRECTORY, "~", Setting.FAIL_FAST, "true",
                Setting.LOG_EVERY_STEPS, " 7 ", Setting.ENVIRONMENT_DATA_DIR, "  ")));
        assertEquals(List.of("a", "b", "c"), settings.experiments());
        assertEquals(new Shard(1, 4), settings.shard());
        assertEquals(2, settings.firstSeeds());
        assertEquals(Path.of("data").toAbsolutePath(), settings.dataDirectory(), "relative to the working folder");
        assertFalse(settings.download());
        assertEquals(home.resolve("w.npz"), settings.lpipsWeights());
        assertEquals(home, settings.templateDirectory());
        assertTrue(settings.failFast());
        assertEquals(7, settings.logEverySteps());
        assertNull(settings.environmentDataDirectory(), "blank is not given");
    }

    @Test
    void errorsNameTheSettingTheValueAndWhatWasExpected() {
        assertMessage(Map.of(Setting.FIRST_SEEDS, "all"), "setting 'firstSeeds' must be a whole number, got 'all'");
        assertMessage(Map.of(Setting.FIRST_SEEDS, "-1"), "setting 'firstSeeds' must be >= 0 (0: all seeds), got -1");
        assertMessage(Map.of(Setting.DOWNLOAD, "yes"), "setting 'download' must be true or false, got 'yes'");
        assertMessage(Map.of(Setting.SHARD, "4/4"), "setting 'shard' is '4/4': shard index must be in [0, 4), got 4");
        assertMessage(Map.of(Setting.DATA_DIR, "a\0b"), "setting 'dataDir' must be a path, got 'a\0b'");
        assertMessage(Map.of(Setting.THREADS_PER_WORKER, "2"), "setting 'threadsPerWorker' (2) applies to worker JVMs");
        assertMessage(Map.of(Setting.WORKERS, "2"), "setting 'workers' is 2, but this front end starts no worker JVMs");
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> SessionSettings.from(new Given(Map.of(), home, Optional.empty())));
        assertEquals("setting 'suiteFile' must be given: " + Setting.SUITE_FILE.description(), missing.getMessage());
    }

    @Test
    void withAWayToStartWorkersTheyRunAsAsked() {
        WorkerLaunch launch = new WorkerLaunch(Path.of("java"), List.of(Path.of("classes")), List.of());
        assertEquals(new Parallelism(2, 1, launch), SessionSettings.from(given(Map.of(Setting.WORKERS, "2",
                Setting.THREADS_PER_WORKER, "1"), launch)).parallelism());
        assertEquals(Parallelism.SERIAL, SessionSettings.from(given(Map.of(Setting.WORKERS, "1"), launch))
                .parallelism());
    }

    @Test
    void readingResultsTakesItsFourSettingsFromTheSameValues() {
        RawSettings raw = given(Map.of(Setting.FIRST_SEEDS, "1", Setting.TEMPLATE_DIRECTORY, "/t", Setting.WORKERS, "5",
                Setting.EXPERIMENTS, "a"));
        assertEquals(SessionSettings.readingResults(Path.of("/suites/mine.json"), Path.of("/out"), 1, Path.of("/t"),
                home), SessionSettings.readingResults(raw));
    }

    private void assertMessage(Map<Setting, String> more, String expectedStart) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SessionSettings.from(given(more)));
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
    }
}
