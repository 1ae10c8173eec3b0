package org.vaerepro.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vaerepro.data.StandardDataset;
import org.vaerepro.io.Json;

/**
 * The objective's options a model file records: written by their ids, read back, and a file written before an option
 * existed (no such field) reads as the option's default, the only reading such a file can have been trained with.
 */
class ModelConfigOptionsTest {
    static Stream<Arguments> options() {
        Function<ModelConfig, ModelConfig> klMean = c -> c.withKlReduction(KlReduction.MEAN);
        Function<ModelConfig, ModelConfig> reconstructionMean =
                c -> c.withReconstructionReduction(ReconstructionReduction.MEAN);
        return Stream.of(Arguments.of("klReduction", "sum", "MEAN", klMean),
                Arguments.of("reconstructionReduction", "sum", "mean", reconstructionMean));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("options")
    void filesWithoutTheFieldReadAsTheDefault(String field, String defaultId, String otherId,
            Function<ModelConfig, ModelConfig> other) throws Exception {
        ModelConfig config = ModelConfig.of(new Architecture.UpsampleVae(), StandardDataset.CIFAR10.shape(), 8);
        ObjectNode json = Json.mapper().valueToTree(config);
        assertEquals(defaultId, json.get(field).asText());
        json.remove(field);
        assertEquals(config, Json.mapper().treeToValue(json, ModelConfig.class));
        json.put(field, otherId);
        assertEquals(other.apply(config), Json.mapper().treeToValue(json, ModelConfig.class));
    }

    @Test
    void theShorterConstructorsGiveTheDefaultsAndUnknownIdsAreNamed() {
        ModelConfig config = ModelConfig.of(new Architecture.Vae(), StandardDataset.MNIST.shape(), 8);
        assertEquals(config, new ModelConfig(config.architecture(), config.input(), 8, List.of(32, 64, 128),
                ReconstructionLoss.BCE, 1.0, DecoderDenseActivation.RELU));
        IllegalArgumentException kl = assertThrows(IllegalArgumentException.class, () -> KlReduction.fromId("median"));
        assertTrue(kl.getMessage().contains("expected one of [sum, mean]"), kl.getMessage());
        IllegalArgumentException reconstruction = assertThrows(IllegalArgumentException.class,
                () -> ReconstructionReduction.fromId("max"));
        assertTrue(reconstruction.getMessage().contains("expected one of [sum, mean]"), reconstruction.getMessage());
    }
}
