package org.vaerepro.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaerepro.SharedData;
import org.vaerepro.data.DatasetRepository;
import org.vaerepro.data.ImageDataset;
import org.vaerepro.data.ImageShape;
import org.vaerepro.data.Split;
import org.vaerepro.data.StandardDataset;
import org.vaerepro.metrics.PsnrAccumulator;
import org.vaerepro.model.Architecture;
import org.vaerepro.model.AutoencoderModel;
import org.vaerepro.model.ModelConfig;

/** 2,000 real MNIST images, 320 steps: the loss falls and reconstructions beat the mean image. */
class LearnsOnMnistTest {
    @Test
    void vaeLearnsToReconstruct() {
        DatasetRepository repository = SharedData.repository();
        ImageDataset train = repository.load(StandardDataset.MNIST, Split.TRAIN).firstN(2000);
        ImageDataset test = repository.load(StandardDataset.MNIST, Split.TEST).firstN(1000);
        AutoencoderModel model = AutoencoderModel.create(
                ModelConfig.of(new Architecture.Vae(), new ImageShape(1, 28, 28), 10), 1);
        TrainingResult result = new Trainer(new TrainerConfig(10, 64, 1e-3, 1, 0, 0), List.of()).train(model, train, null);
        assertTrue(result.steps() == 320);
        double first = result.epochs().get(0).loss();
        double last = result.last().loss();
        assertTrue(last < 0.7 * first, "loss " + first + " -> " + last);

        // Baseline: predict the training-set mean image for every test image.
        INDArray mean = train.range(0, train.size()).images().mean(true, 0);
        PsnrAccumulator baseline = new PsnrAccumulator();
        PsnrAccumulator trained = new PsnrAccumulator();
        for (int from = 0; from < test.size(); from += 250) {
            INDArray x = test.range(from, from + 250).images();
            baseline.add(x, mean.broadcast(x.shape()));
            trained.add(x, model.reconstruct(x));
        }
        System.out.printf("LearnsOnMnistTest: loss %.1f -> %.1f, test PSNR %.2f dB vs mean-image %.2f dB%n", first, last,
                trained.meanPsnr(), baseline.meanPsnr());
        assertTrue(trained.meanPsnr() > baseline.meanPsnr() + 3,
                "model PSNR " + trained.meanPsnr() + " dB vs mean-image baseline " + baseline.meanPsnr() + " dB");
    }
}
