package org.vaerepro.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaerepro.SharedData;
import org.vaerepro.data.ImageDataset;
import org.vaerepro.data.Split;
import org.vaerepro.data.StandardDataset;
import org.vaerepro.io.Json;
import org.vaerepro.train.Trainer;
import org.vaerepro.train.TrainerConfig;

/**
 * The models, test images and noise MarginalLikelihoodReferenceTest compares against likelihood-reference.json,
 * and the program that exports them for the independent NumPy/PyTorch computation that wrote it
 * (src/bench/python/likelihood_reference.py):
 * <pre>
 * mvn -pl vae-core test-compile exec:exec -Dexec.args="-classpath %classpath org.vaerepro.model.LikelihoodReferenceCases target/likelihood-export"
 * /usr/bin/python3 vae-core/src/bench/python/likelihood_reference.py vae-core/target/likelihood-export \
 *     vae-core/src/test/resources/org/vaerepro/model/likelihood-reference.json
 * </pre>
 * Each model is small (few channels, so every weight layout is exercised with distinct sizes) and trained a few
 * deterministic Adam steps on real images, so its logits are far from 0 and its posterior far from the prior.
 */
public final class LikelihoodReferenceCases {
    static final int IMAGES = 6;
    static final int SAMPLES = 16;

    /** One reference model: its config, data, and the seed of its initialisation, training and noise. */
    record Case(String name, ModelConfig config, StandardDataset dataset, long seed) {
    }

    static final List<Case> CASES = List.of(
            new Case("mnist-vae-bce", new ModelConfig(new Architecture.Vae(), StandardDataset.MNIST.shape(), 2,
                    List.of(4, 8, 16), ReconstructionLoss.BCE, 1.0, DecoderDenseActivation.RELU), StandardDataset.MNIST, 1),
            new Case("mnist-vaeup-mse", new ModelConfig(new Architecture.UpsampleVae(), StandardDataset.MNIST.shape(), 3,
                    List.of(3, 5, 7), ReconstructionLoss.MSE, 1.0, DecoderDenseActivation.NONE), StandardDataset.MNIST, 2),
            new Case("cifar-vae-mse", new ModelConfig(new Architecture.Vae(), StandardDataset.CIFAR10.shape(), 6,
                    List.of(4, 8, 16), ReconstructionLoss.MSE, 1.0, DecoderDenseActivation.RELU, KlReduction.MEAN),
                    StandardDataset.CIFAR10, 3),
            new Case("cifar-vaeup-bce", new ModelConfig(new Architecture.UpsampleVae(), StandardDataset.CIFAR10.shape(), 5,
                    List.of(5, 6, 9), ReconstructionLoss.BCE, 1.0, DecoderDenseActivation.NONE), StandardDataset.CIFAR10, 4));

    private LikelihoodReferenceCases() {
    }

    /** The case's model: initialised from its seed, then 10 Adam steps (lr 5e-3, batch 32) on 320 training images. */
    static AutoencoderModel model(Case c) {
        AutoencoderModel model = AutoencoderModel.create(c.config(), c.seed());
        ImageDataset train = SharedData.repository().load(c.dataset(), Split.TRAIN).firstN(320);
        new Trainer(new TrainerConfig(1, 32, 5e-3, c.seed(), 0, 0), List.of()).train(model, train, null);
        return model;
    }

    /** The first {@link #IMAGES} test images. */
    static INDArray images(Case c) {
        return SharedData.repository().load(c.dataset(), Split.TEST).range(0, IMAGES).images();
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        for (Case c : CASES) {
            Path file = out.resolve(c.name() + ".zip");
            LikelihoodExport.write(file, model(c), images(c), c.seed(), SAMPLES, Json.mapper().createObjectNode());
            System.out.println("wrote " + file);
        }
    }
}
