package org.vaerepro.experiment;

import java.util.Map;

/** Where a result came from: data checksums, code version, software, machine, seed and timing. */
public record Provenance(String trainDataset, String trainChecksum, String testDataset, String testChecksum,
        String gitCommit, Map<String, String> versions, String machine, int threads, long seed, String finishedAt,
        double trainSeconds, double evaluateSeconds) {
}
