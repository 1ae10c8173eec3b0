package org.vaerepro.maven;

import java.util.List;
import java.util.Map;

/**
 * ND4J's logging as the goals want it on a user's console: its start-up banner and its "Duplicate TF op mapping"
 * notices (TensorFlow import tables this project does not use) off, its warnings and errors kept. Maven's SLF4J
 * logger reads a logger's level from these system properties when the logger is created, so setting them before the
 * goal first touches ND4J is enough, in a bare project without {@code .mvn/jvm.config}; a value the user set
 * ({@code MAVEN_OPTS}, {@code .mvn/jvm.config}, {@code -D}) is kept. Worker JVMs get the same values as options.
 */
final class Nd4jLogging {
    /** The levels, as SLF4J's simple logger (Maven's, and the workers') reads them. */
    static final Map<String, String> LEVELS = Map.of(
            "org.slf4j.simpleLogger.log.org.nd4j", "warn",
            "org.slf4j.simpleLogger.log.org.nd4j.imports.converters.ImportClassMapping", "error");

    private Nd4jLogging() {
    }

    /** Sets each level in this JVM unless it is set already. */
    static void quiet() {
        LEVELS.forEach((property, level) -> {
            if (System.getProperty(property) == null) {
                System.setProperty(property, level);
            }
        });
    }

    /** The levels this JVM has (the user's or ours) as options for a worker JVM, for those {@code options} lack. */
    static List<String> workerOptions(List<String> options) {
        return LEVELS.keySet().stream().sorted()
                .filter(property -> options.stream().noneMatch(o -> o.startsWith("-D" + property + "=")))
                .map(property -> "-D" + property + "=" + System.getProperty(property, LEVELS.get(property))).toList();
    }
}
