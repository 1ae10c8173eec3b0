package org.vaerepro.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vaerepro.experiment.NotTrainedException;
import org.vaerepro.regression.MissingBaselineException;
import org.vaerepro.session.SessionSettings;
import org.vaerepro.session.SuiteSession;
import org.vaerepro.settings.Setting;

/** Core messages name settings and steps; the plugin adds the Maven way to act on them. */
class MavenHintsTest {
    /** A value the core refuses, for each way a setting's text is read. */
    private static final Map<Setting.Kind, Object> REFUSED = Map.of(Setting.Kind.PATH, "folder\0name",
            Setting.Kind.COUNT, "several", Setting.Kind.SWITCH, "maybe", Setting.Kind.SHARD, "2/2",
            Setting.Kind.IDS, List.of("no-such-experiment"));

    @TempDir
    Path dir;

    /**
     * Every declared setting, given a value the core refuses as a goal's parameter would give it: the core's error
     * names the setting and the value, and the plugin adds the setting's own {@code -D} property and parameter.
     */
    @ParameterizedTest
    @EnumSource(Setting.class)
    void everyCoreErrorAboutASettingGetsItsProperty(Setting setting) throws IOException {
        Object refused = REFUSED.get(setting.kind());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> provoke(Map.of(setting, refused)));
        assertTrue(Setting.namedIn(error.getMessage()).contains(setting), error.getMessage());
        String shown = refused instanceof List<?> ids ? ids.get(0).toString() : refused.toString();
        assertTrue(error.getMessage().contains(shown), "the value is named: " + error.getMessage());
        assertHint(setting, MavenHints.explain(error));
    }

    @Test
    void aMissingRequiredSettingGetsItsPropertyToo() throws IOException {
        for (Setting setting : Setting.values()) {
            if (setting.required()) {
                Map<Setting, Object> given = new EnumMap<>(Setting.class);
                given.put(setting, null);
                IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> provoke(given));
                assertEquals(setting + " must be given: " + setting.description(), error.getMessage());
                assertHint(setting, MavenHints.explain(error));
            }
        }
    }

    /** Errors from deeper in the core, where a setting's value meets the machine. */
    @Test
    void workersAndThreadsPerWorkerGetTheirProperties() throws IOException {
        IllegalArgumentException threads = assertThrows(IllegalArgumentException.class,
                () -> provoke(Map.of(Setting.WORKERS, 1, Setting.THREADS_PER_WORKER, 2)));
        assertHint(Setting.THREADS_PER_WORKER, MavenHints.explain(threads));
        IllegalArgumentException workers = assertThrows(IllegalArgumentException.class,
                () -> provoke(Map.of(Setting.WORKERS, -1)));
        assertHint(Setting.WORKERS, MavenHints.explain(workers));
    }

    private static void assertHint(Setting setting, String explained) {
        assertTrue(explained.contains("Hint: set it with -D" + setting.property() + "=... or <" + setting.id()
                + "> in the plugin's configuration"), explained);
    }

    /** The settings of a goal whose parameters are a tiny suite, an output folder and {@code given}, read as a goal does. */
    private void provoke(Map<Setting, Object> given) throws IOException {
        Path suite = Files.writeString(dir.resolve("one.json"), """
                {"suite": "one", "defaults": {"dataset": "mnist", "epochs": 1, "seed": 1},
                 "experiments": [{"id": "ae", "architecture": "ae", "latentDim": 2}]}
                """);
        Map<Setting, Object> parameters = new EnumMap<>(Setting.class);
        parameters.put(Setting.SUITE_FILE, suite.toFile());
        parameters.put(Setting.OUTPUT_DIRECTORY, dir.resolve("out").toFile());
        parameters.putAll(given);
        SessionSettings settings = SessionSettings.from(new GoalParameters(parameters::get, dir, Optional.empty()));
        new SuiteSession(settings, line -> { }).selection();
    }

    @Test
    void aSettingNamedByTheCoreGetsItsProperty() {
        String explained = MavenHints.explain(new IllegalArgumentException("LPIPS weights not found at /x.npz: "
                + "expected the AlexNet v0.1 file. Point the setting 'lpipsWeights' at it."));
        assertTrue(explained.startsWith("LPIPS weights not found at /x.npz"), explained);
        assertTrue(explained.contains("-Dvae.lpipsWeights=... or <lpipsWeights>"), explained);
    }

    @Test
    void stepsBecomeGoals() {
        assertTrue(MavenHints.explain(new NotTrainedException("a", Path.of("out/a/model.zip")))
                .contains("run vae:train (or vae:reproduce) first"));
        assertTrue(MavenHints.explain(new MissingBaselineException(Path.of("baselines/ci.json"), null))
                .contains("vae:baseline -Dvae.suite="));
    }

    @Test
    void aMessageWithNothingToAddStaysAsItIs() {
        assertEquals("boom", MavenHints.explain(new IllegalStateException("boom")));
    }
}
