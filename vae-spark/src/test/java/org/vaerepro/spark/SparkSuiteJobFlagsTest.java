package org.vaerepro.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaerepro.experiment.Shard;
import org.vaerepro.session.Parallelism;
import org.vaerepro.session.SessionSettings;
import org.vaerepro.settings.Setting;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The job's flags are the declared settings': names, descriptions and defaults, read into settings by the core. */
class SparkSuiteJobFlagsTest {
    private static SessionSettings settings(String... args) {
        CommandLine commandLine = SparkSuiteJob.commandLine();
        commandLine.parseArgs(args);
        return ((SparkSuiteJob) commandLine.getCommand()).settings();
    }

    @Test
    void everyFlagIsItsSettingsPropertyWithItsDescription() {
        CommandLine commandLine = SparkSuiteJob.commandLine();
        for (Setting setting : SparkSuiteJob.FLAGS) {
            OptionSpec option = commandLine.getCommandSpec().findOption(SparkSuiteJob.flag(setting));
            assertTrue(option != null && option.description()[0].startsWith(setting.description()), setting.toString());
        }
        assertEquals(List.of("--suite", "--output-directory", "--data-dir", "--lpips-weights", "--experiments",
                "--first-seeds", "--download", "--log-every-steps", "--templates"),
                SparkSuiteJob.FLAGS.stream().map(SparkSuiteJob::flag).toList());
        assertTrue(commandLine.getUsageMessage().contains("--first-seeds=<n>"), commandLine.getUsageMessage());
    }

    /** The README's spark-submit arguments, flag for flag; what they leave out takes the declared (or cluster) default. */
    @Test
    void theDocumentedCommandGivesTheSettingsItNames() {
        SessionSettings settings = settings("--suite", "/shared/vae/suites/seed-tables.json", "--output",
                "/shared/vae-out", "--data-dir", "/shared/data", "--lpips-weights", "/shared/weights/w.npz");
        assertEquals(Path.of("/shared/vae/suites/seed-tables.json"), settings.suiteFile());
        assertEquals(Path.of("/shared/vae-out"), settings.outputDirectory());
        assertEquals(Path.of("/shared/data"), settings.dataDirectory());
        assertEquals(Path.of("/shared/weights/w.npz"), settings.lpipsWeights());
        assertEquals(List.of(), settings.experiments());
        assertEquals(0, settings.firstSeeds());
        assertEquals(100, settings.logEverySteps());
        assertFalse(settings.download(), "no downloads on a cluster unless asked for");
        assertEquals(Shard.ALL, settings.shard());
        assertEquals(Parallelism.SERIAL, settings.parallelism(), "each task runs its run in its executor");
    }

    @Test
    void givenFlagsAreReadAsTheirKind() {
        SessionSettings settings = settings("--suite", "s.json", "--output-directory", "/o", "--lpips-weights", "/w",
                "--experiments", "a,b", "--first-seeds", "2", "--download", "--log-every-steps=5");
        assertEquals(Path.of("s.json").toAbsolutePath(), settings.suiteFile());
        assertEquals(List.of("a", "b"), settings.experiments());
        assertEquals(2, settings.firstSeeds());
        assertTrue(settings.download());
        assertEquals(5, settings.logEverySteps());
        assertFalse(settings("--suite", "s", "--output", "/o", "--lpips-weights", "/w", "--download=false").download());
    }

    @Test
    void aRefusedValueNamesTheSettingAndTheFlag() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> settings("--suite", "s", "--output", "/o", "--lpips-weights", "/w", "--first-seeds", "all"));
        assertEquals("setting 'firstSeeds' must be a whole number, got 'all'\n  Hint: set it with --first-seeds.",
                SparkSuiteJob.explain(e.getMessage()));
        assertThrows(CommandLine.MissingParameterException.class,
                () -> settings("--suite", "s", "--output", "/o"), "the weights are required on a cluster");
    }
}
