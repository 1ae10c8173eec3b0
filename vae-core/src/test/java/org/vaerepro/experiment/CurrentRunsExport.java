package org.vaerepro.experiment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import org.vaerepro.io.AtomicFiles;
import org.vaerepro.io.FileFormat;
import org.vaerepro.io.Json;

/**
 * Lists the runs of a suite whose results are {@link RunStatus.Current current} in an output folder, for scripts
 * outside the JVM (reproductions/analysis/protocol_change.py): they read the listed folders' files, and whether a
 * result counts stays {@link RunStatus}'s answer, as on the page.
 * <pre>
 * mvn -pl vae-core test-compile exec:exec -Dexec.args="-classpath %classpath org.vaerepro.experiment.CurrentRunsExport \
 *     &lt;suite.json&gt; &lt;output folder&gt; &lt;list.json&gt;"
 * </pre>
 */
public final class CurrentRunsExport {
    static final FileFormat FORMAT = new FileFormat("vae-repro-current-runs", 1);

    private CurrentRunsExport() {
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: CurrentRunsExport <suite.json> <output folder> <list.json>");
        }
        Suite suite = new SuiteParser().parse(Path.of(args[0]));
        OutputLayout layout = new OutputLayout(Path.of(args[1]));
        ArrayNode runs = Json.mapper().createArrayNode();
        for (Map.Entry<Run, RunStatus> entry : SuiteResults.read(suite, layout).statuses().entrySet()) {
            if (entry.getValue() instanceof RunStatus.Current current) {
                Run run = entry.getKey();
                ObjectNode row = runs.addObject();
                row.put("experiment", run.experiment().id());
                row.put("seed", run.seed());
                row.put("folder", layout.run(suite, run).directory().toAbsolutePath().normalize().toString());
                row.put("snapshot", current.snapshot());
            }
        }
        ObjectNode list = Json.mapper().createObjectNode();
        list.set("format", Json.mapper().valueToTree(FORMAT));
        list.put("suite", suite.name());
        list.set("runs", runs);
        AtomicFiles.writeJson(Path.of(args[2]), list);
        System.out.println(runs.size() + " current run(s) of " + suite.name() + " listed in " + args[2]);
    }
}
