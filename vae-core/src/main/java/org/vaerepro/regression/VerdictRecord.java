package org.vaerepro.regression;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vaerepro.io.AtomicFiles;
import org.vaerepro.io.FileFormat;
import org.vaerepro.io.Json;
import org.vaerepro.provenance.Provenance;

/**
 * A suite's verdicts as recorded, deliberately: each published cell's verdict ({@code "mnist-vae-d2 › PSNR"} →
 * {@code "beats"}) and each tested claim step's verdict and family-wise verdict ({@code "VAE on mnist › d=2→10 ›
 * PSNR"} → {@code "holds / holds"}). With a record, the gate holds the suite to it (a regression of verdicts: a
 * changed verdict fails, naming both) instead of to {@code verdictRequired} and "no step contradicted". Written by
 * {@code vae:baseline} beside the baseline, {@code baselines/<suite>.verdicts.json}, to be reviewed and committed.
 */
public record VerdictRecord(FileFormat format, String suite, String command, Provenance provenance,
        Map<String, String> cells, Map<String, String> claimSteps) {

    public static final FileFormat FORMAT = new FileFormat("vae-repro-verdicts", 1);

    public VerdictRecord {
        cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
        claimSteps = Collections.unmodifiableMap(new LinkedHashMap<>(claimSteps));
    }

    /** The record of {@code judgement}'s verdicts now. */
    public static VerdictRecord of(SuiteJudgement judgement, String command) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (ExperimentRow row : judgement.published()) {
            row.verdicts().forEach(cell -> cells.put(cellKey(row, cell), cell.verdict().word()));
        }
        Map<String, String> steps = new LinkedHashMap<>();
        for (ClaimColumn column : judgement.columns()) {
            column.steps().stream().filter(step -> step.test() != null)
                    .forEach(step -> steps.put(stepKey(column, step), stepVerdict(step)));
        }
        return new VerdictRecord(FORMAT, judgement.suite(), command, Provenance.now(null, null), cells,
                steps);
    }

    static String cellKey(ExperimentRow row, CellVerdict cell) {
        return row.id() + " › " + cell.metric();
    }

    static String stepKey(ClaimColumn column, BottleneckClaim.Step step) {
        return column.architecture() + " on " + column.dataset() + " › d=" + step.fromDim() + "→" + step.toDim() + " › "
                + step.metric();
    }

    /** "holds / not shown": the step's own verdict, then its family-wise one. */
    static String stepVerdict(BottleneckClaim.Step step) {
        return step.verdict().word() + " / " + (step.familyWise() == null ? "-" : step.familyWise().verdict().word());
    }

    /** The record in {@code file}, or null when there is none. Errors name the file. */
    public static VerdictRecord readIfPresent(Path file) {
        try {
            JsonNode root = Json.mapper().readTree(Files.readString(file));
            FORMAT.require(file, root);
            return Json.mapper().treeToValue(root, VerdictRecord.class);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("verdict record " + file + " is not readable: " + e.getMessage(), e);
        }
    }

    public static void write(Path file, VerdictRecord record) {
        AtomicFiles.writeJson(file, record);
    }
}
