package org.vaerepro.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
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
 * declared only a top-level {@code kind}, which is still recognised. Entries carry a fixed time, so the same
 * manifest and arrays give the same bytes (a file rebuilt from a checkpoint can be told identical by its SHA-256).
 */
public final class ArrayArchive {
    static final String MANIFEST = "manifest.json";
    static final String ARRAY_PREFIX = "arrays/";
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    /** What an archive holds: its manifest, the format version it declares, and arrays by name. */
    public record Contents(JsonNode manifest, int version, Map<String, INDArray> arrays) {
    }

    private ArrayArchive() {
    }

    public static void write(Path file, JsonNode manifest, Map<String, INDArray> arrays) {
        AtomicFiles.write(file, stream -> {
            try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(stream))) {
                zip.putNextEntry(entry(MANIFEST));
                zip.write(Json.mapper().writeValueAsBytes(manifest));
                zip.closeEntry();
                for (Map.Entry<String, INDArray> entry : arrays.entrySet()) {
                    zip.putNextEntry(entry(ARRAY_PREFIX + entry.getKey() + ".npy"));
                    zip.write(Nd4j.toNpyByteArray(entry.getValue().dup('c')));
                    zip.closeEntry();
                }
            }
        });
    }

    private static ZipEntry entry(String name) {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(ENTRY_TIME);
        return entry;
    }

    /**
     * What is wrong with {@code file} by the zip's own checks, without parsing its arrays: its central directory
     * (lost when the file is truncated) and every entry's CRC-32; empty when it passes them.
     */
    public static Optional<String> damage(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            byte[] buffer = new byte[1 << 16];
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                CRC32 crc = new CRC32();
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        crc.update(buffer, 0, n);
                    }
                }
                if (crc.getValue() != entry.getCrc()) {
                    return Optional.of("entry " + entry.getName() + " fails its CRC-32 check");
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("not a complete zip: " + e.getMessage());
        }
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
