package org.vaerepro.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;
import org.vaerepro.SharedData;
import org.vaerepro.data.ImageDataset;
import org.vaerepro.data.Split;
import org.vaerepro.data.StandardDataset;

/**
 * A replayed step must not keep the batch it was given. The op contexts are reused from step to step, and
 * libnd4j's context holds on to the native buffer of every array set on it until it is purged: a seed-tables
 * run kept every CIFAR-10 batch (1.5 MB a step) that way and reached the 4 GiB physical-bytes cap in its sixth
 * epoch. Here each step gets a new batch and new noise, as in training (0.4 MB a step for MNIST at batch 128):
 * without the purge the resident set grew 91 MB over these 200 steps, with it -1 MB.
 */
class ReplayedStepMemoryTest {
    private static final int BATCH = 128;
    private static final int WARM_UP_STEPS = 20;
    private static final int MEASURED_STEPS = 200;
    private static final long ALLOWED_GROWTH = 40L << 20;

    @Test
    void replayedStepsKeepNoBatch() {
        ImageDataset images = SharedData.repository().load(StandardDataset.MNIST, Split.TRAIN).firstN(BATCH);
        AutoencoderModel model = AutoencoderModel.create(
                ModelConfig.of(Architecture.fromId("vae"), StandardDataset.MNIST.shape(), 10), 1);
        long before = 0;
        for (int step = 0; step < WARM_UP_STEPS + MEASURED_STEPS; step++) {
            if (step == WARM_UP_STEPS) {
                before = residentAfterCollection();
            }
            model.gradients(images.range(0, BATCH).images(), GaussianNoise.sample(1, step, BATCH, 10, model.dataType()));
            if (step % 4 == 0) {
                System.gc();
            }
        }
        long growth = residentAfterCollection() - before;
        assertTrue(growth < ALLOWED_GROWTH, "resident set grew " + (growth >> 20) + " MB over " + MEASURED_STEPS
                + " replayed steps, each with a new batch (allowed " + (ALLOWED_GROWTH >> 20) + " MB)");
    }

    private static long residentAfterCollection() {
        System.gc();
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Pointer.physicalBytes();
    }
}
