package org.vaerepro.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One file holding a JSON manifest and named arrays (NumPy .npy, so numpy can read them too), in a
 * zip. Written to a temp file and renamed, so a crash never leaves a half-written archive in place.
 */
public final class ArrayArchive {
    static final String MANIFEST = "manifest.json";
    static final String ARRAY_PREFIX = "arrays/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What an archive holds: its manifest and arrays by name. */
    public record Contents(JsonNode manifest, Map<String, INDArray> arrays) {
    }

    private ArrayArchive() {
    }

    public static void write(Path file, JsonNode manifest, Map<String, INDArray> arrays) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp));
                 ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry(MANIFEST));
                zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
                zip.closeEntry();
                for (Map.Entry<String, INDArray> entry : arrays.entrySet()) {
                    zip.putNextEntry(new ZipEntry(ARRAY_PREFIX + entry.getKey() + ".npy"));
                    zip.write(Nd4j.toNpyByteArray(entry.getValue().dup('c')));
                    zip.closeEntry();
                }
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Reads an archive, checking that it is one and that its manifest says {@code expectedKind};
     * a truncated or foreign file fails with a message naming the file.
     */
    public static Contents read(Path file, String expectedKind) {
        if (!Files.isRegularFile(file)) {
            throw new ModelFileException(file, "no such file");
        }
        JsonNode manifest = null;
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                byte[] bytes = zip.readAllBytes();
                if (entry.getName().equals(MANIFEST)) {
                    manifest = JSON.readTree(bytes);
                } else if (entry.getName().startsWith(ARRAY_PREFIX) && entry.getName().endsWith(".npy")) {
                    String name = entry.getName().substring(ARRAY_PREFIX.length(), entry.getName().length() - 4);
                    arrays.put(name, Nd4j.createNpyFromByteArray(bytes));
                }
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new ModelFileException(file, "not a complete " + expectedKind + " file (truncated or corrupt zip: "
                    + e.getMessage() + ")");
        } catch (IOException | RuntimeException e) {
            throw new ModelFileException(file, "cannot read " + expectedKind + " file: " + e);
        }
        if (manifest == null) {
            throw new ModelFileException(file, "not a " + expectedKind + " file (no " + MANIFEST
                    + "; truncated, or a file of another kind)");
        }
        String kind = manifest.path("kind").asText("");
        if (!kind.equals(expectedKind)) {
            throw new ModelFileException(file, "is a '" + kind + "' file, expected '" + expectedKind + "'");
        }
        int expectedArrays = manifest.path("arrayCount").asInt(-1);
        if (expectedArrays != arrays.size()) {
            throw new ModelFileException(file, "holds " + arrays.size() + " arrays, its manifest lists "
                    + expectedArrays + " (truncated)");
        }
        return new Contents(manifest, arrays);
    }

    public static ObjectMapper json() {
        return JSON;
    }
}
