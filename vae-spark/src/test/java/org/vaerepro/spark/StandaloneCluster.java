package org.vaerepro.spark;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Spark standalone cluster on this machine, for a test: Spark's own master and one worker as separate
 * processes, started from a SPARK_HOME whose {@code jars/} the build laid out, everything bound to 127.0.0.1
 * on ports found free at start. Every process runs the command {@code bin/spark-class} would run: Spark's
 * launcher library builds it (class path, module options, daemon memory) and spark-class execs it, as this
 * class does; the worker launches executors itself, as on any cluster. {@link #close()} kills every process it
 * started with all their descendants (executors included); a shutdown hook does the same if the JVM ends first.
 */
final class StandaloneCluster implements AutoCloseable {
    private static final String MASTER = "org.apache.spark.deploy.master.Master";
    private static final String WORKER = "org.apache.spark.deploy.worker.Worker";
    private static final String SUBMIT = "org.apache.spark.deploy.SparkSubmit";
    static final String EXECUTOR = "org.apache.spark.executor.CoarseGrainedExecutorBackend";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(30);

    private final Path sparkHome;
    private final Path dir;
    private final Map<String, String> environment;
    private final int masterPort = freePort();
    private final int workerPort = freePort();
    private final List<Process> daemons = new ArrayList<>();
    private final List<Process> drivers = new ArrayList<>();
    private final Set<ProcessHandle> seen = new LinkedHashSet<>();
    private final Thread shutdownHook = new Thread(this::stopAll, "standalone-cluster-shutdown");

    private StandaloneCluster(Path sparkHome, Path dir) throws IOException {
        this.sparkHome = sparkHome;
        this.dir = Files.createDirectories(dir);
        environment = new HashMap<>(System.getenv());
        // A cluster's executors take their thread count from the job (spark.executorEnv.OMP_NUM_THREADS),
        // not from the machine's environment: the test must see the job set it.
        environment.remove("OMP_NUM_THREADS");
        environment.put("SPARK_HOME", sparkHome.toString());
        // What bin/load-spark-env.sh exports; the launcher needs it outside a Spark source tree.
        environment.put("SPARK_SCALA_VERSION", "2.13");
        environment.put("SPARK_LOCAL_IP", "127.0.0.1");
        environment.put("SPARK_LOCAL_HOSTNAME", "127.0.0.1");
        environment.put("SPARK_LOCAL_DIRS", Files.createDirectories(dir.resolve("local")).toString());
    }

    /** Starts a master and a worker with {@code cores} cores and {@code memory} (Spark's syntax, e.g. "8g"). */
    static StandaloneCluster start(Path sparkHome, Path dir, int cores, String memory)
            throws IOException, InterruptedException {
        if (!Files.isDirectory(sparkHome.resolve("jars"))) {
            throw new IllegalStateException(sparkHome.resolve("jars") + " is missing: the build lays it out (vae-spark, "
                    + "maven-invoker-plugin, pre-integration-test)");
        }
        StandaloneCluster cluster = new StandaloneCluster(sparkHome, dir);
        Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
        try {
            Process master = cluster.sparkClass(MASTER, List.of("--host", "127.0.0.1", "--port",
                    String.valueOf(cluster.masterPort), "--webui-port", String.valueOf(freePort())), "master");
            cluster.daemons.add(master);
            awaitLine(master, cluster.log("master"), "I have been elected leader!");
            Process worker = cluster.sparkClass(WORKER, List.of("--host", "127.0.0.1", "--port",
                    String.valueOf(cluster.workerPort), "--webui-port", String.valueOf(freePort()), "--cores",
                    String.valueOf(cores), "--memory", memory, "--work-dir", cluster.workDir().toString(),
                    cluster.masterUrl()), "worker");
            cluster.daemons.add(worker);
            awaitLine(worker, cluster.log("worker"), "Successfully registered with master");
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /** Where the worker runs its executors: {@code <app id>/<executor id>/stderr} holds each executor's log. */
    Path workDir() {
        return dir.resolve("work");
    }

    /** A process's output: {@code master}, {@code worker}, {@code driver}. */
    Path log(String name) {
        return dir.resolve(name + ".log");
    }

    /** Runs {@code spark-submit <arguments>} (client mode: the driver is this process); output to {@link #log}("driver"). */
    Process submit(List<String> arguments) throws IOException, InterruptedException {
        Process driver = sparkClass(SUBMIT, arguments, "driver");
        drivers.add(driver);
        return driver;
    }

    /** The executor JVM with this pid, which the worker launched; fails for any other process. */
    ProcessHandle executor(long pid) {
        return executors().stream().filter(p -> p.pid() == pid).findFirst().orElseThrow(() -> new IllegalStateException(
                "process " + pid + " is no executor of this cluster's worker; executors: " + executors()));
    }

    /** The worker's executor JVMs alive now. */
    List<ProcessHandle> executors() {
        return daemons.size() < 2 ? List.of() : daemons.get(1).descendants()
                .filter(p -> commandLine(p).contains(EXECUTOR)).toList();
    }

    /** Processes of this cluster still alive: every one it started or saw, and any executor of its worker. */
    List<String> survivors() {
        List<String> alive = new ArrayList<>();
        seen.stream().filter(ProcessHandle::isAlive).forEach(p -> alive.add(p.pid() + " " + commandLine(p)));
        String workerUrl = "spark://Worker@127.0.0.1:" + workerPort;
        ProcessHandle.allProcesses().filter(p -> !seen.contains(p) && p.isAlive())
                .filter(p -> commandLine(p).contains(EXECUTOR) && commandLine(p).contains(workerUrl))
                .forEach(p -> alive.add(p.pid() + " " + commandLine(p)));
        return alive;
    }

    static String commandLine(ProcessHandle process) {
        return process.info().commandLine().orElse("");
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down and the hook runs stopAll itself
        }
        stopAll();
    }

    /** The master first (so no executor is launched anew), then each driver, then the worker: descendants first. */
    private synchronized void stopAll() {
        List<Process> order = new ArrayList<>();
        if (!daemons.isEmpty()) {
            order.add(daemons.get(0));
        }
        order.addAll(drivers);
        if (daemons.size() > 1) {
            order.add(daemons.get(1));
        }
        for (Process process : order) {
            stopTree(process);
        }
    }

    private void stopTree(Process process) {
        // Repeated: a parent may start a child while its first children go.
        for (int round = 0; round < 10; round++) {
            List<ProcessHandle> descendants = process.descendants().toList();
            if (descendants.isEmpty()) {
                break;
            }
            seen.addAll(descendants);
            descendants.forEach(ProcessHandle::destroyForcibly);
            descendants.forEach(StandaloneCluster::awaitExit);
        }
        seen.add(process.toHandle());
        process.destroyForcibly();
        awaitExit(process.toHandle());
    }

    private static void awaitExit(ProcessHandle process) {
        try {
            process.onExit().get(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // reported by survivors()
        }
    }

    /** Starts what {@code bin/spark-class <mainClass> <arguments>} would exec, with output to {@link #log}(name). */
    private Process sparkClass(String mainClass, List<String> arguments, String name)
            throws IOException, InterruptedException {
        LaunchCommand launch = launchCommand(mainClass, arguments);
        ProcessBuilder builder = new ProcessBuilder(launch.command()).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log(name).toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.environment().putAll(launch.environment());
        Process process = builder.start();
        seen.add(process.toHandle());
        return process;
    }

    private record LaunchCommand(List<String> command, Map<String, String> environment) {
    }

    /**
     * The command Spark's launcher library builds, as spark-class reads it: informational lines, a NUL and a
     * newline, then the command's arguments, each ended by a NUL, led by {@code env K=V ...} when the command
     * needs variables set.
     */
    private LaunchCommand launchCommand(String mainClass, List<String> arguments) throws IOException, InterruptedException {
        List<String> launcher = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", sparkHome.resolve("jars") + File.separator + "*", "org.apache.spark.launcher.Main",
                mainClass));
        launcher.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(launcher).redirectError(log("launcher").toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        int start = output.indexOf("\0\n");
        if (exit != 0 || start < 0) {
            throw new IllegalStateException("Spark's launcher failed for " + mainClass + " (exit " + exit + "): " + output
                    + " " + Files.readString(log("launcher")));
        }
        List<String> command = new ArrayList<>(Arrays.asList(output.substring(start + 2).split("\0")));
        Map<String, String> variables = new HashMap<>();
        if (command.get(0).equals("env")) {
            command.remove(0);
            while (command.get(0).contains("=")) {
                String assignment = command.remove(0);
                variables.put(assignment.substring(0, assignment.indexOf('=')),
                        assignment.substring(assignment.indexOf('=') + 1));
            }
        }
        return new LaunchCommand(command, variables);
    }

    /** Waits until {@code log} holds {@code line}; fails when the process ends first or after {@link #START_TIMEOUT}. */
    static void awaitLine(Process process, Path log, String line) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!read(log).contains(line)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(log.getFileName() + ": the process ended (exit " + process.exitValue()
                        + ") before '" + line + "':\n" + tail(log));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(log.getFileName() + ": no '" + line + "' after " + START_TIMEOUT + ":\n"
                        + tail(log));
            }
            Thread.sleep(100);
        }
    }

    static String read(Path file) throws IOException {
        return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
    }

    /** The last 40 lines of a log, for a failure message. */
    static String tail(Path log) {
        try {
            List<String> lines = read(log).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }
}
