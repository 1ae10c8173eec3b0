package org.vaerepro.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaerepro.io.AtomicFiles;
import org.vaerepro.io.FileFormat;
import org.vaerepro.io.Json;
import org.vaerepro.model.AutoencoderModel;
import org.vaerepro.model.LikelihoodExport;
import org.vaerepro.model.LikelihoodReport;
import org.vaerepro.model.ModelFile;

/**
 * A suite's trained runs exported for the independent likelihood computation (vae-core/src/bench/python/
 * likelihood_reference.py): per run, a {@link LikelihoodExport} archive of its model, the test images its metrics.json
 * measured the likelihood bounds on and the importance-sampling noise it used (same seed and per-image streams as
 * {@link ExperimentEvaluator}), with the run's likelihood report in the manifest ({@code java}), so the script sets its
 * own values beside the ones the page shows.
 *
 * <p>Which runs count is {@link RunStatus}'s answer: a run is exported when its result is {@link RunStatus.Current
 * current} for the suite as declared now, holds a likelihood report, still has its model file (it is not a snapshot),
 * and has no case yet in the reference result file, if one is named. Every current run with a likelihood report,
 * exported or not, is listed in {@code <export folder>/runs.json} (format {@code vae-repro-likelihood-runs} version 1)
 * with its folder, why it was not exported, and the folder of the same run in the suite its {@code comparedWith} names
 * where that one is current (null otherwise): the list reproductions/bench/likelihood-table.py tabulates.
 */
public record LikelihoodRunExport(FileFormat format, String suite, String outputFolder, List<Listed> runs) {
    public static final FileFormat FORMAT = new FileFormat("vae-repro-likelihood-runs", 1);
    public static final String FILE = "runs.json";

    public LikelihoodRunExport {
        runs = List.copyOf(runs);
    }

    /**
     * One current run with a likelihood report: its name ({@code <experiment>} or {@code <experiment>_seed-<n>}), its
     * folder, the same run's folder in the compared suite (null without a current one) and {@code exported}: the
     * archive written, or why none was.
     */
    public record Listed(String run, String folder, String compared, String exported) {
    }

    /**
     * Exports the runs of {@code results} (in {@code layout}) to {@code exports}, reading test images from
     * {@code datasets}; {@code compared} is the suite its {@code comparedWith} names (null without), {@code reference}
     * the reference result whose cases are not exported again (null, or a file not yet there: export all).
     */
    public static LikelihoodRunExport export(SuiteResults results, SuiteResults compared, OutputLayout layout,
            ExperimentDatasets datasets, Path exports, Path reference, Consumer<String> log) {
        Set<String> checked = checkedCases(reference);
        List<Listed> listed = new ArrayList<>();
        try {
            Files.createDirectories(exports);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the export folder " + exports, e);
        }
        for (Map.Entry<Run, RunStatus> entry : results.statuses().entrySet()) {
            Run run = entry.getKey();
            if (!(entry.getValue() instanceof RunStatus.Current current)
                    || current.result().metrics().likelihood() == null) {
                continue;
            }
            Path folder = layout.run(results.suite(), run).directory().toAbsolutePath().normalize();
            String name = run.id().replace('/', '_');
            String exported;
            if (current.snapshot()) {
                exported = "no: " + RunFolder.MODEL + " is not in the folder";
            } else if (checked.contains(name)) {
                exported = "no: its case is already in " + reference;
            } else {
                Path zip = exports.resolve(name + ".zip");
                write(folder, current.result(), datasets, zip);
                log.accept("wrote " + zip + " (" + current.result().metrics().likelihood().images() + " images x "
                        + current.result().metrics().likelihood().samples() + " samples)");
                exported = zip.toString();
            }
            listed.add(new Listed(name, folder.toString(), comparedRun(compared, layout, run), exported));
        }
        LikelihoodRunExport export = new LikelihoodRunExport(FORMAT, results.suite().name(),
                layout.root().toAbsolutePath().normalize().toString(), listed);
        AtomicFiles.writeJson(exports.resolve(FILE), export);
        return export;
    }

    /** The folder of the same experiment and seed in the compared suite, when its result there is current. */
    private static String comparedRun(SuiteResults compared, OutputLayout layout, Run run) {
        if (compared == null) {
            return null;
        }
        return compared.statuses().entrySet().stream()
                .filter(e -> e.getKey().experiment().id().equals(run.experiment().id())
                        && e.getKey().seed() == run.seed() && e.getValue() instanceof RunStatus.Current)
                .map(e -> layout.run(compared.suite(), e.getKey()).directory().toAbsolutePath().normalize().toString())
                .findFirst().orElse(null);
    }

    /** The case names in a likelihood_reference.py result file that came from trained runs; none if it is not there. */
    private static Set<String> checkedCases(Path file) {
        Set<String> names = new TreeSet<>();
        if (file == null || !Files.isRegularFile(file)) {
            return names;
        }
        JsonNode cases;
        try {
            cases = Json.mapper().readTree(Files.readString(file)).path("cases");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the likelihood reference result " + file + ": "
                    + e.getMessage(), e);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = cases.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getValue().has("run")) {
                names.add(entry.getKey());
            }
        }
        return names;
    }

    private static void write(Path folder, ExperimentResult result, ExperimentDatasets datasets, Path zip) {
        ExperimentSpec spec = result.spec();
        LikelihoodReport report = result.metrics().likelihood();
        AutoencoderModel model = ModelFile.load(folder.resolve(RunFolder.MODEL)).model();
        INDArray images = datasets.testSet(spec).range(0, report.images()).images();
        ObjectNode manifest = Json.mapper().createObjectNode();
        manifest.put("run", folder.toString());
        manifest.set("java", Json.mapper().valueToTree(report));
        LikelihoodExport.write(zip, model, images, report.noiseSeed(), report.samples(), manifest);
    }
}
