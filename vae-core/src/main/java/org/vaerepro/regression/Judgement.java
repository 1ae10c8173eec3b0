package org.vaerepro.regression;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.vaerepro.io.AtomicFiles;
import org.vaerepro.io.FileFormat;
import org.vaerepro.io.FileFormatException;
import org.vaerepro.io.Json;
import org.vaerepro.provenance.Provenance;

/**
 * Everything judged about a suite, as the versioned file {@code <output>/<suite>/judgement.json} (format
 * {@code vae-repro-judgement}, version 1; fields documented in docs/judgement.md): the suite file it judged, the
 * first-seeds selection, the judgement ({@link SuiteJudgement}: every run's status, per-experiment summaries, cell
 * verdicts with their intervals and margins, the claim's steps with adjusted p-values, the protocol search), the
 * comparison with the suite it names (null without), and the gate ({@link Gate}: every check with its window and
 * outcome). Every step that judges writes it and reads it back, and the page, the site report, {@code vae:check},
 * the JUnit extension and the Spark driver render or assert what was read: one object, so no two views differ.
 */
public record Judgement(FileFormat format, Provenance provenance, String suiteFile, int firstSeeds,
        SuiteJudgement judged, SuiteComparison comparison, Gate gate) {

    public static final FileFormat FORMAT = new FileFormat("vae-repro-judgement", 1);

    public static Judgement of(Path suiteFile, int firstSeeds, SuiteJudgement judged, SuiteComparison comparison,
            Gate gate) {
        return new Judgement(FORMAT, Provenance.now(null, null), suiteFile.toString(), firstSeeds, judged, comparison,
                gate);
    }

    public static void write(Path file, Judgement judgement) {
        AtomicFiles.writeJson(file, judgement);
    }

    /** The judgement in {@code file}; errors name the file and what is wrong with it. */
    public static Judgement read(Path file) {
        try {
            JsonNode root = Json.mapper().readTree(Files.readString(file));
            FORMAT.require(file, root);
            return Json.mapper().treeToValue(root, Judgement.class);
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("no judgement at " + file + ": judge the suite first", e);
        } catch (FileFormatException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("judgement file " + file + " is not a valid judgement: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read judgement file " + file, e);
        }
    }
}
