package org.vaerepro.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaerepro.BitIdentical.assertBitIdentical;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaerepro.SharedData;
import org.vaerepro.data.ImageDataset;
import org.vaerepro.data.Split;
import org.vaerepro.data.StandardDataset;

/** Profiling a gradient pass op by op times every op of the replay and changes no result. */
class OpTimesTest {
    @Test
    void aProfiledPassGivesTheSameGradientsAndTimesEveryOp() {
        ImageDataset images = SharedData.repository().load(StandardDataset.MNIST, Split.TRAIN).firstN(32);
        ModelConfig config = ModelConfig.of(new Architecture.Vae(), StandardDataset.MNIST.shape(), 10);
        AutoencoderModel plain = AutoencoderModel.create(config, 3);
        AutoencoderModel profiled = AutoencoderModel.create(config, 3);
        OpTimes times = new OpTimes();
        for (int step = 0; step < 3; step++) {
            INDArray x = images.range(step * 8, step * 8 + 8).images();
            INDArray eps = GaussianNoise.sample(3, step, 8, 10, plain.dataType());
            BatchGradients expected = plain.gradients(x, eps);
            BatchGradients actual = profiled.gradients(x, eps, times);
            assertEquals(expected.loss(), actual.loss(), 0.0, "loss of step " + step);
            for (Map.Entry<String, INDArray> gradient : expected.gradients().entrySet()) {
                assertBitIdentical(gradient.getValue(), actual.gradients().get(gradient.getKey()),
                        "gradient of " + gradient.getKey() + " at step " + step);
            }
        }
        // The first pass of a batch size is recorded through SameDiff, untimed; the two replays are timed.
        assertEquals(6, times.callsByOp().get("conv2d"), "three convolutions a pass, two replayed passes");
        assertEquals(6, times.callsByOp().get("deconv2d_bp"), "three transposed convolutions' backward ops a pass");
        assertTrue(times.nanosByOp().values().stream().allMatch(nanos -> nanos > 0), times.nanosByOp().toString());
        assertEquals(times.callsByOp().keySet(), times.nanosByOp().keySet());
    }
}
