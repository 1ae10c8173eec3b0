package org.vaerepro.session;

import java.nio.file.Path;
import java.util.List;
import org.vaerepro.io.Preconditions;

/**
 * How to start a worker JVM: the {@code java} executable, the class path that holds vae-core and its
 * dependencies, and the JVM options (heap, native-memory caps, logging levels). Only the front end knows
 * its own class path (a Maven plugin's realm, a test's class path), so it fills this in.
 */
public record WorkerLaunch(Path java, List<Path> classpath, List<String> jvmOptions) {
    public WorkerLaunch {
        Preconditions.notNull(java, "worker java executable");
        Preconditions.check(!classpath.isEmpty(), "worker class path must not be empty");
        classpath = List.copyOf(classpath);
        jvmOptions = List.copyOf(jvmOptions);
    }
}
