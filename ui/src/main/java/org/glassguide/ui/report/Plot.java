package org.glassguide.ui.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** PNG line plots and intensity maps drawn with Java2D (headless), for reports and `materials plot`. */
public final class Plot {
    /** A named curve, or with {@code markers} a set of points drawn as dots. */
    public record Series(String name, double[] x, double[] y, boolean markers) {
        public Series(String name, double[] x, double[] y) {
            this(name, x, y, false);
        }
    }

    private static final Color[] PALETTE = {new Color(31, 119, 180), new Color(214, 39, 40), new Color(44, 160, 44),
        new Color(255, 127, 14), new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194)};
    private static final int W = 900;
    private static final int H = 560;

    private Plot() {
    }

    /** A shaded x interval behind the curves (e.g. a temperature window), with its legend label. */
    public record Band(String name, double from, double to) {
    }

    private static final Color[] BAND_COLOURS = {new Color(44, 160, 44, 60), new Color(255, 127, 14, 60), new Color(148, 103, 189, 60)};

    public static void lines(Path file, String title, String xLabel, String yLabel, List<Series> series) throws IOException {
        Png.write(render(title, xLabel, yLabel, series), file);
    }

    public static void lines(Path file, String title, String xLabel, String yLabel, List<Series> series, List<Band> bands)
            throws IOException {
        Png.write(render(title, xLabel, yLabel, series, bands), file);
    }

    /** Several plots stacked vertically in one PNG. */
    public static void stacked(Path file, List<BufferedImage> panels) throws IOException {
        int h = panels.stream().mapToInt(BufferedImage::getHeight).sum();
        int w = panels.stream().mapToInt(BufferedImage::getWidth).max().orElse(W);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        int y = 0;
        for (BufferedImage p : panels) {
            g.drawImage(p, 0, y, null);
            y += p.getHeight();
        }
        g.dispose();
        Png.write(img, file);
    }

    public static BufferedImage render(String title, String xLabel, String yLabel, List<Series> series) {
        return render(title, xLabel, yLabel, series, List.of());
    }

    public static BufferedImage render(String title, String xLabel, String yLabel, List<Series> series, List<Band> bands) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = setup(img);
        double xmin = Double.POSITIVE_INFINITY;
        double xmax = Double.NEGATIVE_INFINITY;
        double ymin = Double.POSITIVE_INFINITY;
        double ymax = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isFinite(s.x()[i]) && Double.isFinite(s.y()[i])) {
                    xmin = Math.min(xmin, s.x()[i]);
                    xmax = Math.max(xmax, s.x()[i]);
                    ymin = Math.min(ymin, s.y()[i]);
                    ymax = Math.max(ymax, s.y()[i]);
                }
            }
        }
        if (!(xmax > xmin)) {
            xmax = xmin + 1;
            xmin -= 1;
        }
        if (!(ymax > ymin)) {
            double pad = Math.max(Math.abs(ymin) * 1e-3, 1e-9);
            ymin -= pad;
            ymax += pad;
        } else {
            double pad = 0.05 * (ymax - ymin);
            ymin -= pad;
            ymax += pad;
        }
        int left = 100;
        int right = W - 30;
        int top = 50;
        int bottom = H - 70;
        axes(g, title, xLabel, yLabel, xmin, xmax, ymin, ymax, left, right, top, bottom);
        int b = 0;
        for (Band band : bands) {
            double from = Math.max(band.from(), xmin);
            double to = Math.min(band.to(), xmax);
            if (to > from) {
                int x0 = (int) Math.round(left + (from - xmin) / (xmax - xmin) * (right - left));
                int x1 = (int) Math.round(left + (to - xmin) / (xmax - xmin) * (right - left));
                g.setColor(BAND_COLOURS[b % BAND_COLOURS.length]);
                g.fillRect(x0, top, Math.max(1, x1 - x0), bottom - top);
                g.fillRect(left + 10, bottom - 24 - 20 * b, 24, 12);
                g.setColor(Color.DARK_GRAY);
                g.drawString(band.name(), left + 40, bottom - 13 - 20 * b);
            }
            b++;
        }
        int k = 0;
        for (Series s : series) {
            g.setColor(PALETTE[k % PALETTE.length]);
            g.setStroke(new BasicStroke(2f));
            Path2D.Double p = new Path2D.Double();
            boolean started = false;
            for (int i = 0; i < s.x().length; i++) {
                if (!Double.isFinite(s.y()[i])) {
                    started = false;
                    continue;
                }
                double px = left + (s.x()[i] - xmin) / (xmax - xmin) * (right - left);
                double py = bottom - (s.y()[i] - ymin) / (ymax - ymin) * (bottom - top);
                if (started) {
                    p.lineTo(px, py);
                } else {
                    p.moveTo(px, py);
                    started = true;
                }
            }
            if (s.markers()) {
                for (int i = 0; i < s.x().length; i++) {
                    double px = left + (s.x()[i] - xmin) / (xmax - xmin) * (right - left);
                    double py = bottom - (s.y()[i] - ymin) / (ymax - ymin) * (bottom - top);
                    g.fill(new Ellipse2D.Double(px - 5, py - 5, 10, 10));
                }
            } else {
                g.draw(p);
            }
            if (series.size() > 1 || !s.name().isEmpty()) {
                int ly = top + 18 + 20 * k;
                if (s.markers()) {
                    g.fill(new Ellipse2D.Double(right - 192, ly - 9, 10, 10));
                } else {
                    g.drawLine(right - 200, ly - 4, right - 175, ly - 4);
                }
                g.setColor(Color.DARK_GRAY);
                g.drawString(s.name(), right - 168, ly);
            }
            k++;
        }
        g.dispose();
        return img;
    }

    /**
     * An intensity map on [xmin,xmax] x [ymin,ymax] (values[iy][ix], iy = 0 at ymin), normalised to its
     * maximum, with an optional circle (e.g. the core boundary) of the given radius around the origin.
     */
    public static void intensity(Path file, String title, double[][] values, double xmin, double xmax, double ymin,
            double ymax, String axisUnit, double circleRadius) throws IOException {
        intensity(file, title, values, xmin, xmax, ymin, ymax, axisUnit, circleRadius, "y");
    }

    /** As above, the vertical axis named {@code verticalName} (z for an x-z slice). */
    public static void intensity(Path file, String title, double[][] values, double xmin, double xmax, double ymin,
            double ymax, String axisUnit, double circleRadius, String verticalName) throws IOException {
        intensity(file, title, values, xmin, xmax, ymin, ymax, axisUnit, circleRadius, "x", verticalName);
    }

    /** As above, both axes named; an empty unit (a dimensionless axis) is written without brackets. */
    public static void intensity(Path file, String title, double[][] values, double xmin, double xmax, double ymin,
            double ymax, String axisUnit, double circleRadius, String horizontalName, String verticalName) throws IOException {
        int size = 560;
        BufferedImage img = new BufferedImage(size + 140, size + 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = setup(img);
        int left = 70;
        int top = 40;
        int ny = values.length;
        int nx = values[0].length;
        double max = 0;
        for (double[] row : values) {
            for (double v : row) {
                max = Math.max(max, v);
            }
        }
        int plot = size - 60;
        BufferedImage map = new BufferedImage(nx, ny, BufferedImage.TYPE_INT_RGB);
        for (int iy = 0; iy < ny; iy++) {
            for (int ix = 0; ix < nx; ix++) {
                double t = max > 0 ? values[iy][ix] / max : 0;
                map.setRGB(ix, ny - 1 - iy, colour(t).getRGB());
            }
        }
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(map, left, top, plot, plot, null);
        g.setColor(Color.BLACK);
        g.drawRect(left, top, plot, plot);
        if (circleRadius > 0) {
            double sx = plot / (xmax - xmin);
            double sy = plot / (ymax - ymin);
            double cx = left + (0 - xmin) * sx;
            double cy = top + (ymax - 0) * sy;
            g.setColor(new Color(255, 255, 255, 160));
            g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            g.draw(new Ellipse2D.Double(cx - circleRadius * sx, cy - circleRadius * sy, 2 * circleRadius * sx, 2 * circleRadius * sy));
        }
        g.setStroke(new BasicStroke(1f));
        g.setColor(Color.BLACK);
        g.setFont(g.getFont().deriveFont(Font.BOLD, 15f));
        g.drawString(title, left, 25);
        g.setFont(g.getFont().deriveFont(Font.PLAIN, 12f));
        for (double t : ticks(xmin, xmax)) {
            int px = (int) Math.round(left + (t - xmin) / (xmax - xmin) * plot);
            g.drawLine(px, top + plot, px, top + plot + 5);
            centred(g, fmt(t), px, top + plot + 18);
        }
        for (double t : ticks(ymin, ymax)) {
            int py = (int) Math.round(top + plot - (t - ymin) / (ymax - ymin) * plot);
            g.drawLine(left - 5, py, left, py);
            String s = fmt(t);
            g.drawString(s, left - 8 - g.getFontMetrics().stringWidth(s), py + 4);
        }
        String unit = axisUnit.isEmpty() ? "" : " (" + axisUnit + ")";
        centred(g, horizontalName + unit, left + plot / 2, top + plot + 36);
        AffineTransform old = g.getTransform();
        g.rotate(-Math.PI / 2);
        centred(g, verticalName + unit, -(top + plot / 2), 18);
        g.setTransform(old);
        // colour bar
        int bx = left + plot + 25;
        for (int i = 0; i < plot; i++) {
            g.setColor(colour(1 - (double) i / plot));
            g.drawLine(bx, top + i, bx + 16, top + i);
        }
        g.setColor(Color.BLACK);
        g.drawRect(bx, top, 16, plot);
        g.drawString("1", bx + 22, top + 5);
        g.drawString("0", bx + 22, top + plot + 4);
        g.drawString("|E|²", bx - 4, top - 8);
        g.dispose();
        Png.write(img, file);
    }

    /**
     * Stacked bars: one bar per category (e.g. a wavelength), its segments the series' values there (non-negative),
     * with a legend. The x axis is the category index (labels under the bars).
     */
    public static void stackedBars(Path file, String title, String yLabel, List<String> categories, List<String> names, double[][] values)
            throws IOException {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = setup(img);
        int nc = categories.size();
        double ymax = 0;
        for (int c = 0; c < nc; c++) {
            double sum = 0;
            for (double[] v : values) {
                sum += Math.max(0, v[c]);
            }
            ymax = Math.max(ymax, sum);
        }
        ymax = ymax > 0 ? ymax * 1.05 : 1;
        int left = 100;
        int right = W - 260;
        int top = 50;
        int bottom = H - 70;
        axes(g, title, "", yLabel, -0.5, nc - 0.5, 0, ymax, left, right, top, bottom);
        // cover the numeric x ticks: the categories label the bars instead
        g.setColor(Color.WHITE);
        g.fillRect(left - 30, bottom + 6, right - left + 60, 22);
        double slot = (right - left) / (double) nc;
        for (int c = 0; c < nc; c++) {
            double base = 0;
            int x0 = (int) Math.round(left + slot * (c + 0.15));
            int w = (int) Math.round(slot * 0.7);
            for (int k = 0; k < values.length; k++) {
                double v = Math.max(0, values[k][c]);
                int y1 = (int) Math.round(bottom - (base + v) / ymax * (bottom - top));
                int y0 = (int) Math.round(bottom - base / ymax * (bottom - top));
                g.setColor(PALETTE[k % PALETTE.length]);
                g.fillRect(x0, y1, w, Math.max(0, y0 - y1));
                base += v;
            }
            g.setColor(Color.BLACK);
            centred(g, categories.get(c), (int) Math.round(left + slot * (c + 0.5)), bottom + 20);
        }
        for (int k = 0; k < names.size(); k++) {
            int ly = top + 18 + 20 * k;
            g.setColor(PALETTE[k % PALETTE.length]);
            g.fillRect(right + 15, ly - 10, 14, 12);
            g.setColor(Color.DARK_GRAY);
            g.drawString(names.get(k), right + 35, ly);
        }
        g.dispose();
        Png.write(img, file);
    }

    private static Graphics2D setup(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        return g;
    }

    private static void axes(Graphics2D g, String title, String xLabel, String yLabel, double xmin, double xmax, double ymin,
            double ymax, int left, int right, int top, int bottom) {
        g.setColor(new Color(235, 235, 235));
        for (double t : ticks(xmin, xmax)) {
            int px = (int) Math.round(left + (t - xmin) / (xmax - xmin) * (right - left));
            g.drawLine(px, top, px, bottom);
        }
        for (double t : ticks(ymin, ymax)) {
            int py = (int) Math.round(bottom - (t - ymin) / (ymax - ymin) * (bottom - top));
            g.drawLine(left, py, right, py);
        }
        g.setColor(Color.BLACK);
        g.drawRect(left, top, right - left, bottom - top);
        for (double t : ticks(xmin, xmax)) {
            int px = (int) Math.round(left + (t - xmin) / (xmax - xmin) * (right - left));
            g.drawLine(px, bottom, px, bottom + 5);
            centred(g, fmt(t), px, bottom + 20);
        }
        for (double t : ticks(ymin, ymax)) {
            int py = (int) Math.round(bottom - (t - ymin) / (ymax - ymin) * (bottom - top));
            g.drawLine(left - 5, py, left, py);
            String s = fmt(t);
            g.drawString(s, left - 9 - g.getFontMetrics().stringWidth(s), py + 5);
        }
        centred(g, xLabel, (left + right) / 2, bottom + 45);
        AffineTransform old = g.getTransform();
        g.rotate(-Math.PI / 2);
        centred(g, yLabel, -(top + bottom) / 2, 22);
        g.setTransform(old);
        g.setFont(g.getFont().deriveFont(Font.BOLD, 16f));
        g.drawString(title, left, 32);
        g.setFont(g.getFont().deriveFont(Font.PLAIN, 13f));
    }

    private static void centred(Graphics2D g, String s, int x, int y) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(s, x - fm.stringWidth(s) / 2, y);
    }

    /** About six round tick values covering [lo, hi]. */
    public static List<Double> ticks(double lo, double hi) {
        double span = hi - lo;
        double raw = span / 6;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * mag >= raw) {
                step = m * mag;
                break;
            }
        }
        List<Double> out = new ArrayList<>();
        for (double t = Math.ceil(lo / step) * step; t <= hi + 1e-9 * step; t += step) {
            out.add(Math.abs(t) < 1e-12 * step ? 0.0 : t);
        }
        return out;
    }

    /** A tick value as it is printed: plain to six decimals without trailing zeros, else in e-notation. */
    public static String fmt(double v) {
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e5)) {
            return String.format(Locale.ROOT, "%.2e", v);
        }
        String s = String.format(Locale.ROOT, "%.6f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** Perceptually ordered dark-blue to yellow colour map. */
    static Color colour(double t) {
        double[][] stops = {{0.0, 13, 8, 135}, {0.25, 126, 3, 168}, {0.5, 204, 71, 120}, {0.75, 248, 149, 64},
            {1.0, 240, 249, 33}};
        t = Math.max(0, Math.min(1, t));
        for (int i = 1; i < stops.length; i++) {
            if (t <= stops[i][0]) {
                double f = (t - stops[i - 1][0]) / (stops[i][0] - stops[i - 1][0]);
                return new Color((int) Math.round(stops[i - 1][1] + f * (stops[i][1] - stops[i - 1][1])),
                        (int) Math.round(stops[i - 1][2] + f * (stops[i][2] - stops[i - 1][2])),
                        (int) Math.round(stops[i - 1][3] + f * (stops[i][3] - stops[i - 1][3])));
            }
        }
        return new Color(240, 249, 33);
    }
}
