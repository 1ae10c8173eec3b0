package org.vaerepro.regression;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
import org.vaerepro.experiment.ExperimentResult;
import org.vaerepro.experiment.ExperimentRunner;
import org.vaerepro.experiment.ExperimentSpec;
import org.vaerepro.experiment.RunEnvironment;
import org.vaerepro.experiment.Suite;
import org.vaerepro.io.AtomicFiles;

/** Reads, records and writes (atomically) a suite's baseline file. */
public final class BaselineFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private BaselineFile() {
    }

    public static Baseline read(Path file) {
        try {
            return JSON.readValue(Files.readString(file), Baseline.class);
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("no baseline file " + file + "; record one deliberately with "
                    + "'mvn -pl reproductions vae:baseline -Dvae.suite=<suite file>' after a reviewed run", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("baseline file " + file + " is not a valid baseline: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read baseline file " + file, e);
        }
    }

    public static void write(Path file, Baseline baseline) {
        try {
            AtomicFiles.write(file, JSON.writeValueAsBytes(baseline));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A baseline from the suite's measured results; every experiment must have a metrics.json made
     * with its current spec, so a baseline never mixes old and new runs. Wall time is the sum of the
     * experiments' training and evaluation times.
     */
    public static Baseline record(Suite suite, Path outputRoot, String command) {
        Map<String, BaselineEntry> entries = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        double wall = 0;
        ExperimentResult last = null;
        for (ExperimentSpec spec : suite.experiments()) {
            Path file = ExperimentRunner.metricsFile(outputRoot, suite, spec);
            if (!Files.isRegularFile(file)) {
                missing.add(spec.id() + " (no " + file + ")");
                continue;
            }
            ExperimentResult r = ExperimentResult.read(file);
            if (!r.spec().equals(spec)) {
                missing.add(spec.id() + " (" + file + " was measured with a different spec)");
                continue;
            }
            var m = r.metrics();
            entries.put(spec.id(), new BaselineEntry(m.psnr(), m.lpips(), m.ssim(), m.lpipsSmallImages(), m.testImages(),
                    r.provenance().trainChecksum(), r.provenance().testChecksum()));
            wall += r.provenance().trainSeconds() + r.provenance().evaluateSeconds();
            last = r;
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("cannot record a baseline for suite " + suite.name()
                    + ": not every experiment has a current result: " + String.join("; ", missing));
        }
        return new Baseline(suite.name(), command, last.provenance().gitCommit(), Instant.now().toString(),
                last.provenance().machine(), RunEnvironment.versions(), wall, entries);
    }
}
