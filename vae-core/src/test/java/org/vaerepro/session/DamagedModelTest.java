package org.vaerepro.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaerepro.SharedData;
import org.vaerepro.experiment.Run;
import org.vaerepro.experiment.RunFolder;
import org.vaerepro.experiment.RunStatus;
import org.vaerepro.experiment.Shard;
import org.vaerepro.experiment.TrainingRecord;
import org.vaerepro.model.ModelDigest;
import org.vaerepro.model.ModelFile;
import org.vaerepro.train.Checkpoint;

/**
 * Issue #35: a run whose model.zip is damaged is caught by the size and SHA-256 training.json records of it, and
 * reproducing the suite rebuilds it from the checkpoint that holds its parameters (the best epoch's under early
 * stopping), or, when no checkpoint generation is whole, trains it again to the same bits; it never fails the suite.
 */
class DamagedModelTest {
    @TempDir
    Path dir;

    /**
     * minDelta so large that only the first epoch is ever a best: patience 1 stops after 2 epochs and keeps epoch 1's
     * parameters, while the checkpoint's current ones are epoch 2's, so only its best epoch's give back the model.
     */
    private static final String SUITE = """
            {"suite": "damaged", "defaults": {"dataset": "mnist", "architecture": "vae", "latentDim": 2, "seed": 1,
              "epochs": 4, "batchSize": 64, "trainSubset": 192, "testSubset": 50},
             "experiments": [{"id": "a", "validation": 64, "patience": 1, "minDelta": 1e9}]}
            """;

    @Test
    void aDamagedModelIsRebuiltFromItsCheckpointToTheSameBytesAndStaysCurrent() throws Exception {
        SuiteSession first = reproduced(new ArrayList<>());
        RunFolder folder = folder(first);
        Map<String, float[]> original = parameters(folder.modelFile());
        byte[] written = Files.readAllBytes(folder.modelFile());
        String metrics = Files.readString(folder.metricsFile());
        assertEquals(ModelDigest.of(folder.modelFile()), TrainingRecord.read(folder.trainingFile()).model());
        Files.write(folder.modelFile(), Arrays.copyOf(written, written.length / 2)); // truncated

        RunStatus damaged = first.status(run(first));
        assertInstanceOf(RunStatus.ModelDamaged.class, damaged);
        assertTrue(damaged.describe().startsWith("model.zip is damaged (" + written.length / 2 + " bytes, "
                + written.length + " when written)"), damaged.describe());

        List<String> log = new ArrayList<>();
        SuiteSession again = reproduced(log);
        assertEquals(List.of("[a] model.zip is damaged (" + written.length / 2 + " bytes, " + written.length
                + " when written); rebuilt from checkpoint " + folder.checkpointFile() + " (epoch 1), the same bytes as "
                + "written and evaluated", "[a] already evaluated with this spec, skipping evaluation"),
                log.stream().filter(l -> l.startsWith("[a]")).toList());
        assertArrayEquals(written, Files.readAllBytes(folder.modelFile()), "the file as training wrote it");
        assertParametersEqual(original, parameters(folder.modelFile()));
        assertInstanceOf(RunStatus.Current.class, again.status(run(again)));
        assertEquals(metrics, Files.readString(folder.metricsFile()), "measured on these bytes, so kept");
        assertTrue(Files.notExists(folder.file(RunFolder.MODEL + ".rebuilt")));
    }

    @Test
    void withoutACheckpointADamagedModelIsTrainedAgainToTheSameParameters() throws Exception {
        SuiteSession first = reproduced(new ArrayList<>());
        RunFolder folder = folder(first);
        Map<String, float[]> original = parameters(folder.modelFile());
        for (Path generation : Checkpoint.generations(folder.checkpointFile())) {
            Files.deleteIfExists(generation);
        }
        Files.writeString(folder.modelFile(), "not a model at all");

        List<String> log = new ArrayList<>();
        SuiteSession again = reproduced(log);
        List<String> lines = log.stream().filter(l -> l.startsWith("[a]")).toList();
        assertTrue(lines.get(0).startsWith("[a] model.zip is damaged (18 bytes, ") && lines.get(0).contains(
                " and no whole checkpoint holds its parameters (" + folder.checkpointFile() + ": no generation holds")
                && lines.get(0).endsWith("); training it again"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("[a] training ")), lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.contains("resuming")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("[a] evaluating ")), "its metrics measured again: " + lines);
        assertParametersEqual(original, parameters(folder.modelFile()));
        assertInstanceOf(RunStatus.Current.class, again.status(run(again)));
    }

    @Test
    void aDamagedCheckpointTooIsNamedBesideTheModelAndTheRunIsTrainedAgain() throws Exception {
        SuiteSession first = reproduced(new ArrayList<>());
        RunFolder folder = folder(first);
        Map<String, float[]> original = parameters(folder.modelFile());
        Path previous = Checkpoint.previous(folder.checkpointFile());
        assertTrue(Files.isRegularFile(previous), "two epochs leave two generations");
        Files.write(folder.modelFile(), new byte[4096]);
        byte[] checkpoint = Files.readAllBytes(folder.checkpointFile());
        Files.write(folder.checkpointFile(), Arrays.copyOf(checkpoint, checkpoint.length / 2));

        List<String> log = new ArrayList<>();
        SuiteSession again = reproduced(log);
        String line = log.stream().filter(l -> l.startsWith("[a] model.zip is damaged")).findFirst().orElseThrow();
        assertTrue(line.contains(" and no whole checkpoint holds its parameters (") && line.endsWith("; training it again"),
                line);
        assertTrue(line.contains(folder.checkpointFile() + ": not a complete vae-repro-checkpoint file"), line);
        long steps = TrainingRecord.read(folder.trainingFile()).result().steps();
        assertTrue(line.contains(previous + ": is at step " + steps / 2 + " "), "the older generation is an epoch short: "
                + line);
        assertParametersEqual(original, parameters(folder.modelFile()));
        assertInstanceOf(RunStatus.Current.class, again.status(run(again)));

        // Evaluating alone meets a damaged model the same way.
        Files.write(folder.modelFile(), new byte[4096]);
        List<String> evaluated = new ArrayList<>();
        assertTrue(session(evaluated).evaluate().failures().isEmpty(), evaluated.toString());
        assertTrue(evaluated.stream().anyMatch(l -> l.startsWith("[a] model.zip is damaged (4096 bytes, ")
                && l.contains("rebuilt from checkpoint " + folder.checkpointFile() + " (epoch 1)")), evaluated.toString());
        assertParametersEqual(original, parameters(folder.modelFile()));
    }

    private SuiteSession reproduced(List<String> log) throws Exception {
        SuiteSession session = session(log);
        List<RunFailure> failures = session.reproduce().failures();
        assertTrue(failures.isEmpty(), failures + " " + log);
        return session;
    }

    private SuiteSession session(List<String> log) throws Exception {
        Path suiteFile = dir.resolve("damaged.json");
        if (!Files.exists(suiteFile)) {
            Files.writeString(suiteFile, SUITE);
        }
        return new SuiteSession(new SessionSettings(suiteFile, dir.resolve("out"), List.of(), Shard.ALL, 0,
                SharedData.dataDir(), null, dir, false, SharedData.lpipsWeights(), null, false, 0, Parallelism.SERIAL),
                log::add);
    }

    private static Run run(SuiteSession session) {
        return session.runs().get(0);
    }

    private static RunFolder folder(SuiteSession session) {
        return session.layout().run(session.suite(), run(session));
    }

    private static Map<String, float[]> parameters(Path model) {
        Map<String, float[]> values = new TreeMap<>();
        ModelFile.load(model).model().parameters().forEach((name, value) -> values.put(name, value.dup().data().asFloat()));
        return values;
    }

    /** Bit for bit: assertArrayEquals on floats compares their bits. */
    private static void assertParametersEqual(Map<String, float[]> expected, Map<String, float[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((name, values) -> assertArrayEquals(values, actual.get(name), name));
    }
}
