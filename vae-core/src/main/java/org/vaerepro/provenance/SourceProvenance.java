package org.vaerepro.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The code that ran: vae-repro's version, the git commit it was built from and whether the working
 * tree had uncommitted changes then ({@code dirty}; null when the build saw no git repository).
 * Recorded at build time into {@value #RESOURCE} by the build (git-commit-id-maven-plugin), so it
 * describes the classes that run, not whatever checkout the output folder happens to sit in.
 */
public record SourceProvenance(String version, String gitCommit, Boolean dirty, String commitTime) {
    static final String RESOURCE = "/org/vaerepro/provenance/build.properties";
    public static final String UNKNOWN = "unknown";

    public static SourceProvenance current() {
        return fromResource(SourceProvenance.class.getResourceAsStream(RESOURCE));
    }

    static SourceProvenance fromResource(InputStream in) {
        if (in == null) {
            return new SourceProvenance(UNKNOWN, UNKNOWN, null, UNKNOWN);
        }
        Properties properties = new Properties();
        try (in) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        String dirty = properties.getProperty("git.dirty");
        return new SourceProvenance(value(properties, "git.build.version"), value(properties, "git.commit.id"),
                dirty == null || dirty.isBlank() ? null : Boolean.valueOf(dirty), value(properties, "git.commit.time"));
    }

    private static String value(Properties properties, String key) {
        String value = properties.getProperty(key);
        return value == null || value.isBlank() ? UNKNOWN : value;
    }
}
