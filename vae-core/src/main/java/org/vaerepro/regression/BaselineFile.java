package org.vaerepro.regression;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.vaerepro.experiment.ExperimentResult;
import org.vaerepro.experiment.ExperimentSchema;
import org.vaerepro.experiment.ExperimentSpec;
import org.vaerepro.experiment.Run;
import org.vaerepro.experiment.RunStatus;
import org.vaerepro.experiment.Suite;
import org.vaerepro.experiment.SuiteResults;
import org.vaerepro.io.AtomicFiles;
import org.vaerepro.io.FileFormat;
import org.vaerepro.io.FileFormatException;
import org.vaerepro.io.Json;
import org.vaerepro.provenance.EnvironmentProvenance;
import org.vaerepro.provenance.Provenance;
import org.vaerepro.provenance.SourceProvenance;
import org.vaerepro.statistics.SampleSummary;
import org.vaerepro.train.StepLoss;

/**
 * Reads, records and writes (atomically) a suite's baseline file. Files written before format fields
 * existed (version 1: a flat header of command, gitCommit, recordedAt, machine, versions) are read
 * through a fallback that carries each header field into the provenance record; version 2 files are version
 * 3 without each entry's {@code trainedAs}, which reads as unknown (null); version 3 files are version 4 without the
 * early-step trajectories and reference models ({@link Baseline}), so the gate skips those checks on them and says
 * so ({@link BaselineCheck}).
 */
public final class BaselineFile {
    private BaselineFile() {
    }

    public static Baseline read(Path file) {
        try {
            JsonNode root = Json.mapper().readTree(Files.readString(file));
            int older = olderVersion(root);
            if (older > 0) {
                // Versions 2 and 3 are version 4 without what later versions added, read as unknown (null, empty); the
                // baseline keeps the version it was written in, so the gate can say which checks that skips.
                ((ObjectNode) root).set("format", Json.mapper().valueToTree(Baseline.FORMAT));
                Baseline read = Json.mapper().treeToValue(root, Baseline.class);
                return new Baseline(new FileFormat(Baseline.FORMAT.kind(), older), read.suite(), read.command(),
                        read.wallSeconds(), read.provenance(), read.experiments(), null, Map.of(), List.of());
            }
            if (Baseline.FORMAT.versionOf(file, root) == FileFormat.UNVERSIONED) {
                return versionOne(file, root);
            }
            return Json.mapper().treeToValue(root, Baseline.class);
        } catch (NoSuchFileException e) {
            throw new MissingBaselineException(file, e);
        } catch (FileFormatException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("baseline file " + file + " is not a valid baseline: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read baseline file " + file, e);
        }
    }

    /** 2 or 3 for a baseline of those versions, which are read through the current one; 0 otherwise. */
    private static int olderVersion(JsonNode root) {
        JsonNode format = root == null ? null : root.get("format");
        int version = format == null ? 0 : format.path("version").asInt();
        return format != null && Baseline.FORMAT.kind().equals(format.path("kind").asText())
                && (version == 2 || version == 3) ? version : 0;
    }

    private static final List<String> VERSION_ONE_FIELDS = List.of("suite", "command", "gitCommit", "recordedAt",
            "machine", "versions", "wallSeconds", "experiments");

    /** Version 1's header, field by field; what it did not record stays "unknown". */
    private static Baseline versionOne(Path file, JsonNode root) throws JsonProcessingException {
        for (var names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!VERSION_ONE_FIELDS.contains(name)) {
                throw new IllegalStateException("baseline file " + file + " is not a valid baseline: unknown field '"
                        + name + "' in a version 1 (unversioned) baseline; expected " + VERSION_ONE_FIELDS);
            }
        }
        JsonNode versions = root.path("versions");
        String unknown = SourceProvenance.UNKNOWN;
        EnvironmentProvenance environment = new EnvironmentProvenance(versions.path("nd4j").asText(unknown),
                versions.path("nd4jBackend").asText(unknown), unknown, 0, versions.path("java").asText(unknown),
                versions.path("jvm").asText(unknown), unknown, root.path("machine").asText(unknown), 0);
        SourceProvenance source = new SourceProvenance(versions.path("vae-repro").asText(unknown),
                root.path("gitCommit").asText(unknown), null, unknown);
        Map<String, BaselineEntry> entries = new LinkedHashMap<>();
        var rows = root.path("experiments").fields();
        while (rows.hasNext()) {
            var row = rows.next();
            JsonNode value = row.getValue();
            // Version 1 kept one value per row and no seeds: no spread, so the gate uses its fixed window.
            entries.put(row.getKey(), new BaselineEntry(value.path("psnr").asDouble(), value.path("lpips").asDouble(),
                    value.path("ssim").asDouble(), value.path("lpipsSmallImages").asText(),
                    value.path("testImages").asInt(), value.path("trainChecksum").asText(),
                    value.path("testChecksum").asText(), null, null, null, null));
        }
        return new Baseline(new FileFormat(Baseline.FORMAT.kind(), 1), root.path("suite").asText(),
                root.path("command").asText(), root.path("wallSeconds").asDouble(), new Provenance(null, null,
                        environment, source, root.path("recordedAt").asText(unknown)), entries, null, Map.of(),
                List.of());
    }

    /** Writes {@code baseline} in the current format, atomically. */
    public static void write(Path file, Baseline baseline) {
        AtomicFiles.writeJson(file, baseline.inCurrentFormat());
    }

    /**
     * A baseline from the suite's current results, one entry per experiment: the mean over its seeds, the sample
     * standard deviations (two or more seeds) and each seed's values and first steps' losses, with the trajectory
     * windows at their floors (no calibration) and no reference models. Every run of every declared seed must be
     * current ({@link RunStatus}), so a baseline never mixes old and new runs. Wall time is the sum of the runs'
     * training and evaluation times; the provenance is that of the runs (environment and source of the first
     * result), recorded now.
     */
    public static Baseline record(SuiteResults results, String command) {
        return record(results, command, List.of(), List.of());
    }

    /** A reference model to record: where it is, what it is, and its numbers as measured now. */
    public record ReferenceMeasured(String name, String file, String sha256, String source, ExperimentSpec spec,
            Map<String, Double> values) {
    }

    /**
     * As {@link #record(SuiteResults, String)}, with the early-step trajectory check and the reference models: each
     * seed keeps its first {@link Tolerances#TRAJECTORY_STEPS} steps' losses, and the windows of the trajectory steps
     * and the reference numbers are derived from the spread to the same runs and models under the {@code calibration}
     * configurations ({@link GateCalibration}; none: the floors).
     */
    public static Baseline record(SuiteResults results, String command, List<GateCalibration.Configuration> calibration,
            List<ReferenceMeasured> references) {
        Suite suite = results.suite();
        Map<String, BaselineEntry> entries = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        double wall = 0;
        Provenance measuredBy = null;
        for (ExperimentSpec spec : suite.experiments()) {
            Map<Long, SeedValues> seeds = new LinkedHashMap<>();
            ExperimentResult first = null;
            for (Run run : results.runs(spec)) {
                RunStatus status = results.status(run);
                if (!(status instanceof RunStatus.Current current)) {
                    missing.add(run.id() + " (" + status.describe() + ")");
                    continue;
                }
                ExperimentResult r = current.result();
                List<StepLoss> steps = r.firstSteps();
                seeds.put(run.seed(), new SeedValues(r.metrics().psnr(), r.metrics().lpips(), r.metrics().ssim(),
                        steps.subList(0, Math.min(steps.size(), Tolerances.TRAJECTORY_STEPS))));
                wall += r.wallSeconds();
                first = first == null ? r : first;
                measuredBy = measuredBy == null ? r.provenance() : measuredBy;
            }
            if (seeds.size() == spec.seeds().size()) {
                entries.put(spec.id(), entry(first, seeds));
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("cannot record a baseline for suite " + suite.name()
                    + ": not every run has a current result: " + String.join("; ", missing));
        }
        Map<String, ReferenceModel> referenceModels = new LinkedHashMap<>();
        for (ReferenceMeasured reference : references) {
            referenceModels.put(reference.name(), new ReferenceModel(reference.file(), reference.sha256(),
                    reference.source(), reference.spec(),
                    GateCalibration.referenceValues(reference.name(), reference.values(), calibration)));
        }
        TrajectoryWindows trajectory = GateCalibration.trajectoryWindows(results,
                GateCalibration.label(measuredBy.environment()), calibration, Tolerances.TRAJECTORY_STEPS);
        Map<String, Map<String, Double>> measured = new LinkedHashMap<>();
        references.forEach(reference -> measured.put(reference.name(), reference.values()));
        return new Baseline(suite.name(), command, wall, new Provenance(null, null, measuredBy.environment(),
                measuredBy.source(), Instant.now().toString()), entries, trajectory, referenceModels,
                GateCalibration.heldOut(results, calibration, Tolerances.TRAJECTORY_STEPS, measured));
    }

    private static BaselineEntry entry(ExperimentResult first, Map<Long, SeedValues> seeds) {
        SampleSummary psnr = summary(seeds, SeedValues::psnr);
        SampleSummary lpips = summary(seeds, SeedValues::lpips);
        SampleSummary ssim = summary(seeds, SeedValues::ssim);
        var data = first.provenance().data();
        return new BaselineEntry(psnr.mean(), lpips.mean(), ssim.mean(), first.metrics().lpipsSmallImages(),
                first.metrics().testImages(), data.train().sha256(), data.test().sha256(),
                psnr.hasInterval() ? psnr.standardDeviation() : null,
                lpips.hasInterval() ? lpips.standardDeviation() : null, seeds,
                ExperimentSchema.write(first.spec(), BaselineCheck.BASELINE_FIELDS));
    }

    private static SampleSummary summary(Map<Long, SeedValues> seeds, ToDoubleFunction<SeedValues> metric) {
        return SampleSummary.of(seeds.values().stream().mapToDouble(metric).toArray(), SampleSummary.CONFIDENCE_95);
    }
}
