package org.vaerepro.session;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.Pointer;
import org.vaerepro.experiment.Run;
import org.vaerepro.io.Json;

/**
 * The main class of a worker JVM started by {@link WorkerPool}: reads the session settings from the file
 * named by its one argument, then runs what each line of standard input asks ({@code <PHASE> <run id>}),
 * printing log lines and one {@link WorkerReply} per run. It ends at the end of its input, or at once
 * when its parent process dies, so killing a session leaves no orphan training (its run resumes from
 * the last checkpoint, and the OS releases its run lock).
 */
public final class RunWorker {
    private RunWorker() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: RunWorker <settings.json>");
        }
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(143)));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        SessionSettings settings = Json.mapper().readValue(Files.readString(Path.of(args[0])), SessionSettings.class);
        SuiteSession session = new SuiteSession(settings, line -> {
            synchronized (out) {
                out.println(line);
            }
        });
        Map<String, Run> runs = session.runsById();
        ObjectWriter oneLine = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] command = line.split(" ", 2);
            RunPhase phase = RunPhase.valueOf(command[0]);
            Run run = runs.get(command[1]);
            List<WorkerReply.Failed> failed = run == null
                    ? List.of(new WorkerReply.Failed(phase, "no run '" + command[1] + "' in this session; it has "
                            + runs.keySet()))
                    : session.runInThisProcess(phase, List.of(run)).stream()
                            .map(f -> new WorkerReply.Failed(f.phase(), f.message())).toList();
            String reply = oneLine.writeValueAsString(new WorkerReply(command[1], failed, Pointer.physicalBytes(),
                    Pointer.maxPhysicalBytes()));
            synchronized (out) {
                out.println(WorkerReply.PREFIX + reply);
            }
        }
        // ND4J keeps non-daemon threads; end the JVM explicitly once the parent has no more runs.
        System.exit(0);
    }
}
