package org.vaerepro.regression;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * The recorded numbers of one experiment and the data they were measured on: the mean PSNR, LPIPS and SSIM
 * over its seeds, their sample standard deviations (null with one seed, or for entries carried over from
 * version 1 files, which kept one value and no seeds), each seed's values, and the fields its runs were trained
 * with ({@code trainedAs}: the training and stopping fields of the first run's spec, flat, as
 * {@link org.vaerepro.experiment.ExperimentSchema#write(org.vaerepro.experiment.ExperimentSpec, java.util.Set)}
 * writes them; version 3 files hold the whole spec there, of which the same fields are read; null for entries from
 * files before version 3, which did not record it).
 */
public record BaselineEntry(double psnr, double lpips, double ssim, String lpipsSmallImages, int testImages,
        String trainChecksum, String testChecksum, Double psnrStandardDeviation, Double lpipsStandardDeviation,
        Map<Long, SeedValues> seeds, JsonNode trainedAs) {

    public BaselineEntry {
        seeds = seeds == null ? Map.of() : new TreeMap<>(seeds);
        trainedAs = trainedAs == null || trainedAs.isNull() ? null : trainedAs;
    }

    /** How many seeds the spread was measured over (0 for a version 1 entry, which kept one value). */
    public int seedCount() {
        return seeds.size();
    }

    /** Whether a spread was measured (two or more seeds), so the gate can use a prediction interval. */
    public boolean hasSpread() {
        return psnrStandardDeviation != null && lpipsStandardDeviation != null && seeds.size() >= 2;
    }
}
