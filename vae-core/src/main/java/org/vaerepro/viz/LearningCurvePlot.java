package org.vaerepro.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A metric against epoch (or global step, on a logarithmic axis), one line per series (e.g. per seed, training solid
 * and validation dashed); XChart, headless.
 */
public final class LearningCurvePlot {
    private static final Color[] PALETTE = {new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
            new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194),
            new Color(127, 127, 127), new Color(188, 189, 34), new Color(23, 190, 207)};
    private static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);

    /** One line: its legend name, x (epochs, 1-based) and y values, the colour index (e.g. the seed's) and style. */
    public record Line(String name, double[] x, double[] y, int colour, boolean dashed) {
    }

    private LearningCurvePlot() {
    }

    public static void write(Path file, String title, String yLabel, List<Line> lines) {
        write(file, title, "epoch", false, yLabel, lines);
    }

    /** With another x axis: its title, and whether it is logarithmic. */
    public static void write(Path file, String title, String xLabel, boolean logX, String yLabel, List<Line> lines) {
        XYChart chart = new XYChartBuilder().width(logX ? 640 : 520).height(logX ? 440 : 360).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        for (Line line : lines) {
            XYSeries series = chart.addSeries(line.name(), line.x(), line.y());
            series.setMarker(line.x().length == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            series.setLineColor(PALETTE[line.colour() % PALETTE.length]);
            series.setMarkerColor(PALETTE[line.colour() % PALETTE.length]);
            if (line.dashed()) {
                series.setLineStyle(DASHED);
            }
        }
        try {
            ImageGrid.writePng(file, BitmapEncoder.getBufferedImage(chart));
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot render learning curves " + file + ": " + e.getMessage(), e);
        }
    }
}
