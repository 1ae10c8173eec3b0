package org.vaerepro.junit;

import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link ReproducibilityGate}'s attributes with their {@code ${property:default}} placeholders resolved from the
 * system properties: the suite, the output root, the gate files (null: the suite's defaults) and the first-seeds
 * selection. An unresolvable placeholder or a bad number fails, naming the attribute and the value.
 */
record GateSettings(Path suite, Path outputDirectory, Path baseline, Path verdictRecord, int firstSeeds) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

    static GateSettings of(ReproducibilityGate gate, Properties properties) {
        String suite = resolve("suite", gate.suite(), properties);
        if (suite.isBlank()) {
            throw new IllegalArgumentException("@ReproducibilityGate(suite = ...) names no suite file");
        }
        String firstSeeds = resolve("firstSeeds", gate.firstSeeds(), properties);
        int seeds;
        try {
            seeds = Integer.parseInt(firstSeeds.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("@ReproducibilityGate(firstSeeds = \"" + gate.firstSeeds() + "\") is '"
                    + firstSeeds + "', expected a whole number >= 0 (0: every seed)", e);
        }
        return new GateSettings(Path.of(suite), Path.of(resolve("outputDirectory", gate.outputDirectory(), properties)),
                optional(resolve("baseline", gate.baseline(), properties)),
                optional(resolve("verdictRecord", gate.verdictRecord(), properties)), seeds);
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
