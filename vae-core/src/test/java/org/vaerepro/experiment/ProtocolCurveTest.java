package org.vaerepro.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaerepro.Fixtures;
import org.vaerepro.SharedData;
import org.vaerepro.data.ImageDataset;
import org.vaerepro.data.Split;
import org.vaerepro.data.StandardDataset;
import org.vaerepro.io.AtomicFiles;
import org.vaerepro.io.Json;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaerepro.metrics.Lpips;
import org.vaerepro.metrics.LpipsScaling;
import org.vaerepro.metrics.SmallImagePolicy;
import org.vaerepro.metrics.ProtocolVariants;
import org.vaerepro.model.Architecture;
import org.vaerepro.model.AutoencoderModel;
import org.vaerepro.model.KlReduction;
import org.vaerepro.model.ModelConfig;
import org.vaerepro.train.EpochReport;
import org.vaerepro.train.StepPoint;
import org.vaerepro.train.TrainingResult;

/** The step curve's measurement (test loss and the variant grid) and its points in training.json. */
class ProtocolCurveTest {
    @TempDir
    Path dir;

    @Test
    void aPointHoldsTheTestLossAndEveryVariant() {
        ImageDataset images = SharedData.repository().load(StandardDataset.MNIST, Split.TEST).firstN(30);
        Lpips lpips = Lpips.load(SharedData.lpipsWeights());
        ModelConfig config = ModelConfig.of(new Architecture.Vae(), StandardDataset.MNIST.shape(), 3)
                .withKlReduction(KlReduction.MEAN);
        AutoencoderModel model = AutoencoderModel.create(config, 8);
        Map<String, Double> values = new ProtocolCurve(images, () -> lpips, 4, List.of(SmallImagePolicy.BICUBIC48))
                .measure(model);
        assertEquals(ProtocolCurve.ids(config, List.of(SmallImagePolicy.BICUBIC48)), List.copyOf(values.keySet()));
        // 3 losses, 2 decodings x 2 PSNR reductions, 2 decodings x 2 scalings x 4 rules (3 standard + bicubic48).
        assertEquals(3 + 4 + 16, values.size());
        INDArray x = images.range(0, 30).images();
        double bicubic = java.util.Arrays.stream(lpips.distances(x, model.reconstruct(x).dup(),
                SmallImagePolicy.BICUBIC48, LpipsScaling.RAW)).average().orElseThrow();
        assertEquals(bicubic, values.get("lpips/mean/raw/bicubic48"), 1e-6);
        Map<String, Double> losses = model.losses(images.range(0, 30).images(), null);
        assertEquals(losses.get("reconstructionLoss"), values.get(ProtocolCurve.RECONSTRUCTION), 1e-9);
        // The curve's KL is the divergence; the total is the objective, here with the KL averaged over 3 dimensions.
        assertEquals(losses.get("kl"), values.get(ProtocolCurve.KL), 1e-9);
        assertEquals(values.get(ProtocolCurve.RECONSTRUCTION) + values.get(ProtocolCurve.KL) / 3,
                values.get(ProtocolCurve.LOSS), 1e-5);
        ProtocolVariants.measure(model, images, ExperimentEvaluator.EVAL_BATCH, lpips, 4)
                .forEach((id, value) -> assertEquals(value, values.get(id), 0.0, id));
    }

    @Test
    void trainingJsonKeepsThePointsAndOlderFilesReadWithoutThem() throws Exception {
        StepPoint point = new StepPoint(25, 0, Map.of("loss/total", 190.25, "psnr/mean/per-image", 13.125));
        TrainingResult result = new TrainingResult(List.of(new EpochReport(0, 150.5, 140.25, 10.25, 3.0, 100.0, null)),
                47, 3.5, false, null, List.of(point));
        Path file = dir.resolve("training.json");
        AtomicFiles.writeJson(file, new TrainingRecord(result, Fixtures.provenance("a", "b", 1, 3.5), null));
        TrainingRecord read = TrainingRecord.read(file);
        assertEquals(result, read.result());
        assertEquals(List.of(point), read.result().stepPoints());

        ObjectNode older = (ObjectNode) Json.mapper().readTree(file.toFile());
        ((ObjectNode) older.get("result")).remove("stepPoints");
        AtomicFiles.writeJson(file, older);
        assertEquals(List.of(), TrainingRecord.read(file).result().stepPoints());
        assertEquals(result.epochs(), TrainingRecord.read(file).result().epochs());
    }
}
