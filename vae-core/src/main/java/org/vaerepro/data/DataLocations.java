package org.vaerepro.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vaerepro.settings.Setting;

/**
 * Where standard datasets are looked for, in order: the explicit data directory ({@link Setting#DATA_DIR}), a
 * directory from the caller's environment, {@code <home>/.vae/data},
 * then Debian's {@code /usr/share/datasets}. The caller (a front end) reads its environment; this type
 * only orders what it is given.
 */
public record DataLocations(List<Path> roots, Path downloadRoot, boolean downloadAllowed) {
    static final Path DEBIAN_DATASETS = Path.of("/usr/share/datasets");

    public DataLocations {
        roots = List.copyOf(roots);
    }

    /**
     * @param explicitDir the data directory setting, or null
     * @param environmentDir a directory the front end's environment names, or null
     * @param home the user's home folder
     */
    public static DataLocations from(Path explicitDir, Path environmentDir, Path home, boolean downloadAllowed) {
        List<Path> roots = new ArrayList<>();
        if (explicitDir != null) {
            roots.add(explicitDir.toAbsolutePath().normalize());
        }
        if (environmentDir != null) {
            roots.add(environmentDir.toAbsolutePath().normalize());
        }
        Path userDir = home.resolve(".vae").resolve("data");
        roots.add(userDir);
        roots.add(DEBIAN_DATASETS);
        return new DataLocations(roots, roots.get(0), downloadAllowed);
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
        message.append("\nPoint the ").append(Setting.DATA_DIR).append(" at the directory that contains '")
                .append(dataset.folder()).append("'.");
        return message.toString();
    }
}
