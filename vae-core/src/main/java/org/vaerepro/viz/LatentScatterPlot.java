package org.vaerepro.viz;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nd4j.linalg.api.ndarray.INDArray;

/** 2-D latent codes as a scatter coloured by class, with a legend of class names (XChart, headless). */
public final class LatentScatterPlot {
    private static final Color[] PALETTE = {new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
            new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194),
            new Color(127, 127, 127), new Color(188, 189, 34), new Color(23, 190, 207)};

    private LatentScatterPlot() {
    }

    public static void write(Path file, INDArray points, int[] labels, List<String> classNames, String title,
            String xLabel, String yLabel) {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(640).height(520).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel)
                .build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(3);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        for (int c = 0; c < classNames.size(); c++) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    xs.add(points.getDouble(i, 0));
                    ys.add(points.getDouble(i, 1));
                }
            }
            if (!xs.isEmpty()) {
                XYSeries series = chart.addSeries(classNames.get(c), xs, ys);
                series.setMarker(SeriesMarkers.CIRCLE);
                series.setMarkerColor(PALETTE[c % PALETTE.length]);
            }
        }
        try {
            ImageGrid.writePng(file, BitmapEncoder.getBufferedImage(chart));
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot render latent plot " + file + ": " + e.getMessage(), e);
        }
    }
}
