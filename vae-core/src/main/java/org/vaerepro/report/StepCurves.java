package org.vaerepro.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaerepro.regression.ProtocolSearch;
import org.vaerepro.regression.TableMetric;
import org.vaerepro.viz.LearningCurvePlot;

/**
 * The early learning curves of one experiment with published values, as {@link ProtocolSearch} averaged them over
 * its seeds: test PSNR and LPIPS against the global step (logarithmic), one line per evaluation protocol variant, with
 * the published value and its margin as horizontal lines. {@code images} maps "psnr"/"lpips" to paths relative to
 * the page.
 */
public record StepCurves(String experiment, Map<String, String> images, ProtocolSearch.RowSearch row) {

    static StepCurves of(ProtocolSearch.RowSearch row) {
        Map<String, String> images = new LinkedHashMap<>();
        images.put(TableMetric.PSNR.name(), row.id() + "/psnr-steps.png");
        images.put(TableMetric.LPIPS.name(), row.id() + "/lpips-steps.png");
        return new StepCurves(row.id(), images, row);
    }

    void draw(Path suiteDirectory) {
        for (String metric : images.keySet()) {
            Map<String, ProtocolSearch.CellCurve> curves = new LinkedHashMap<>();
            for (ProtocolSearch.RowProtocol protocol : row.protocols()) {
                ProtocolSearch.CellCurve curve = metric.equals(TableMetric.PSNR.name()) ? protocol.psnr() : protocol.lpips();
                curves.putIfAbsent(curve.variant(), curve);
            }
            List<LearningCurvePlot.Line> lines = new ArrayList<>();
            int colour = 0;
            double[] span = null;
            ProtocolSearch.CellCurve any = null;
            for (ProtocolSearch.CellCurve curve : curves.values()) {
                double[] x = curve.steps().stream().mapToDouble(Long::doubleValue).toArray();
                double[] y = curve.means().stream().mapToDouble(Double::doubleValue).toArray();
                lines.add(new LearningCurvePlot.Line(curve.variant(), x, y, colour++, false));
                span = x.length > 0 ? new double[] {x[0], x[x.length - 1]} : span;
                any = curve;
            }
            if (any == null || span == null) {
                continue;
            }
            lines.add(new LearningCurvePlot.Line("published", span, new double[] {any.reported(), any.reported()}, 7,
                    false));
            lines.add(new LearningCurvePlot.Line("published ± margin", span, new double[] {any.reported() - any.margin(),
                    any.reported() - any.margin()}, 7, true));
            lines.add(new LearningCurvePlot.Line(" ", span, new double[] {any.reported() + any.margin(),
                    any.reported() + any.margin()}, 7, true));
            LearningCurvePlot.write(suiteDirectory.resolve(images.get(metric)), experiment + ": test " + metric
                    + " by protocol (" + (row.seeds() == 1 ? "1 seed" : "mean over " + row.seeds() + " seeds") + ")",
                    "global step", true, metric, lines);
        }
    }
}
