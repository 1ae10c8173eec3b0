package org.vaerepro.regression;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.vaerepro.experiment.ExperimentResult;
import org.vaerepro.experiment.ExperimentSchema;
import org.vaerepro.experiment.ExperimentSpec;
import org.vaerepro.experiment.SpecPart;
import org.vaerepro.experiment.SuiteResults;
import org.vaerepro.model.LikelihoodReport;
import org.vaerepro.statistics.PairedTest;
import org.vaerepro.statistics.SampleSummary;

/**
 * Test NLLs compared image by image: for two experiments of a suite evaluated on the same test images with the same
 * likelihood, differing in the bottleneck only (same architecture) or in the architecture only (same bottleneck),
 * the per-image difference of their importance-sampled NLLs (second minus first, in nats: below 0, the second
 * model gives the images a higher likelihood), averaged over the seeds both measured, then its mean over images
 * with the standard error over images and Student's paired test ({@link PairedTest}). Pairing removes the spread between images, which dominates each NLL's own
 * standard error; the seed-to-seed spread is not in this standard error. {@code unpairedStandardError} is what the
 * two means' own standard errors would give, for comparison. Only current runs that kept their per-image NLLs count.
 */
public record PairedLikelihood(List<Pair> pairs) {

    public PairedLikelihood {
        pairs = List.copyOf(pairs);
    }

    /** What differs between the two experiments of a pair. */
    public enum Contrast {
        BOTTLENECK, ARCHITECTURE
    }

    /**
     * One pair: {@code second} minus {@code first}, over {@code images} images; {@code test} is Student's paired test
     * over images ({@link PairedTest}: the mean difference, its 95% interval, t and p).
     */
    public record Pair(String dataset, Contrast contrast, String first, String second, String firstLabel,
            String secondLabel, List<Long> seeds, int images, PairedTest test, double unpairedStandardError) {

        public Pair {
            seeds = List.copyOf(seeds);
        }

        public double meanDifference() {
            return test.differences().mean();
        }

        /** The standard error of the mean difference over images. */
        public double standardError() {
            return test.differences().standardDeviation() / Math.sqrt(images);
        }

        /** The difference's 95% interval excludes 0. */
        public boolean resolved() {
            return test.differences().low() > 0 || test.differences().high() < 0;
        }
    }

    public static PairedLikelihood of(SuiteResults results) {
        List<ExperimentSpec> specs = results.suite().experiments().stream()
                .filter(spec -> !perImage(results, spec).isEmpty()).toList();
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            for (int j = i + 1; j < specs.size(); j++) {
                ExperimentSpec a = specs.get(i);
                ExperimentSpec b = specs.get(j);
                Contrast contrast = contrast(a, b);
                if (contrast == null) {
                    continue;
                }
                // The bottleneck pair reads smaller to larger, whatever the suite's order.
                boolean swap = contrast == Contrast.BOTTLENECK && a.training().latentDim() > b.training().latentDim();
                Pair pair = swap ? pair(results, b, a, contrast) : pair(results, a, b, contrast);
                if (pair != null) {
                    pairs.add(pair);
                }
            }
        }
        return new PairedLikelihood(pairs);
    }

    /**
     * Null unless the two differ in exactly one of bottleneck and architecture: every other training field (the data
     * among them) equal, and the likelihood measured alike on the same test images.
     */
    private static Contrast contrast(ExperimentSpec a, ExperimentSpec b) {
        if (!otherTraining(a).equals(otherTraining(b)) || a.evaluation().testOffset() != b.evaluation().testOffset()
                || a.evaluation().testStride() != b.evaluation().testStride()
                || a.evaluation().likelihoodSamples() != b.evaluation().likelihoodSamples()) {
            return null;
        }
        boolean sameArchitecture = a.training().architecture().equals(b.training().architecture());
        boolean sameBottleneck = a.training().latentDim() == b.training().latentDim();
        if (sameArchitecture && !sameBottleneck) {
            return Contrast.BOTTLENECK;
        }
        return !sameArchitecture && sameBottleneck ? Contrast.ARCHITECTURE : null;
    }

    /** The training fields, as suite files write them, but for the two a pair may differ in. */
    private static ObjectNode otherTraining(ExperimentSpec spec) {
        ObjectNode fields = ExperimentSchema.write(spec, Set.of(SpecPart.TRAINING));
        fields.remove(List.of("architecture", "latentDim"));
        return fields;
    }

    private static Pair pair(SuiteResults results, ExperimentSpec first, ExperimentSpec second, Contrast contrast) {
        List<ExperimentResult> a = perImage(results, first);
        List<ExperimentResult> b = perImage(results, second);
        Set<Long> seeds = new TreeSet<>();
        a.forEach(r -> seeds.add(seed(r)));
        seeds.retainAll(b.stream().map(PairedLikelihood::seed).toList());
        if (seeds.isEmpty()) {
            return null;
        }
        LikelihoodReport firstReport = a.get(0).metrics().likelihood();
        LikelihoodReport secondReport = b.get(0).metrics().likelihood();
        if (!firstReport.likelihood().equals(secondReport.likelihood())) {
            return null;
        }
        int images = Math.min(firstReport.nllPerImage().size(), secondReport.nllPerImage().size());
        if (images < 2) {
            return null;
        }
        // Each image's NLL averaged over the seeds both measured, then paired image by image.
        double[] firstMeans = new double[images];
        double[] secondMeans = new double[images];
        for (long seed : seeds) {
            List<Double> x = seedRun(a, seed).metrics().likelihood().nllPerImage();
            List<Double> y = seedRun(b, seed).metrics().likelihood().nllPerImage();
            for (int i = 0; i < images; i++) {
                firstMeans[i] += x.get(i) / seeds.size();
                secondMeans[i] += y.get(i) / seeds.size();
            }
        }
        double firstSe = standardError(firstMeans);
        double secondSe = standardError(secondMeans);
        return new Pair(first.training().dataset().id(), contrast, first.id(), second.id(), label(first, contrast),
                label(second, contrast), List.copyOf(seeds), images, PairedTest.of(firstMeans, secondMeans),
                Math.sqrt(firstSe * firstSe + secondSe * secondSe));
    }

    private static String label(ExperimentSpec spec, Contrast contrast) {
        return contrast == Contrast.BOTTLENECK ? "d=" + spec.training().latentDim()
                : spec.training().architecture().displayName();
    }

    private static ExperimentResult seedRun(List<ExperimentResult> runs, long seed) {
        return runs.stream().filter(r -> seed(r) == seed).findFirst().orElseThrow();
    }

    private static long seed(ExperimentResult run) {
        return run.provenance().training().seed();
    }

    /** The current runs of {@code spec} whose likelihood kept its per-image NLLs. */
    private static List<ExperimentResult> perImage(SuiteResults results, ExperimentSpec spec) {
        return results.current(spec).stream().filter(r -> r.metrics().likelihood() != null
                && r.metrics().likelihood().nllPerImage() != null).toList();
    }

    private static double standardError(double[] values) {
        SampleSummary summary = SampleSummary.of(values, SampleSummary.CONFIDENCE_95);
        return summary.standardDeviation() / Math.sqrt(summary.n());
    }
}
