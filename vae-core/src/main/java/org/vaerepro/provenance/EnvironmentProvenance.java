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
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * The environment that computed a result, read at run time: ND4J's version, the backend and device it
 * actually uses and its thread count (from ND4J itself, so a {@code -Pcuda} build says CUDA and names
 * the GPU), the JVM, the OS and the processor (model, family and vector extension: they choose the kernels).
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
        if (!backend.toUpperCase(Locale.ROOT).contains("CPU")) {
            return backend;
        }
        List<String> libraries = new ArrayList<>();
        if (blas != null) {
            libraries.add("BLAS " + blas);
        }
        // The native build is part of the arithmetic too: oneDNN's kernels sum in other orders than libnd4j's own.
        libraries.add(nativeBuildHasOneDnn() ? "oneDNN" : "no oneDNN");
        return "host CPU (" + String.join(", ", libraries) + ")";
    }

    private static boolean nativeBuildHasOneDnn() {
        try {
            return String.valueOf(NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo()).contains("HAVE_ONEDNN");
        } catch (RuntimeException | LinkageError e) {
            return false; // a backend without these natives: informative only
        }
    }

    private static String cpuModel() {
        try {
            return cpuDescription(Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return "unknown CPU"; // not Linux: the OS field still identifies the machine
        }
    }

    /**
     * The first processor's model name, family and model numbers and widest vector extension, e.g.
     * "AMD EPYC (family 26, model 2; AVX-512)". The model name alone does not tell machines apart, and the
     * BLAS and libnd4j kernels are chosen by the processor, so a result's arithmetic is only reproducible on the
     * processor recorded (README, "The reproducibility gate", gives the measurement).
     */
    static String cpuDescription(List<String> cpuinfo) {
        String name = null;
        String family = null;
        String model = null;
        String flags = null;
        for (String line : cpuinfo) {
            if (line.isBlank() && name != null) {
                break; // the first processor's block is enough: the others repeat it
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            switch (key) {
                case "model name" -> name = value;
                case "cpu family" -> family = value;
                case "model" -> model = value;
                case "flags" -> flags = " " + value + " ";
                default -> { }
            }
        }
        if (name == null) {
            return "unknown CPU";
        }
        List<String> details = new ArrayList<>();
        if (family != null && model != null) {
            details.add("family " + family + ", model " + model);
        }
        if (flags != null) {
            details.add(flags.contains(" avx512f ") ? "AVX-512" : flags.contains(" avx2 ") ? "AVX2"
                    : flags.contains(" avx ") ? "AVX" : "no AVX");
        }
        return details.isEmpty() ? name : name + " (" + String.join("; ", details) + ")";
    }
}
