package org.vaerepro.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.factory.Nd4j;

/** Facts about this process recorded in provenance: versions, machine, threads, git commit. */
public final class RunEnvironment {
    private RunEnvironment() {
    }

    public static Map<String, String> versions() {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("vae-repro", packageVersion(RunEnvironment.class, "development"));
        versions.put("nd4j", packageVersion(Nd4j.class, "1.0.0-M2.1"));
        versions.put("nd4jBackend", Nd4j.getBackend().getClass().getSimpleName());
        versions.put("java", System.getProperty("java.version"));
        versions.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        return versions;
    }

    private static String packageVersion(Class<?> type, String fallback) {
        String version = type.getPackage() == null ? null : type.getPackage().getImplementationVersion();
        return version == null ? fallback : version;
    }

    public static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8).stream()
                    .filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst()
                    .orElse(cpu);
        } catch (IOException | RuntimeException e) {
            // Not Linux: the OS line below still identifies the machine.
        }
        return cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name")
                + " " + System.getProperty("os.arch") + ", CPU backend (no GPU)";
    }

    /** The commit checked out at or above {@code dir}, read from .git without running git; "unknown" if none. */
    public static String gitCommit(Path dir) {
        for (Path d = dir.toAbsolutePath(); d != null; d = d.getParent()) {
            Path git = d.resolve(".git");
            if (Files.isDirectory(git)) {
                try {
                    String head = Files.readString(git.resolve("HEAD")).trim();
                    if (!head.startsWith("ref: ")) {
                        return head;
                    }
                    Path ref = git.resolve(head.substring(5));
                    if (Files.isRegularFile(ref)) {
                        return Files.readString(ref).trim();
                    }
                    Path packed = git.resolve("packed-refs");
                    if (Files.isRegularFile(packed)) {
                        return Files.readAllLines(packed).stream().filter(l -> l.endsWith(" " + head.substring(5)))
                                .map(l -> l.substring(0, l.indexOf(' '))).findFirst().orElse("unknown");
                    }
                } catch (IOException e) {
                    return "unknown";
                }
                return "unknown";
            }
        }
        return "unknown";
    }
}
