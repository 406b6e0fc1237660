package org.glassguide.ui.fx.view;

import java.util.List;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.glassguide.ui.fx.viewmodel.FieldMap;
import org.glassguide.ui.report.Plot;

/**
 * A field or index picture as the command line draws it: the map smoothed to its physical aspect (up to 4:1; beyond
 * that the longer axis is compressed and its ticks say so), axes with ticks in the map's unit, the structure's outline,
 * and a colour bar with values. Empty, it says what is missing instead of showing a blank square.
 */
public final class FieldMapView extends Region {
    private static final double MAX_ASPECT = 4;
    private final Canvas canvas;
    private String xLabel = "";
    private String yLabel = "";
    private String barLabel = "";
    private final String emptyText;
    private double[] box = new double[4];

    public FieldMapView(double width, double height, String emptyText) {
        canvas = new Canvas(width, height);
        this.emptyText = emptyText;
        getChildren().add(canvas);
        setPrefSize(width, height);
        setMinSize(width, height);
        // never stretched by its parent: overlays (the field arrows) are drawn at this size over the same box
        setMaxSize(width, height);
        show(null);
    }

    /** The horizontal axis' label as drawn ("x (um)"), empty when nothing is shown. */
    public String xLabel() {
        return xLabel;
    }

    public String yLabel() {
        return yLabel;
    }

    /** The colour bar's label as drawn, with its unit. */
    public String colourBarLabel() {
        return barLabel;
    }

    /** Where the map was drawn on the view: left, top, width, height (for overlays such as field arrows). */
    public double[] plotBox() {
        return box.clone();
    }

    public void show(FieldMap m) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setFont(Font.font(11));
        if (m == null) {
            xLabel = "";
            yLabel = "";
            barLabel = "";
            g.setFill(Color.GRAY);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(emptyText, w / 2, h / 2, w - 20);
            return;
        }
        String unit = m.unit().isEmpty() ? "" : " (" + m.unit() + ")";
        xLabel = m.xName() + unit;
        yLabel = m.yName() + unit;
        barLabel = m.valueName();
        // the plot box: left margin for y ticks, right for the colour bar, bottom for x ticks
        double left = 52;
        double right = w - 78;
        double top = 8;
        double bottom = h - 40;
        double boxW = right - left;
        double boxH = bottom - top;
        double aspect = (m.xMax() - m.xMin()) / (m.yMax() - m.yMin());
        aspect = Math.max(1 / MAX_ASPECT, Math.min(MAX_ASPECT, aspect));
        if (boxW / boxH > aspect) {
            boxW = boxH * aspect;
        } else {
            boxH = boxW / aspect;
        }
        double x0 = left;
        double y0 = top + (bottom - top - boxH) / 2;
        box = new double[] {x0, y0, boxW, boxH};
        double[][] v = m.values();
        int rows = v.length;
        int cols = v[0].length;
        WritableImage img = new WritableImage(cols, rows);
        PixelWriter pw = img.getPixelWriter();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                pw.setColor(c, r, FxCharts.colour(v[r][c]));
            }
        }
        g.setImageSmoothing(true);
        g.drawImage(img, x0, y0, boxW, boxH);
        // the structure's outline
        g.setStroke(Color.rgb(255, 255, 255, 0.8));
        g.setLineWidth(1.2);
        g.setLineDashes(6, 4);
        for (double[] c : m.circles()) {
            double sx = boxW / (m.xMax() - m.xMin());
            double sy = boxH / (m.yMax() - m.yMin());
            double cx = x0 + (c[0] - m.xMin()) * sx;
            double cy = y0 + (m.yMax() - c[1]) * sy;
            g.strokeOval(cx - c[2] * sx, cy - c[2] * sy, 2 * c[2] * sx, 2 * c[2] * sy);
        }
        g.setLineDashes();
        double[][] st = m.structure();
        if (st != null) {
            // the structure's edges: where neighbouring cells lie on either side of a level halfway between two of the
            // structure's materials (cells cut by an interface hold averages; a midway level draws one line through them)
            double[] cuts = levels(st);
            int sr = st.length;
            int sc = st[0].length;
            double cw = boxW / sc;
            double ch = boxH / sr;
            g.setStroke(Color.rgb(255, 255, 255, 0.85));
            g.setLineWidth(1.2);
            for (int r = 0; r < sr; r++) {
                for (int c = 0; c < sc; c++) {
                    if (c + 1 < sc && crosses(st[r][c], st[r][c + 1], cuts)) {
                        g.strokeLine(x0 + (c + 1) * cw, y0 + r * ch, x0 + (c + 1) * cw, y0 + (r + 1) * ch);
                    }
                    if (r + 1 < sr && crosses(st[r][c], st[r + 1][c], cuts)) {
                        g.strokeLine(x0 + c * cw, y0 + (r + 1) * ch, x0 + (c + 1) * cw, y0 + (r + 1) * ch);
                    }
                }
            }
        }
        g.setStroke(Color.BLACK);
        g.setLineWidth(1);
        g.strokeRect(x0, y0, boxW, boxH);
        g.setFill(Color.BLACK);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        for (double t : ticks(m.xMin(), m.xMax())) {
            double px = x0 + (t - m.xMin()) / (m.xMax() - m.xMin()) * boxW;
            g.strokeLine(px, y0 + boxH, px, y0 + boxH + 4);
            g.fillText(Plot.fmt(t), px, y0 + boxH + 5);
        }
        g.fillText(xLabel, x0 + boxW / 2, y0 + boxH + 20);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double t : ticks(m.yMin(), m.yMax())) {
            double py = y0 + boxH - (t - m.yMin()) / (m.yMax() - m.yMin()) * boxH;
            g.strokeLine(x0 - 4, py, x0, py);
            g.fillText(Plot.fmt(t), x0 - 6, py);
        }
        g.save();
        g.translate(12, y0 + boxH / 2);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(yLabel, 0, 0);
        g.restore();
        // the colour bar with its values
        double bx = x0 + boxW + 12;
        double bw = 12;
        for (int i = 0; i < (int) boxH; i++) {
            g.setFill(FxCharts.colour(1 - i / boxH));
            g.fillRect(bx, y0 + i, bw, 1);
        }
        g.setStroke(Color.BLACK);
        g.strokeRect(bx, y0, bw, boxH);
        g.setFill(Color.BLACK);
        g.setTextAlign(TextAlignment.LEFT);
        for (double t : ticks(m.valueMin(), m.valueMax())) {
            double py = y0 + boxH - (t - m.valueMin()) / (m.valueMax() - m.valueMin()) * boxH;
            g.strokeLine(bx + bw, py, bx + bw + 3, py);
            g.fillText(Plot.fmt(t), bx + bw + 5, py);
        }
        g.save();
        g.translate(w - 6, y0 + boxH / 2);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(barLabel, 0, 0);
        g.restore();
    }

    /**
     * The levels halfway between the structure's materials: the values of cells whose neighbours all hold the same value
     * (inside a material, not cut by an interface), sorted, and the midpoints between neighbouring ones.
     */
    private static double[] levels(double[][] st) {
        java.util.TreeSet<Double> pure = new java.util.TreeSet<>();
        int rows = st.length;
        int cols = st[0].length;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double x = st[r][c];
                boolean inside = (r == 0 || st[r - 1][c] == x) && (r + 1 == rows || st[r + 1][c] == x) && (c == 0 || st[r][c - 1] == x)
                        && (c + 1 == cols || st[r][c + 1] == x);
                if (inside) {
                    pure.add(Math.rint(x * 1e9) / 1e9);
                }
            }
        }
        double[] p = pure.stream().mapToDouble(Double::doubleValue).toArray();
        double[] cuts = new double[Math.max(0, p.length - 1)];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = 0.5 * (p[i] + p[i + 1]);
        }
        return cuts;
    }

    private static boolean crosses(double a, double b, double[] cuts) {
        for (double c : cuts) {
            // half-open: a cell cut exactly in half (its value the level itself) counts as above, so one line is drawn
            if ((a < c) != (b < c)) {
                return true;
            }
        }
        return false;
    }

    /** The command line's ticks (a flat range gets one tick at its value). */
    private static List<Double> ticks(double lo, double hi) {
        return hi > lo ? Plot.ticks(lo, hi) : List.of(lo);
    }
}
