package org.vaerepro.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaerepro.io.AtomicFiles;
import org.vaerepro.io.FileFormat;
import org.vaerepro.io.FileFormatException;
import org.vaerepro.io.Json;

/**
 * One file holding a JSON manifest and named arrays (NumPy .npy, so numpy can read them too), in a
 * zip. Written to a temp file and renamed, so a crash never leaves a half-written archive in place.
 * The manifest declares the file's {@link FileFormat}; files written before format fields existed
 * declared only a top-level {@code kind}, which is still recognised.
 */
public final class ArrayArchive {
    static final String MANIFEST = "manifest.json";
    static final String ARRAY_PREFIX = "arrays/";

    /** What an archive holds: its manifest, the format version it declares, and arrays by name. */
    public record Contents(JsonNode manifest, int version, Map<String, INDArray> arrays) {
    }

    private ArrayArchive() {
    }

    public static void write(Path file, JsonNode manifest, Map<String, INDArray> arrays) {
        AtomicFiles.write(file, stream -> {
            try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(stream))) {
                zip.putNextEntry(new ZipEntry(MANIFEST));
                zip.write(Json.mapper().writeValueAsBytes(manifest));
                zip.closeEntry();
                for (Map.Entry<String, INDArray> entry : arrays.entrySet()) {
                    zip.putNextEntry(new ZipEntry(ARRAY_PREFIX + entry.getKey() + ".npy"));
                    zip.write(Nd4j.toNpyByteArray(entry.getValue().dup('c')));
                    zip.closeEntry();
                }
            }
        });
    }

    /**
     * Reads an archive, checking that it is one and that its manifest says {@code expectedKind};
     * a truncated or foreign file fails with a message naming the file.
     */
    public static Contents read(Path file, FileFormat format) {
        String expectedKind = format.kind();
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
                    manifest = Json.mapper().readTree(bytes);
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
        int version;
        if (manifest.has("format")) {
            try {
                version = format.versionOf(file, manifest);
            } catch (FileFormatException e) {
                throw new ModelFileException(file, e.getMessage().substring(file.toString().length() + 2));
            }
        } else {
            String kind = manifest.path("kind").asText("");
            if (!kind.equals(expectedKind)) {
                throw new ModelFileException(file, "is a '" + kind + "' file, expected '" + expectedKind + "'");
            }
            version = FileFormat.UNVERSIONED;
        }
        int expectedArrays = manifest.path("arrayCount").asInt(-1);
        if (expectedArrays != arrays.size()) {
            throw new ModelFileException(file, "holds " + arrays.size() + " arrays, its manifest lists "
                    + expectedArrays + " (truncated)");
        }
        return new Contents(manifest, version, arrays);
    }
}
