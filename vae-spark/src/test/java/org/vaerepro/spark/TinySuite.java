package org.vaerepro.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaerepro.experiment.ExperimentResult;
import org.vaerepro.experiment.RunFolder;
import org.vaerepro.experiment.Shard;
import org.vaerepro.model.ModelFile;
import org.vaerepro.session.Parallelism;
import org.vaerepro.session.SessionSettings;

/**
 * The tests' tiny suite on real MNIST (two seeds of a VAE and one autoencoder: 3 runs) and how a run
 * elsewhere is held to the serial run: the same metrics and every parameter bit for bit.
 */
record TinySuite(Path file) {
    static final String NAME = "tiny";
    static final List<String> RUNS = List.of("vae/seed-1", "vae/seed-2", "ae");

    /** Writes the suite into {@code dir}: {@code trainSubset} training images, {@code epochs} epochs. */
    static TinySuite write(Path dir, int trainSubset, int epochs) throws IOException {
        return new TinySuite(Files.writeString(dir.resolve(NAME + ".json"), """
                {"suite": "%s", "defaults": {"dataset": "mnist", "seed": 1, "epochs": %d, "batchSize": 64,
                  "trainSubset": %d, "testSubset": 100},
                 "experiments": [
                   {"id": "vae", "architecture": "vae", "latentDim": 2, "seeds": 2},
                   {"id": "ae", "architecture": "ae", "latentDim": 4}]}
                """.formatted(NAME, epochs, trainSubset)));
    }

    /** Serial settings for an output folder; {@code home} stands in for the user's home (no ~/.vae lookups). */
    SessionSettings settings(Path out, Path home) {
        return new SessionSettings(file, out, List.of(), Shard.ALL, 0, dataDir(), null, home, false, lpipsWeights(),
                null, false, 0, Parallelism.SERIAL);
    }

    static Path dataDir() {
        return sharedPath("vae.dataDir", "../../shared/data");
    }

    static Path lpipsWeights() {
        return sharedPath("vae.lpipsWeights", "../../shared/weights/lpips-alex-v0.1.npz");
    }

    static Path runFolder(Path out, String run) {
        return out.resolve(NAME).resolve(run);
    }

    /** The run in {@code actualOut} has the metrics and, bit for bit, the parameters of the run in {@code expectedOut}. */
    static void assertSameRun(Path expectedOut, Path actualOut, String run) {
        ExperimentResult expected = ExperimentResult.read(runFolder(expectedOut, run).resolve(RunFolder.METRICS));
        ExperimentResult actual = ExperimentResult.read(runFolder(actualOut, run).resolve(RunFolder.METRICS));
        assertEquals(expected.metrics(), actual.metrics(), run + ": metrics");
        assertBitIdentical(ModelFile.load(runFolder(expectedOut, run).resolve(RunFolder.MODEL)).model().parameters(),
                ModelFile.load(runFolder(actualOut, run).resolve(RunFolder.MODEL)).model().parameters(), run);
    }

    private static Path sharedPath(String property, String fallback) {
        Path path = Path.of(System.getProperty(property, fallback)).toAbsolutePath().normalize();
        assertTrue(Files.exists(path), property + " " + path + " must exist (../shared beside the repository)");
        return path;
    }

    private static void assertBitIdentical(Map<String, INDArray> expected, Map<String, INDArray> actual, String what) {
        assertEquals(new TreeSet<>(expected.keySet()), new TreeSet<>(actual.keySet()), what + ": parameter names");
        expected.forEach((name, value) -> assertArrayEquals(value.dup('c').data().asBytes(),
                actual.get(name).dup('c').data().asBytes(), what + " '" + name + "': raw buffers differ"));
    }
}
