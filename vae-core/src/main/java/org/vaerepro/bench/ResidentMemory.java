package org.vaerepro.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident set size of this process from /proc (Linux); -1 elsewhere. Counts native (ND4J) memory too. */
public record ResidentMemory(long currentBytes, long peakBytes) {

    public static ResidentMemory now() {
        long current = -1;
        long peak = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    current = kilobytes(line) * 1024;
                } else if (line.startsWith("VmHWM:")) {
                    peak = kilobytes(line) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: report unknown rather than a made-up number.
        }
        return new ResidentMemory(current, peak);
    }

    private static long kilobytes(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
