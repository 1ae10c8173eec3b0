package org.vaerepro;

import java.nio.file.Files;
import java.nio.file.Path;
import org.vaerepro.data.DataLocations;
import org.vaerepro.data.DatasetRepository;

/** The real datasets and weights beside the repository ({@code ../shared}), as the build configures them. */
public final class SharedData {
    private SharedData() {
    }

    public static Path dataDir() {
        return existing(System.getProperty("vae.dataDir", "../../shared/data"), "vae.dataDir");
    }

    public static Path lpipsWeights() {
        return existing(System.getProperty("vae.lpipsWeights", "../../shared/weights/lpips-alex-v0.1.npz"),
                "vae.lpipsWeights");
    }

    public static Path weightsDir() {
        return lpipsWeights().getParent();
    }

    public static DatasetRepository repository() {
        return new DatasetRepository(DataLocations.of(dataDir()));
    }

    private static Path existing(String value, String property) {
        Path path = Path.of(value).toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            // Fail, never skip: CI always has ../shared beside the checkout.
            throw new IllegalStateException("-D" + property + " points at " + path + ", which does not exist");
        }
        return path;
    }
}
