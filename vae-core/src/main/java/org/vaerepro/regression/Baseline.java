package org.vaerepro.regression;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vaerepro.io.FileFormat;
import org.vaerepro.provenance.Provenance;

/**
 * A suite's own recorded results, committed to the repository so that any drift, up or down, fails
 * the build. Carries how it was made: the command, the summed wall time of its runs, and the provenance
 * (environment and source) of the runs that measured it; each row keeps the checksums of its data. From format
 * version 4 it also holds the early-step trajectory check ({@code trajectory}: the windows of each held step; each
 * seed's first steps are in its {@link SeedValues}) and the reference models the gate evaluates exactly
 * ({@code referenceModels}, by name), and how each configuration the windows were calibrated against fares against
 * windows derived without it ({@code heldOut}, {@link GateCalibration.HeldOut}). {@code format} is the version the file was written in: a file of an older
 * version is read with what it lacks left out (null, empty), and the gate says which of its checks that skips.
 */
public record Baseline(FileFormat format, String suite, String command, double wallSeconds, Provenance provenance,
        Map<String, BaselineEntry> experiments, TrajectoryWindows trajectory, Map<String, ReferenceModel> referenceModels,
        List<GateCalibration.HeldOut> heldOut) {
    public static final FileFormat FORMAT = new FileFormat("vae-repro-baseline", 4);

    public Baseline {
        experiments = new TreeMap<>(experiments);
        referenceModels = referenceModels == null ? Map.of() : new TreeMap<>(referenceModels);
        heldOut = heldOut == null ? List.of() : List.copyOf(heldOut);
    }

    public Baseline(String suite, String command, double wallSeconds, Provenance provenance,
            Map<String, BaselineEntry> experiments, TrajectoryWindows trajectory,
            Map<String, ReferenceModel> referenceModels, List<GateCalibration.HeldOut> heldOut) {
        this(FORMAT, suite, command, wallSeconds, provenance, experiments, trajectory, referenceModels, heldOut);
    }

    /** This baseline as the current format writes it (what it lacks stays left out). */
    public Baseline inCurrentFormat() {
        return new Baseline(FORMAT, suite, command, wallSeconds, provenance, experiments, trajectory, referenceModels,
                heldOut);
    }

    /** A baseline of end-of-training values only: no trajectory check, no reference models. */
    public Baseline(String suite, String command, double wallSeconds, Provenance provenance,
            Map<String, BaselineEntry> experiments) {
        this(suite, command, wallSeconds, provenance, experiments, null, Map.of(), List.of());
    }
}
