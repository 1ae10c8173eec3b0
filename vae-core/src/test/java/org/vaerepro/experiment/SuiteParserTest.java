package org.vaerepro.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vaerepro.data.StandardDataset;
import org.vaerepro.metrics.SmallImagePolicy;
import org.vaerepro.model.Architecture;

class SuiteParserTest {
    @TempDir
    Path dir;

    private static final String GOOD = """
            {
              "suite": "demo",
              "defaults": { "epochs": 3, "seed": 7, "dataset": "mnist" },
              "experiments": [
                { "id": "a", "architecture": "vae", "latentDim": 2,
                  "reported": { "psnr": 13.4, "lpips": 0.25, "source": "table 1" } },
                { "id": "b", "architecture": "ae", "latentDim": 10, "dataset": "cifar10", "lpipsSmallImages": "pad" }
              ]
            }
            """;

    @Test
    void defaultsOverlayAndBuiltIns() throws IOException {
        Suite suite = new SuiteParser().parse(write(GOOD));
        assertEquals("demo", suite.name());
        ExperimentSpec a = suite.experiments().get(0);
        assertEquals(new Architecture.Vae(), a.architecture());
        assertEquals(StandardDataset.MNIST, a.dataset());
        assertEquals(3, a.epochs());
        assertEquals(128, a.batchSize());
        assertEquals(1e-3, a.learningRate());
        assertEquals(13.4, a.reported().psnr());
        ExperimentSpec b = suite.experiments().get(1);
        assertEquals(StandardDataset.CIFAR10, b.dataset());
        assertEquals(SmallImagePolicy.PAD, b.lpipsSmallImages());
        assertNull(b.reported());
        assertEquals(1, suite.select(java.util.Set.of("b")).size());
        assertThrows(IllegalArgumentException.class, () -> suite.select(java.util.Set.of("zzz")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"latentDim\": 2|\"latentDim\": 2, \"colour\": 1|:5:|field 'colour': unknown field",
        "\"latentDim\": 2|\"latentDim\": \"two\"|:5:|field 'latentDim': expected an integer",
        "\"latentDim\": 2|\"latentDim\": 0|:5:|field 'latentDim': must be > 0",
        "\"architecture\": \"vae\"|\"architecture\": \"gan\"|:5:|field 'architecture': unknown architecture 'gan'",
        "\"id\": \"a\"|\"id\": \"../x\"|:5:|field 'id': '../x' is not a safe file name",
        "\"id\": \"a\"|\"id\": \"b\"|:7:|field 'id': duplicate experiment id 'b'",
        "\"dataset\": \"mnist\"|\"dataset\": \"svhn\"|:3:|field 'dataset': unknown dataset 'svhn'",
        "\"seed\": 7, |''|:5:|field 'seed': experiment 'a' lacks required field 'seed'"
    })
    void badInputNamesFileLineAndField(String from, String to, String line, String message) throws IOException {
        String text = GOOD.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to.equals("''") ? "" : to));
        Path file = write(text);
        SpecException e = assertThrows(SpecException.class, () -> new SuiteParser().parse(file));
        assertTrue(e.getMessage().startsWith(file.toString() + line), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void invalidJsonReportsPosition() throws IOException {
        Path file = write("{\n \"suite\": \"x\",\n \"experiments\": [ { \"id\": } ]\n}");
        SpecException e = assertThrows(SpecException.class, () -> new SuiteParser().parse(file));
        assertTrue(e.getMessage().startsWith(file + ":3:"), e.getMessage());
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("suite.json");
        Files.writeString(file, text);
        return file;
    }
}
