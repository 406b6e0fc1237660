package org.glassguide.solver.fd;

import java.util.ArrayList;
import java.util.List;

import org.glassguide.solver.design.Shape;
import org.glassguide.solver.radial.RadialIndexProfile;

/**
 * A waveguide cross-section at one wavelength: a background complex permittivity and shapes painted
 * over it in order (later shapes win). Sampling averages eps over each grid cell from sub-samples,
 * so an interface that cuts a cell gives it the area-weighted permittivity (sub-pixel smoothing).
 */
public final class CrossSection {
    private record Painted(Shape shape, double epsRe, double epsIm, IndexMap map, RadialIndexProfile radial, String[] labels) {
    }

    /**
     * An index map over the rectangle [x0, x1] x [y0, y1]: ids[row][col] with row 0 at the top (y1),
     * as an image is read, each id standing for the complex index (n[id], k[id]).
     */
    public record IndexMap(double x0, double x1, double y0, double y1, int[][] ids, double[] n, double[] k) {
        public IndexMap {
            if (!(x1 > x0) || !(y1 > y0) || ids.length == 0 || ids[0].length == 0) {
                throw new IllegalArgumentException("index map needs a non-empty grid over a rectangle");
            }
        }
    }

    private final double bgRe;
    private final double bgIm;
    private final List<Painted> shapes = new ArrayList<>();
    private double bendRadius = Double.POSITIVE_INFINITY;
    private double scale = 1;
    private String bgLabel;

    /** Background of complex index n + i k. */
    public CrossSection(double n, double k) {
        this.bgRe = n * n - k * k;
        this.bgIm = 2 * n * k;
    }

    /** Paints a shape of complex index n + i k over what is there. */
    public CrossSection paint(Shape s, double n, double k) {
        return paint(s, n, k, null);
    }

    /** Paints a shape of complex index n + i k, naming its region (the material) for power fractions. */
    public CrossSection paint(Shape s, double n, double k, String label) {
        shapes.add(new Painted(s, n * n - k * k, 2 * n * k, null, null, new String[] {label}));
        return this;
    }

    /** Paints an index map (cell values looked up by id) over what is there. */
    public CrossSection paint(IndexMap map) {
        return paint(map, null);
    }

    /** Paints an index map whose ids name the regions labels[id]. */
    public CrossSection paint(IndexMap map, String[] labels) {
        Shape box = new Shape.Rectangle(0.5 * (map.x0() + map.x1()), 0.5 * (map.y0() + map.y1()), map.x1() - map.x0(), map.y1() - map.y0());
        shapes.add(new Painted(box, 0, 0, map, null, labels));
        return this;
    }

    /**
     * Paints an axisymmetric profile (layers, graded power laws, absorption) centred on the origin, out
     * to its last interface: a fiber sampled on the grid. The profile's outermost layer should be the background.
     */
    public CrossSection paint(RadialIndexProfile profile) {
        return paint(profile, null);
    }

    /** The same, naming each layer's region (innermost first). */
    public CrossSection paint(RadialIndexProfile profile, String[] layerLabels) {
        double[] r = profile.interfaces();
        shapes.add(new Painted(new Shape.Circle(0, 0, r[r.length - 1]), 0, 0, null, profile, layerLabels));
        return this;
    }

    /** Names the background's region. */
    public CrossSection backgroundLabel(String label) {
        this.bgLabel = label;
        return this;
    }

    /** The region (label) at a point: the topmost painting's, or the background's; null where unnamed. */
    public String regionAt(double x, double y) {
        if (scale != 1) {
            x /= scale;
            y /= scale;
        }
        for (int i = shapes.size() - 1; i >= 0; i--) {
            Painted p = shapes.get(i);
            if (p.shape().contains(x, y)) {
                if (p.labels() == null) {
                    return null;
                }
                if (p.radial() != null) {
                    int l = p.radial().layerOf(Math.hypot(x, y));
                    return l < p.labels().length ? p.labels()[l] : bgLabel;
                }
                if (p.map() != null) {
                    return p.labels()[mapId(p.map(), x, y)];
                }
                return p.labels()[0];
            }
        }
        return bgLabel;
    }

    private static int mapId(IndexMap m, double x, double y) {
        int rows = m.ids().length;
        int cols = m.ids()[0].length;
        int c = Math.min(cols - 1, (int) ((x - m.x0()) / (m.x1() - m.x0()) * cols));
        int r = Math.min(rows - 1, (int) ((m.y1() - y) / (m.y1() - m.y0()) * rows));
        return m.ids()[Math.max(r, 0)][Math.max(c, 0)];
    }

    /**
     * Bends the guide about an axis at x = -R (the bend's outside towards +x) by the conformal map:
     * the straight-guide equivalent index n (1 + x / R_eff) with R_eff = stressFactor R, where a
     * stress factor above 1 (about 1.28 for silica, Schermer and Cole 2007) folds in the stress-optic
     * change of the index in a bent fiber. Infinity (the default) is straight.
     */
    public CrossSection bend(double radius, double stressFactor) {
        if (!(radius > 0) || !(stressFactor >= 1)) {
            throw new IllegalArgumentException("bend radius must be positive and the stress factor >= 1");
        }
        this.bendRadius = radius * stressFactor;
        return this;
    }

    /**
     * Shrinks (factor below 1) or widens the whole cross-section about the origin: a tapered section,
     * the material indices unchanged. Returns this.
     */
    public CrossSection scaled(double factor) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("scale factor must be positive");
        }
        this.scale = factor;
        return this;
    }

    /** A change of eps by a formula: eps at (x, y) in, the new eps out ({re, im}, in place). */
    @FunctionalInterface
    public interface Overlay {
        void apply(double x, double y, double[] eps);
    }

    private Overlay overlay;

    /**
     * Applies the overlay to eps everywhere, after the shapes and before the bend's conformal factor
     * (in the window's coordinates, whatever the scale). Returns this.
     */
    public CrossSection overlay(Overlay o) {
        this.overlay = o;
        return this;
    }

    /** eps at a point: {re, im}. */
    public void eps(double x, double y, double[] out) {
        double px = x;
        double py = y;
        if (scale != 1 && x != Double.MAX_VALUE) {
            x /= scale;
            y /= scale;
        }
        out[0] = bgRe;
        out[1] = bgIm;
        for (int i = shapes.size() - 1; i >= 0; i--) {
            Painted p = shapes.get(i);
            if (p.shape().contains(x, y)) {
                if (p.radial() != null) {
                    double r = Math.hypot(x, y);
                    double n2 = p.radial().nSquared(r);
                    double k = p.radial().k(r);
                    out[0] = n2 - k * k;
                    out[1] = 2 * Math.sqrt(n2) * k;
                } else if (p.map() == null) {
                    out[0] = p.epsRe();
                    out[1] = p.epsIm();
                } else {
                    IndexMap m = p.map();
                    int id = mapId(m, x, y);
                    double n = m.n()[id];
                    double k = m.k()[id];
                    out[0] = n * n - k * k;
                    out[1] = 2 * n * k;
                }
                break;
            }
        }
        if (overlay != null && x != Double.MAX_VALUE) {
            overlay.apply(px, py, out);
        }
        if (Double.isFinite(bendRadius) && x != Double.MAX_VALUE) {
            double f = 1 + px / bendRadius;
            out[0] *= f * f;
            out[1] *= f * f;
        }
    }

    /** Largest real part of eps anywhere (for the search target). */
    public double maxEpsRe() {
        double m = bgRe;
        for (Painted p : shapes) {
            if (p.radial() != null) {
                for (double r = 0; r <= p.radial().interfaces()[p.radial().interfaces().length - 1]; r += 1e-3 * p.radial().interfaces()[0]) {
                    m = Math.max(m, p.radial().nSquared(r));
                }
            } else if (p.map() == null) {
                m = Math.max(m, p.epsRe());
            } else {
                for (double n : p.map().n()) {
                    m = Math.max(m, n * n);
                }
            }
        }
        return m;
    }

    /**
     * Cell averages of eps on the grid (cell centres x0 + (i + 1/2) dx), sub-sampled sub x sub per
     * cell; re and im in row-major order (index i + nx j).
     */
    public double[][] sample(double x0, double y0, double dx, double dy, int nx, int ny, int sub) {
        double[] re = new double[nx * ny];
        double[] im = new double[nx * ny];
        double[] e = new double[2];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                double sr = 0;
                double si = 0;
                for (int b = 0; b < sub; b++) {
                    double y = y0 + (j + (b + 0.5) / sub) * dy;
                    for (int a = 0; a < sub; a++) {
                        double x = x0 + (i + (a + 0.5) / sub) * dx;
                        eps(x, y, e);
                        sr += e[0];
                        si += e[1];
                    }
                }
                re[i + nx * j] = sr / (sub * sub);
                im[i + nx * j] = si / (sub * sub);
            }
        }
        return new double[][] {re, im};
    }
}
