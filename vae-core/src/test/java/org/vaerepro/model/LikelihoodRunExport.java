package org.vaerepro.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaerepro.SharedData;
import org.vaerepro.data.Split;
import org.vaerepro.data.StandardDataset;
import org.vaerepro.io.Json;

/**
 * Exports a trained run for the independent likelihood computation (src/bench/python/likelihood_reference.py), in
 * the format of {@link LikelihoodReferenceCases}: the run's parameters, the test images its metrics.json measured
 * the likelihood bounds on, the importance-sampling noise it used (same seed and per-image streams as
 * ExperimentEvaluator) and the Java side's encoder outputs and mean reconstructions; the manifest carries the
 * run's likelihood report, so the script sets its own mean beside the one the page shows.
 * <pre>
 * mvn -pl vae-core test-compile exec:exec -Dexec.args="-classpath %classpath org.vaerepro.model.LikelihoodRunExport \
 *     &lt;run folder with model.zip and metrics.json&gt; &lt;export.zip&gt;"
 * </pre>
 */
public final class LikelihoodRunExport {
    private LikelihoodRunExport() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: LikelihoodRunExport <run folder> <export.zip>");
        }
        Path run = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Path metricsFile = run.resolve("metrics.json");
        JsonNode metrics = Json.mapper().readTree(metricsFile.toFile());
        JsonNode report = metrics.path("metrics").path("likelihood");
        if (!report.isObject()) {
            throw new IllegalArgumentException(metricsFile + ": no metrics.likelihood (the run declared no "
                    + "likelihoodSamples)");
        }
        int samples = report.get("samples").asInt();
        int images = report.get("images").asInt();
        long noiseSeed = report.get("noiseSeed").asLong();
        JsonNode spec = metrics.get("spec");
        if (spec.get("testSubset").asInt() != 0) {
            throw new IllegalArgumentException(metricsFile + ": testSubset " + spec.get("testSubset")
                    + "; the export reads the first test images of the full split, expected testSubset 0");
        }
        AutoencoderModel model = ModelFile.load(run.resolve("model.zip")).model();
        StandardDataset dataset = StandardDataset.fromId(spec.get("dataset").asText());
        INDArray x = SharedData.repository().load(dataset, Split.TEST).range(0, images).images();
        ObjectNode manifest = Json.mapper().createObjectNode();
        manifest.put("run", run.toString());
        manifest.set("java", report);
        Files.createDirectories(out.toAbsolutePath().getParent());
        LikelihoodReferenceCases.export(out, model, x, noiseSeed, samples, manifest);
        System.out.println("wrote " + out + " (" + images + " images x " + samples + " samples)");
    }
}
