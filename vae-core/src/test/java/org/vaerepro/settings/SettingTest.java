package org.vaerepro.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The declaration is well formed, and it is the only place in the core that writes a setting's name. */
class SettingTest {
    @Test
    void namesAndPropertiesAreUniqueAndEverySettingSaysWhatItDoes() {
        List<Setting> all = List.of(Setting.values());
        assertEquals(all.size(), all.stream().map(Setting::id).distinct().count(), "ids");
        assertEquals(all.size(), all.stream().map(Setting::property).distinct().count(), "properties");
        for (Setting setting : all) {
            assertTrue(setting.id().matches("[a-z][A-Za-z]+"), setting.id());
            assertTrue(setting.property().matches("vae\\.[a-z][A-Za-z]+"), setting.property());
            assertTrue(setting.description().endsWith(".") && !setting.description().contains("\n"),
                    setting + ": one sentence, got '" + setting.description() + "'");
            assertTrue(!setting.required() || setting.defaultValue().isEmpty(), setting + ": required with a default");
        }
    }

    @Test
    void numbersAndSwitchesAlwaysHaveAValue() {
        for (Setting setting : Setting.values()) {
            if (setting.kind() == Setting.Kind.COUNT || setting.kind() == Setting.Kind.SWITCH) {
                assertTrue(setting.defaultValue().isPresent(), setting + " needs a default");
            }
        }
    }

    @Test
    void aMessageNamesItsSettingsAsToStringWritesThem() {
        assertEquals("setting 'firstSeeds'", Setting.FIRST_SEEDS.toString());
        assertEquals(List.of(Setting.THREADS_PER_WORKER, Setting.WORKERS), Setting.namedIn(
                "setting 'threadsPerWorker' must be >= 1 with setting 'workers' 2, setting 'threadsPerWorker' 0"));
        assertEquals(List.of(), Setting.namedIn("setting 'noSuchThing' and 'firstSeeds'"));
        assertEquals(List.of(), Setting.namedIn(null));
    }

    /** A name written by hand ("setting 'x'") would not follow a rename here, and could name nothing at all. */
    @Test
    void noOtherCoreSourceWritesASettingsNameByHand() throws IOException {
        Path sources = Path.of("src/main/java");
        Path declaration = sources.resolve("org/vaerepro/settings/Setting.java");
        Set<String> writers;
        try (Stream<Path> files = Files.walk(sources)) {
            writers = files.filter(f -> f.toString().endsWith(".java") && !f.equals(declaration))
                    .filter(f -> read(f).contains("setting '")).map(Path::toString).collect(Collectors.toSet());
        }
        assertEquals(Set.of(), writers);
        assertTrue(read(declaration).contains("\"setting '\""), "the scan looks for what the declaration writes");
        assertTrue(Arrays.stream(Setting.values()).allMatch(s -> s.toString().startsWith("setting '")));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
