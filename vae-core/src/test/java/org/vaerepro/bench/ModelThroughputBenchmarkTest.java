package org.vaerepro.bench;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ModelThroughputBenchmarkTest {

    @ParameterizedTest
    @ValueSource(strings = {"mnist/vae", "mnist/vae-upsample", "mnist/ae", "cifar10/vae", "cifar10/ae"})
    void acceptsTheSixConfigurations(String configuration) {
        assertDoesNotThrow(() -> ModelThroughputBenchmark.checkConfiguration(configuration));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "mnist/vea|unknown architecture 'vea'",
            "mnsit/vae|unknown dataset 'mnsit'",
            "fashion-mnist/vae|dataset 'fashion-mnist' is not measured",
            "mnist|expected <dataset>/<architecture>",
            "mnist/vae/ae|expected <dataset>/<architecture>"})
    void namesWhatIsWrongWithAnUnknownConfiguration(String configuration, String named) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ModelThroughputBenchmark.checkConfiguration(configuration));
        assertTrue(error.getMessage().startsWith("configuration '" + configuration + "'"), error.getMessage());
        assertTrue(error.getMessage().contains(named), error.getMessage());
    }
}
