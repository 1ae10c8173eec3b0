package org.vaerepro.provenance;

import java.time.Instant;

/**
 * Where a file's content came from, as one nested record (after Tribuo's {@code ModelProvenance}):
 * the data it was computed from, how the model was trained, the environment that computed it and the
 * source code that ran. Every file the project writes carries one. {@code data} is null for files
 * that are not about one dataset pair (a baseline, whose rows carry their own checksums);
 * {@code training} is null for files written before training finished or not about one model.
 */
public record Provenance(DataProvenance data, TrainingProvenance training, EnvironmentProvenance environment,
        SourceProvenance source, String recordedAt) {

    /** A record made now, in this process: environment read from ND4J, source from the build. */
    public static Provenance now(DataProvenance data, TrainingProvenance training) {
        return new Provenance(data, training, EnvironmentProvenance.current(), SourceProvenance.current(),
                Instant.now().toString());
    }
}
