package org.vaerepro.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vaerepro.data.StandardDataset;
import org.vaerepro.metrics.SmallImagePolicy;
import org.vaerepro.model.Architecture;
import org.vaerepro.model.ReconstructionReduction;

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
        assertEquals(new Architecture.Vae(), a.training().architecture());
        assertEquals(StandardDataset.MNIST, a.training().dataset());
        assertEquals(3, a.stopping().epochs());
        assertEquals(128, a.training().batchSize());
        assertEquals(1e-3, a.training().learningRate());
        assertEquals(13.4, a.reported().psnr());
        ExperimentSpec b = suite.experiments().get(1);
        assertEquals(StandardDataset.CIFAR10, b.training().dataset());
        assertEquals(SmallImagePolicy.PAD, b.evaluation().lpipsSmallImages());
        assertEquals(org.vaerepro.model.DecoderDenseActivation.RELU, b.training().decoderDenseActivation());
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
        "\"seed\": 7, |''|:5:|field 'seed': experiment 'a' lacks required field 'seed' (or a list of 'seeds')",
        "\"latentDim\": 2|\"latentDim\": 2, \"seeds\": []|:5:|field 'seeds': expected a non-empty list",
        "\"latentDim\": 2|\"latentDim\": 2, \"seeds\": [3, 3]|:5:|field 'seeds': seed 3 is listed twice",
        "\"latentDim\": 2|\"latentDim\": 2, \"seeds\": [3, 4]|:5:|field 'seeds': the first of seeds [3, 4] must equal seed 7",
        "\"latentDim\": 2|\"latentDim\": 2, \"seeds\": 0|:5:|field 'seeds': expected a list of integers or a count >= 1",
        "\"latentDim\": 2|\"latentDim\": 2, \"seeds\": [1.5]|:5:|field 'seeds': expected integers",
        "\"latentDim\": 2|\"latentDim\": 2, \"patience\": 3|:5:|field 'patience': early stopping watches the validation loss",
        "\"latentDim\": 2|\"latentDim\": 2, \"trainSubset\": 100, \"validation\": 100|:5:|field 'validation': holds out 100 of the 100",
        "\"latentDim\": 2|\"latentDim\": 2, \"maxSteps\": 15, \"curveSteps\": [10, 20]|:5:|field 'curveSteps': step 20 lies beyond the step budget (maxSteps 15)",
        "\"latentDim\": 2|\"latentDim\": 2, \"decoderDenseActivation\": \"tanh\"|:5:|field 'decoderDenseActivation': unknown decoder dense activation 'tanh'",
        "\"latentDim\": 2|\"latentDim\": 2, \"encoderChannels\": [16, 32]|:5:|field 'encoderChannels': expected the three encoder convolutions' channel counts",
        "\"latentDim\": 2|\"latentDim\": 2, \"encoderChannels\": [16, 0, 64]|:5:|field 'encoderChannels': expected three positive channel counts",
        "\"latentDim\": 2|\"latentDim\": 2, \"testOffset\": -1|:5:|field 'testOffset'",
        "\"latentDim\": 2|\"latentDim\": 2, \"testStride\": 0|:5:|field 'testStride': must be > 0",
        "\"latentDim\": 2|\"latentDim\": 2, \"curveTestStride\": 0|:5:|field 'curveTestStride': must be > 0",
        "\"latentDim\": 2|\"latentDim\": 2, \"curveTestOffset\": -1|:5:|field 'curveTestOffset'",
        "\"latentDim\": 2|\"latentDim\": 2, \"lpipsSmallImageRules\": \"bicubic48\"|:5:|field 'lpipsSmallImageRules': expected a list of LPIPS small-image rules to measure beside [resize, pad, resize64]",
        "\"latentDim\": 2|\"latentDim\": 2, \"lpipsSmallImageRules\": [\"bicubic40\"]|:5:|field 'lpipsSmallImageRules': unknown LPIPS small-image policy 'bicubic40'",
        "\"latentDim\": 2|\"latentDim\": 2, \"lpipsSmallImageRules\": [\"nearest64\", \"NEAREST64\"]|:5:|field 'lpipsSmallImageRules': names 'nearest64' twice",
        "\"latentDim\": 2|\"latentDim\": 2, \"reconstructionReduction\": \"max\"|:5:|field 'reconstructionReduction': unknown reconstruction reduction 'max'",
        "\"latentDim\": 2|\"latentDim\": 2, \"validation\": 100, \"patience\": 3, \"maxSteps\": 50|:5:|field 'maxSteps': a step budget and early stopping cannot both end a run",
        "\"lpipsSmallImages\": \"pad\"|\"lpipsSmallImages\": \"pad\", \"decoding\": \"sampled\"|:7:|field 'decoding': the autoencoder ('ae') has one decoding",
        "\"lpipsSmallImages\": \"pad\"|\"lpipsSmallImages\": \"pad\", \"likelihoodSamples\": 8|:7:|field 'likelihoodSamples': the autoencoder ('ae') has no posterior"
    })
    void badInputNamesFileLineAndField(String from, String to, String line, String message) throws IOException {
        String text = GOOD.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to.equals("''") ? "" : to));
        Path file = write(text);
        SpecException e = assertThrows(SpecException.class, () -> new SuiteParser().parse(file));
        assertTrue(e.getMessage().startsWith(file.toString() + line), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    /** Each rule above refuses only what it names: the inputs on its edge are valid suites. */
    @Test
    void theEdgesOfTheFieldRulesAreValid() throws IOException {
        Suite suite = new SuiteParser().parse(write("""
                {"suite": "s", "defaults": {"dataset": "mnist", "architecture": "vae", "epochs": 1, "seed": 5},
                 "experiments": [
                   {"id": "budget", "latentDim": 2, "maxSteps": 15, "curveSteps": [10, 15]},
                   {"id": "stopping", "latentDim": 2, "validation": 100, "patience": 3, "curveSteps": [10, 20]},
                   {"id": "sampled", "latentDim": 2, "decoding": "sampled", "likelihoodSamples": 8},
                   {"id": "half", "latentDim": 2, "encoderChannels": [16, 32, 64], "testOffset": 5000, "testStride": 1,
                    "curveTestOffset": 0, "curveTestStride": 1,
                    "reconstructionReduction": "mean", "lpipsSmallImageRules": ["bicubic-aa48", "resize"]}]}
                """));
        List<ExperimentSpec> specs = suite.experiments();
        assertEquals(List.of(16, 32, 64), specs.get(3).training().encoderChannels());
        assertEquals(List.of(16, 32, 64), ExperimentTrainer.modelConfig(specs.get(3)).channels(), "the model is built so");
        assertEquals(List.of(32, 64, 128), specs.get(0).training().encoderChannels(), "the source's widths by default");
        assertEquals(5000, specs.get(3).evaluation().testOffset());
        assertEquals(List.of(SmallImagePolicy.BICUBIC_AA48, SmallImagePolicy.RESIZE),
                specs.get(3).training().lpipsSmallImageRules(), "a standard rule may be named; it is measured once");
        assertEquals(List.of(), specs.get(0).training().lpipsSmallImageRules());
        assertEquals(ReconstructionReduction.MEAN, ExperimentTrainer.modelConfig(specs.get(3)).reconstructionReduction());
        assertEquals(ReconstructionReduction.SUM, ExperimentTrainer.modelConfig(specs.get(0)).reconstructionReduction());
        assertEquals(List.of(10L, 15L), specs.get(0).training().curveSteps(), "the budget's last step is measured");
        assertEquals(3, specs.get(1).stopping().patience());
        assertEquals(List.of(10L, 20L), specs.get(1).training().curveSteps(), "no budget, no bound on the steps");
        assertEquals(8, specs.get(2).evaluation().likelihoodSamples(), "a VAE samples its posterior");
    }

    @Test
    void seedsAsACountOrAListExpandIntoOneRunPerSeed() throws IOException {
        Suite suite = new SuiteParser().parse(write("""
                {"suite": "s", "defaults": {"dataset": "mnist", "architecture": "ae", "epochs": 1, "seed": 5, "seeds": 3},
                 "experiments": [
                   {"id": "counted", "latentDim": 2},
                   {"id": "listed", "latentDim": 2, "seed": 9, "seeds": [9, 2]},
                   {"id": "listOnly", "latentDim": 2, "seed": null, "seeds": [4]},
                   {"id": "single", "latentDim": 2, "seeds": 1, "decoderDenseActivation": "none"}]}
                """));
        List<ExperimentSpec> specs = suite.experiments();
        assertEquals(List.of(5L, 6L, 7L), specs.get(0).seeds());
        assertEquals(List.of(9L, 2L), specs.get(1).seeds());
        assertEquals(9L, specs.get(1).seed());
        assertEquals(List.of(4L), specs.get(2).seeds());
        assertEquals(List.of(5L), specs.get(3).seeds());
        List<Run> runs = Suite.runs(specs);
        assertEquals(List.of("counted/seed-5", "counted/seed-6", "counted/seed-7", "listed/seed-9", "listed/seed-2",
                "listOnly", "single"), runs.stream().map(Run::id).toList());
        // A run's spec is the experiment with only its seed; a single-seed experiment is its own run.
        assertEquals(List.of(6L), runs.get(1).spec().seeds());
        assertEquals(6L, runs.get(1).spec().seed());
        assertEquals(specs.get(3), runs.get(6).spec());
        assertEquals(org.vaerepro.model.DecoderDenseActivation.NONE, specs.get(3).training().decoderDenseActivation());
        // The gate's selection: each experiment's first seed only.
        assertEquals(List.of("counted/seed-5", "listed/seed-9", "listOnly", "single"),
                Suite.runs(specs, 1).stream().map(Run::id).toList());
    }

    @Test
    void comparedWithNamesAnotherSuiteFileBesideThisOne() throws IOException {
        Files.createDirectories(dir.resolve("other"));
        Files.writeString(dir.resolve("other/base.json"), GOOD);
        String compared = GOOD.replace("\"suite\": \"demo\",", "\"suite\": \"demo\", \"comparedWith\": \"other/base.json\",");
        Suite suite = new SuiteParser().parse(write(compared));
        assertEquals(dir.resolve("other/base.json").toAbsolutePath(), suite.comparedWith());
        assertNull(new SuiteParser().parse(write(GOOD)).comparedWith());

        Path missing = write(compared.replace("other/base.json", "other/nope.json"));
        SpecException e = assertThrows(SpecException.class, () -> new SuiteParser().parse(missing));
        assertTrue(e.getMessage().contains("field 'comparedWith': no suite file " + dir.resolve("other/nope.json").toAbsolutePath()),
                e.getMessage());
        Path itself = write(compared.replace("other/base.json", "suite.json"));
        e = assertThrows(SpecException.class, () -> new SuiteParser().parse(itself));
        assertTrue(e.getMessage().contains("a suite cannot be compared with itself"), e.getMessage());
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
