package org.vaerepro.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where datasets are looked for, in order: an explicit directory ({@code -Dvae.dataDir}), then
 * {@code VAE_DATA_DIR}, then {@code ~/.vae/data}, then Debian's {@code /usr/share/datasets}.
 */
public record DataLocations(List<Path> roots, Path downloadRoot, boolean downloadAllowed) {
    public static final String DATA_DIR_PROPERTY = "vae.dataDir";
    public static final String DATA_DIR_ENV = "VAE_DATA_DIR";
    public static final String DOWNLOAD_PROPERTY = "vae.download";

    public DataLocations {
        roots = List.copyOf(roots);
    }

    /** Locations from system properties and the environment of this process. */
    public static DataLocations fromEnvironment() {
        return from(System.getProperties().getProperty(DATA_DIR_PROPERTY), System.getenv(),
                Path.of(System.getProperty("user.home")),
                !"false".equalsIgnoreCase(System.getProperty(DOWNLOAD_PROPERTY, "true")));
    }

    /** Locations with {@code explicitDir} (may be null) taking precedence over the environment. */
    public static DataLocations from(String explicitDir, Map<String, String> env, Path home, boolean downloadAllowed) {
        List<Path> roots = new ArrayList<>();
        if (explicitDir != null && !explicitDir.isBlank()) {
            roots.add(Path.of(explicitDir).toAbsolutePath().normalize());
        }
        String fromEnv = env.get(DATA_DIR_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            roots.add(Path.of(fromEnv).toAbsolutePath().normalize());
        }
        Path userDir = home.resolve(".vae").resolve("data");
        roots.add(userDir);
        roots.add(Path.of("/usr/share/datasets"));
        return new DataLocations(roots, roots.get(0).equals(Path.of("/usr/share/datasets")) ? userDir : roots.get(0),
                downloadAllowed);
    }

    public static DataLocations of(Path dataDir) {
        return new DataLocations(List.of(dataDir.toAbsolutePath().normalize()), dataDir, false);
    }

    /** First root whose dataset folder holds every file of the dataset. */
    public Optional<Path> find(StandardDataset dataset) {
        for (Path root : roots) {
            Path folder = root.resolve(dataset.folder());
            if (dataset.allFiles().stream().allMatch(f -> Files.isRegularFile(folder.resolve(f)))) {
                return Optional.of(folder);
            }
        }
        return Optional.empty();
    }

    /** The message for a dataset found nowhere: every file expected and every place looked. */
    public String notFoundMessage(StandardDataset dataset) {
        StringBuilder message = new StringBuilder("dataset '").append(dataset.id()).append("' not found. Expected files ")
                .append(dataset.allFiles()).append(" in a folder '").append(dataset.folder()).append("' under one of:");
        for (Path root : roots) {
            message.append("\n  ").append(root.resolve(dataset.folder()));
        }
        message.append("\nSet -D").append(DATA_DIR_PROPERTY).append("=<dir> or ").append(DATA_DIR_ENV)
                .append(" to the directory that contains '").append(dataset.folder()).append("'.");
        return message.toString();
    }
}
