package org.vaerepro.session;

import java.nio.file.Path;
import java.util.Optional;
import org.vaerepro.settings.Setting;

/**
 * The settings as a front end holds them, as text keyed by {@link Setting} (after jib's {@code RawConfiguration}):
 * each front end implements it over its own parameters (the Maven goals' parameters, the Spark job's flags) and
 * {@link SessionSettings#from} reads, checks and converts the values in one place.
 */
public interface RawSettings {
    /** The value given for {@code setting}, as text; empty when none was given (the declared default then applies). */
    Optional<String> value(Setting setting);

    /** The user's home: where {@code ~/} in a path setting and {@code <home>/.vae/data} point. */
    Path homeDirectory();

    /** How this front end starts worker JVMs; empty where it runs every run in its own JVM (then 1 worker). */
    default Optional<WorkerLaunch> workerLaunch() {
        return Optional.empty();
    }
}
