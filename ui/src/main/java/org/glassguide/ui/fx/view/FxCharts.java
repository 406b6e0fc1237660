package org.glassguide.ui.fx.view;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;


/** Small helpers shared by the views: line charts from arrays, colour-mapped pictures, PNG snapshots. */
public final class FxCharts {
    private FxCharts() {
    }

    public static LineChart<Number, Number> lineChart(String title, String x, String y) {
        NumberAxis xa = new NumberAxis();
        xa.setLabel(x);
        xa.setForceZeroInRange(false);
        NumberAxis ya = new NumberAxis();
        ya.setLabel(y);
        ya.setForceZeroInRange(false);
        LineChart<Number, Number> c = new LineChart<>(xa, ya);
        c.setTitle(title);
        c.setCreateSymbols(false);
        c.setAnimated(false);
        return c;
    }

    /** Replaces the chart's data by one series per name; long arrays are thinned to about 400 points. */
    public static void setLines(LineChart<Number, Number> chart, List<String> names, double[] x, List<double[]> ys) {
        chart.getData().clear();
        int step = Math.max(1, x.length / 400);
        for (int s = 0; s < names.size(); s++) {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(names.get(s));
            double[] y = ys.get(s);
            for (int i = 0; i < x.length; i += step) {
                series.getData().add(new XYChart.Data<>(x[i], y[i]));
            }
            chart.getData().add(series);
        }
    }

    /**
     * The colours JavaFX's default style (modena) gives a chart's series in turn (default-color0 to 7): pictures that
     * mark the same series elsewhere (the CIE diagram's points) use them, so one series has one colour in every view.
     */
    private static final Color[] SERIES = {Color.web("#f3622d"), Color.web("#fba71b"), Color.web("#57b757"), Color.web("#41a9c9"),
        Color.web("#4258c9"), Color.web("#9a42c8"), Color.web("#c84164"), Color.web("#888888")};

    /** The colour of a line chart's series number i (as the default style draws it). */
    public static Color seriesColour(int i) {
        return SERIES[Math.floorMod(i, SERIES.length)];
    }

    /** A perceptually ordered colour map (dark blue, through teal and green, to yellow) for values in 0..1. */
    public static Color colour(double v) {
        double t = Math.max(0, Math.min(1, v));
        double[][] stops = {{0.27, 0.00, 0.33}, {0.23, 0.32, 0.55}, {0.13, 0.57, 0.55}, {0.37, 0.79, 0.38}, {0.99, 0.91, 0.14}};
        double p = t * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) p);
        double f = p - i;
        return Color.color(stops[i][0] + f * (stops[i + 1][0] - stops[i][0]), stops[i][1] + f * (stops[i + 1][1] - stops[i][1]),
                stops[i][2] + f * (stops[i + 1][2] - stops[i][2]));
    }

    /** values[row][col] in 0..1 as a colour-mapped image, scaled up by an integer factor. */
    public static WritableImage picture(double[][] values, int scale) {
        int h = values.length;
        int w = values[0].length;
        WritableImage img = new WritableImage(w * scale, h * scale);
        PixelWriter pw = img.getPixelWriter();
        for (int r = 0; r < h * scale; r++) {
            for (int c = 0; c < w * scale; c++) {
                pw.setColor(c, r, colour(values[r / scale][c / scale]));
            }
        }
        return img;
    }

    /** A vertical colour bar, 0 at the bottom. */
    public static WritableImage colourBar(int width, int height) {
        WritableImage img = new WritableImage(width, height);
        PixelWriter pw = img.getPixelWriter();
        for (int r = 0; r < height; r++) {
            Color c = colour(1 - (double) r / (height - 1));
            for (int x = 0; x < width; x++) {
                pw.setColor(x, r, c);
            }
        }
        return img;
    }

    /** Writes a node as it is drawn now to a PNG file (through AWT's encoder: no extra JavaFX module). */
    public static void png(Node node, Path file) throws IOException {
        WritableImage snap = node.snapshot(null, null);
        write(snap, file);
    }

    public static void write(Image snap, Path file) throws IOException {
        int w = (int) snap.getWidth();
        int h = (int) snap.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader pr = snap.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pr.getArgb(x, y) & 0xFFFFFF);
            }
        }
        org.glassguide.ui.report.Png.write(out, file);
    }

    /**
     * The chart while it has data, else a message in its place (id: the chart's id + "-empty"): an empty chart's
     * default axes would read as data.
     */
    public static javafx.scene.layout.StackPane withEmptyState(javafx.scene.Node chart, javafx.beans.binding.BooleanExpression hasData, String message) {
        javafx.scene.control.Label empty = new javafx.scene.control.Label(message);
        empty.setWrapText(true);
        empty.setMaxWidth(360);
        empty.setStyle("-fx-text-fill: #666; -fx-font-size: 13px;");
        if (chart.getId() != null) {
            empty.setId(chart.getId() + "-empty");
        }
        chart.visibleProperty().bind(hasData);
        empty.visibleProperty().bind(hasData.not());
        javafx.scene.layout.StackPane pane = new javafx.scene.layout.StackPane(chart, empty);
        pane.setMinSize(400, 330);
        return pane;
    }
}
