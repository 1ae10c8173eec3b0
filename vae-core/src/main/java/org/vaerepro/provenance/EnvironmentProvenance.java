package org.vaerepro.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.RuntimeMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The environment that computed a result, read at run time: ND4J's version, the backend and device it
 * actually uses and its thread count (from ND4J itself, so a {@code -Pcuda} build says CUDA and names
 * the GPU), the JVM, the OS and the CPU model.
 */
public record EnvironmentProvenance(String nd4j, String backend, String device, int threads, String java, String jvm,
        String os, String cpu, int cores) {

    public static EnvironmentProvenance current() {
        Properties nd4j = Nd4j.getExecutioner().getEnvironmentInformation();
        String backend = String.valueOf(nd4j.getOrDefault("backend", Nd4j.getBackend().getClass().getSimpleName()));
        RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return new EnvironmentProvenance(nd4jVersion(), backend, device(backend, nd4j), threads(nd4j),
                Runtime.version().toString(), runtime.getVmVendor() + " " + runtime.getVmName() + " " + runtime.getVmVersion(),
                os.getName() + " " + os.getVersion() + " " + os.getArch(), cpuModel(),
                Runtime.getRuntime().availableProcessors());
    }

    /** A one-line description for people: CPU model, cores, OS, backend and device. */
    public String summary() {
        return cpu + ", " + cores + " cores, " + os + ", ND4J " + nd4j + " " + backend + " on " + device + ", " + threads
                + " threads";
    }

    private static String nd4jVersion() {
        try (InputStream in = Nd4j.class.getResourceAsStream("/META-INF/maven/org.nd4j/nd4j-api/pom.properties")) {
            if (in != null) {
                Properties pom = new Properties();
                pom.load(in);
                return pom.getProperty("version", SourceProvenance.UNKNOWN);
            }
        } catch (IOException e) {
            // Fall through: the version is informative, never required.
        }
        String version = Nd4j.class.getPackage().getImplementationVersion();
        return version == null ? SourceProvenance.UNKNOWN : version;
    }

    private static int threads(Properties nd4j) {
        Object omp = nd4j.get("omp.threads");
        try {
            return omp == null ? Nd4j.getEnvironment().maxThreads() : Integer.parseInt(omp.toString());
        } catch (NumberFormatException e) {
            return Nd4j.getEnvironment().maxThreads();
        }
    }

    /** CPU backends compute on the host; CUDA backends list their devices under cuda.devicesInformation. */
    private static String device(String backend, Properties nd4j) {
        Object devices = nd4j.get("cuda.devicesInformation");
        if (devices instanceof List<?> list && !list.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (Object device : list) {
                if (device instanceof Map<?, ?> info) {
                    names.add(String.valueOf(info.get("cuda.deviceName")) + " (compute "
                            + info.get("cuda.deviceMajor") + "." + info.get("cuda.deviceMinor") + ")");
                }
            }
            return String.join(", ", names);
        }
        Object blas = nd4j.get("blas.vendor");
        return backend.toUpperCase(Locale.ROOT).contains("CPU") ? "host CPU" + (blas == null ? "" : " (BLAS " + blas + ")")
                : backend;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8).stream()
                    .filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst()
                    .orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return "unknown CPU"; // not Linux: the OS field still identifies the machine
        }
    }
}
