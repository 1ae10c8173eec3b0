package org.vaerepro.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaerepro.SharedData;
import org.vaerepro.experiment.ExperimentDatasets;
import org.vaerepro.experiment.ExperimentResult;
import org.vaerepro.experiment.ExperimentSpec;
import org.vaerepro.experiment.OutputLayout;
import org.vaerepro.experiment.Run;
import org.vaerepro.experiment.RunStatus;
import org.vaerepro.experiment.Suite;
import org.vaerepro.experiment.SuiteParser;
import org.vaerepro.experiment.SuiteResults;
import org.vaerepro.io.AtomicFiles;
import org.vaerepro.io.FileFormat;
import org.vaerepro.io.Json;

/**
 * Exports a suite's trained runs for the independent likelihood computation (src/bench/python/likelihood_reference.py),
 * in the format of {@link LikelihoodReferenceCases}: per run, its parameters, the test images its metrics.json
 * measured the likelihood bounds on, the importance-sampling noise it used (same seed and per-image streams as
 * ExperimentEvaluator) and the Java side's encoder outputs and mean reconstructions; the manifest carries the run's
 * likelihood report, so the script sets its own mean beside the one the page shows.
 *
 * <p>Which runs count is {@link RunStatus}'s answer, read through {@link SuiteResults} as the page reads it: a run
 * is exported when its result is {@link RunStatus.Current current} for the suite as declared now, holds a likelihood
 * report and still has its model file (not a snapshot), and has no case yet in the reference result file, if one is
 * named. Every current run with a likelihood report, exported or not, is listed in {@code <export folder>/runs.json}
 * with its folder and the folder of the same run in the suite named by {@code comparedWith} where that one is
 * current in the same output folder: the list likelihood-table.py tabulates.
 * <pre>
 * mvn -pl vae-core test-compile exec:exec -Dexec.args="-classpath %classpath org.vaerepro.model.LikelihoodRunExport \
 *     &lt;suite.json&gt; &lt;output folder&gt; &lt;export folder&gt; [&lt;likelihood-reference.json&gt;]"
 * </pre>
 */
public final class LikelihoodRunExport {
    static final FileFormat RUNS_FORMAT = new FileFormat("vae-repro-likelihood-runs", 1);

    private LikelihoodRunExport() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3 && args.length != 4) {
            throw new IllegalArgumentException("usage: LikelihoodRunExport <suite.json> <output folder> "
                    + "<export folder> [<likelihood-reference.json>]");
        }
        Suite suite = new SuiteParser().parse(Path.of(args[0]));
        OutputLayout layout = new OutputLayout(Path.of(args[1]));
        Path exports = Path.of(args[2]);
        Set<String> checked = args.length == 4 ? checkedCases(Path.of(args[3])) : Set.of();
        SuiteResults results = SuiteResults.read(suite, layout);
        SuiteResults compared = suite.comparedWith() == null ? null
                : SuiteResults.read(new SuiteParser().parse(suite.comparedWith()), layout);
        Files.createDirectories(exports);
        ArrayNode listed = Json.mapper().createArrayNode();
        for (Map.Entry<Run, RunStatus> entry : results.statuses().entrySet()) {
            Run run = entry.getKey();
            if (!(entry.getValue() instanceof RunStatus.Current current) || current.result().metrics().likelihood() == null) {
                continue;
            }
            Path folder = layout.run(suite, run).directory().toAbsolutePath().normalize();
            String name = run.id().replace('/', '_');
            ObjectNode row = listed.addObject();
            row.put("run", name);
            row.put("folder", folder.toString());
            comparedRun(compared, run).ifPresent(other -> row.put("compared",
                    layout.run(compared.suite(), other).directory().toAbsolutePath().normalize().toString()));
            if (current.snapshot()) {
                row.put("exported", "no: model.zip is not in the folder");
            } else if (checked.contains(name)) {
                row.put("exported", "no: its case is already in " + args[3]);
            } else {
                Path zip = exports.resolve(name + ".zip");
                export(folder, current.result(), zip);
                row.put("exported", zip.toString());
            }
        }
        ObjectNode list = Json.mapper().createObjectNode();
        list.set("format", Json.mapper().valueToTree(RUNS_FORMAT));
        list.put("suite", suite.name());
        list.put("outputFolder", layout.root().toAbsolutePath().normalize().toString());
        list.set("runs", listed);
        AtomicFiles.writeJson(exports.resolve("runs.json"), list);
        System.out.println(listed.size() + " current run(s) of " + suite.name() + " with a likelihood report; listed in "
                + exports.resolve("runs.json"));
    }

    /** The same experiment and seed in the compared suite, when its result there is current. */
    private static Optional<Run> comparedRun(SuiteResults compared, Run run) {
        if (compared == null) {
            return Optional.empty();
        }
        return compared.statuses().entrySet().stream()
                .filter(e -> e.getKey().experiment().id().equals(run.experiment().id())
                        && e.getKey().seed() == run.seed() && e.getValue() instanceof RunStatus.Current)
                .map(Map.Entry::getKey).findFirst();
    }

    /** The case names in a likelihood_reference.py result file that came from trained runs; none if it is not there. */
    private static Set<String> checkedCases(Path file) throws Exception {
        Set<String> names = new TreeSet<>();
        if (!Files.isRegularFile(file)) {
            return names;
        }
        JsonNode cases = Json.mapper().readTree(file.toFile()).path("cases");
        for (Iterator<Map.Entry<String, JsonNode>> it = cases.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getValue().has("run")) {
                names.add(entry.getKey());
            }
        }
        return names;
    }

    private static void export(Path folder, ExperimentResult result, Path zip) throws Exception {
        ExperimentSpec spec = result.spec();
        LikelihoodReport report = result.metrics().likelihood();
        AutoencoderModel model = ModelFile.load(folder.resolve("model.zip")).model();
        INDArray x = new ExperimentDatasets(SharedData.repository()).testSet(spec).range(0, report.images()).images();
        ObjectNode manifest = Json.mapper().createObjectNode();
        manifest.put("run", folder.toString());
        manifest.set("java", Json.mapper().valueToTree(report));
        LikelihoodReferenceCases.export(zip, model, x, report.noiseSeed(), report.samples(), manifest);
        System.out.println("wrote " + zip + " (" + report.images() + " images x " + report.samples() + " samples)");
    }
}
