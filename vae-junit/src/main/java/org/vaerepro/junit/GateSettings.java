package org.vaerepro.junit;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vaerepro.session.RawSettings;
import org.vaerepro.settings.Setting;

/**
 * A {@link ReproducibilityGate}'s attributes with their {@code ${property:default}} placeholders resolved from the
 * system properties, as the session's settings ({@link RawSettings}, keyed by the one declaration, {@link Setting}):
 * the suite, the output root and the first-seeds selection; and the gate's files (null: the suite's defaults).
 * An unresolvable placeholder fails, naming the attribute and the property; a bad value fails in the session,
 * naming the setting.
 */
record GateSettings(String suiteFile, String outputDirectory, String firstSeeds, Path baseline, Path verdictRecord,
        Path homeDirectory, Properties properties) implements RawSettings {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

    static GateSettings of(ReproducibilityGate gate, Properties properties) {
        String suite = resolve("suite", gate.suite(), properties);
        if (suite.isBlank()) {
            throw new IllegalArgumentException("@ReproducibilityGate(suite = ...) names no suite file");
        }
        return new GateSettings(suite, resolve("outputDirectory", gate.outputDirectory(), properties),
                resolve("firstSeeds", gate.firstSeeds(), properties),
                optional(resolve("baseline", gate.baseline(), properties)),
                optional(resolve("verdictRecord", gate.verdictRecord(), properties)),
                Path.of(properties.getProperty("user.home")), properties);
    }

    /**
     * The annotation's suite, output root and first seeds; any other setting from its declared system property (the
     * data folder and LPIPS weights a baseline's reference models are measured with, e.g. {@code -Dvae.dataDir});
     * nothing is downloaded unless {@code vae.download} says so.
     */
    @Override
    public Optional<String> value(Setting setting) {
        return switch (setting) {
            case SUITE_FILE -> Optional.of(Path.of(suiteFile).toAbsolutePath().toString());
            case OUTPUT_DIRECTORY -> Optional.of(Path.of(outputDirectory).toAbsolutePath().toString());
            case FIRST_SEEDS -> Optional.of(firstSeeds.trim());
            case DOWNLOAD -> Optional.of(properties.getProperty(setting.property(), "false"));
            default -> Optional.ofNullable(properties.getProperty(setting.property()));
        };
    }

    private static Path optional(String value) {
        return value.isBlank() ? null : Path.of(value);
    }

    /** {@code value} with each {@code ${name}} or {@code ${name:default}} replaced by the property or its default. */
    static String resolve(String attribute, String value, Properties properties) {
        Matcher matcher = PLACEHOLDER.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String property = properties.getProperty(matcher.group(1), matcher.group(2));
            if (property == null) {
                throw new IllegalArgumentException("@ReproducibilityGate(" + attribute + " = \"" + value + "\"): system "
                        + "property '" + matcher.group(1) + "' is not set and the placeholder has no default "
                        + "(write ${" + matcher.group(1) + ":default})");
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(property));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }
}
