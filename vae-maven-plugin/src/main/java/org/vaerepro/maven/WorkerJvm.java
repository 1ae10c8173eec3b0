package org.vaerepro.maven;

import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vaerepro.session.WorkerLaunch;

/**
 * How the goals start worker JVMs: this JVM's {@code java}, the plugin's class realm (vae-core and its
 * dependencies) plus the SLF4J API that Maven keeps in its own realm, and this JVM's heap, native-memory
 * and logging options (from {@code .mvn/jvm.config} or {@code MAVEN_OPTS}, and ND4J's quiet levels of
 * {@link Nd4jLogging}), so a worker is configured as the Maven JVM is.
 */
final class WorkerJvm {
    private WorkerJvm() {
    }

    static WorkerLaunch launch(ClassLoader pluginRealm) {
        List<Path> classpath = new ArrayList<>();
        if (pluginRealm instanceof URLClassLoader realm) {
            for (URL url : realm.getURLs()) {
                classpath.add(path(url));
            }
        }
        Path slf4jApi = path(org.slf4j.LoggerFactory.class.getProtectionDomain().getCodeSource().getLocation());
        if (!classpath.contains(slf4jApi)) {
            classpath.add(slf4jApi);
        }
        List<String> options = new ArrayList<>(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(WorkerJvm::passedOn).toList());
        options.addAll(Nd4jLogging.workerOptions(options));
        return new WorkerLaunch(Path.of(System.getProperty("java.home"), "bin", "java"), classpath, options);
    }

    /** Heap, stack and GC options and the ND4J/JavaCPP/SLF4J properties; not Maven's own (classworlds, home). */
    private static boolean passedOn(String option) {
        return option.startsWith("-Xm") || option.startsWith("-Xss") || option.startsWith("-XX:")
                || option.startsWith("-Dorg.bytedeco.") || option.startsWith("-Dorg.slf4j.")
                || option.startsWith("-Dorg.nd4j.") || option.startsWith("--add-opens");
    }

    private static Path path(URL url) {
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("class path entry is not a file: " + url, e);
        }
    }
}
