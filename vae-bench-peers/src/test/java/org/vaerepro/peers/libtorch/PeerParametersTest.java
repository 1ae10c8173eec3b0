package org.vaerepro.peers.libtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.vaerepro.data.StandardDataset;
import org.vaerepro.model.Architecture;
import org.vaerepro.model.AutoencoderModel;
import org.vaerepro.model.ModelConfig;

/**
 * The libtorch peer has exactly the parameters of the project's models: the same names and, per name, the same number
 * of values (layouts differ: PyTorch's [out, in, k, k] against ND4J's [k, k, in, out]), for all six measured
 * configurations. Runs without libtorch; LibtorchModelTest checks that the tensors the peer creates have these shapes.
 */
class PeerParametersTest {

    @ParameterizedTest
    @ValueSource(strings = {"mnist/vae", "mnist/vae-upsample", "mnist/ae", "cifar10/vae", "cifar10/vae-upsample",
            "cifar10/ae"})
    void sameParametersAsTheProjectsModel(String configuration) {
        PeerParameters peer = PeerParameters.of(configuration);
        String[] parts = configuration.split("/");
        AutoencoderModel project = AutoencoderModel.create(ModelConfig.of(Architecture.fromId(parts[1]),
                StandardDataset.fromId(parts[0]).shape(), peer.latentDim()), 1);

        Map<String, Long> expected = new TreeMap<>();
        project.parameters().forEach((name, array) -> expected.put(name, array.length()));
        Map<String, Long> actual = new TreeMap<>();
        peer.shapes().forEach((name, shape) -> actual.put(name, shape.size()));

        assertEquals(expected, actual, configuration);
        assertEquals(expected.values().stream().mapToLong(Long::longValue).sum(),
                actual.values().stream().mapToLong(Long::longValue).sum(), configuration + ": total");
    }

    @Test
    void latentSizesAreTheBenchmarks() {
        assertEquals(10, PeerParameters.of("mnist/ae").latentDim());
        assertEquals(128, PeerParameters.of("cifar10/vae-upsample").latentDim());
    }

    @Test
    void unknownConfigurationsAreRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PeerParameters.of("svhn/vae"));
        assertEquals(true, e.getMessage().contains("svhn/vae"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PeerParameters.of("mnist/gan"));
        assertEquals(true, e.getMessage().contains("gan"), e.getMessage());
    }
}
