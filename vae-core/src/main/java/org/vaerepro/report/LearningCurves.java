package org.vaerepro.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.vaerepro.train.EpochReport;
import org.vaerepro.train.ValidationReport;
import org.vaerepro.viz.LearningCurvePlot;

/**
 * The learning curves of one experiment, one line per seed: training and (when the runs held images out)
 * validation loss against epoch, validation PSNR and validation LPIPS. {@code images} maps picture names to
 * paths relative to the page ({@code <id>/loss-curves.png}, ...); {@link #draw} writes them from the
 * measured {@code runs}' per-epoch history.
 */
public record LearningCurves(String experiment, Map<String, String> images, List<ResultRow> runs) {
    static final String LOSS = "loss";
    static final String PSNR = "psnr";
    static final String LPIPS = "lpips";

    /** The curves an experiment's measured runs can show: the loss always, validation metrics when recorded. */
    static LearningCurves of(String experiment, List<ResultRow> measuredRuns) {
        Map<String, String> images = new LinkedHashMap<>();
        images.put(LOSS, experiment + "/loss-curves.png");
        if (measuredRuns.stream().anyMatch(r -> r.history().stream().anyMatch(e -> e.validation() != null))) {
            images.put(PSNR, experiment + "/psnr-curves.png");
            images.put(LPIPS, experiment + "/lpips-curves.png");
        }
        return new LearningCurves(experiment, images, measuredRuns);
    }

    /** Writes the pictures under {@code suiteDirectory} from the measured runs' histories. */
    void draw(Path suiteDirectory) {
        List<ResultRow> measuredRuns = runs;
        List<LearningCurvePlot.Line> loss = new ArrayList<>();
        List<LearningCurvePlot.Line> psnr = new ArrayList<>();
        List<LearningCurvePlot.Line> lpips = new ArrayList<>();
        for (int i = 0; i < measuredRuns.size(); i++) {
            ResultRow run = measuredRuns.get(i);
            String seed = "seed " + run.provenance().training().seed();
            List<EpochReport> history = run.history();
            double[] epochs = history.stream().mapToDouble(e -> e.epoch() + 1).toArray();
            loss.add(new LearningCurvePlot.Line(seed + " training", epochs,
                    history.stream().mapToDouble(EpochReport::loss).toArray(), i, false));
            List<EpochReport> validated = history.stream().filter(e -> e.validation() != null).toList();
            if (!validated.isEmpty()) {
                double[] at = validated.stream().mapToDouble(e -> e.epoch() + 1).toArray();
                loss.add(new LearningCurvePlot.Line(seed + " validation", at, values(validated, ValidationReport::loss),
                        i, true));
                psnr.add(new LearningCurvePlot.Line(seed, at, values(validated, ValidationReport::psnr), i, false));
                lpips.add(new LearningCurvePlot.Line(seed, at, values(validated, ValidationReport::lpips), i, false));
            }
        }
        LearningCurvePlot.write(suiteDirectory.resolve(images.get(LOSS)), experiment + ": loss per image",
                "loss (training solid, validation dashed)", loss);
        if (images.containsKey(PSNR)) {
            LearningCurvePlot.write(suiteDirectory.resolve(images.get(PSNR)), experiment + ": validation PSNR",
                    "PSNR (dB)", psnr);
            LearningCurvePlot.write(suiteDirectory.resolve(images.get(LPIPS)), experiment + ": validation LPIPS",
                    "LPIPS", lpips);
        }
    }

    private static double[] values(List<EpochReport> epochs, Function<ValidationReport, Double> metric) {
        return epochs.stream().mapToDouble(e -> metric.apply(e.validation())).toArray();
    }
}
