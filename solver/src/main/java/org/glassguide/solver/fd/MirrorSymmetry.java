package org.glassguide.solver.fd;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.glassguide.solver.ProgressMonitor;

/**
 * Mirror planes x = 0 and y = 0 of a centred window and the mode search that uses them. A cross-section whose
 * sampled permittivity (absorption included) and PML are unchanged by a reflection has modes that are each even or
 * odd under it (electric or magnetic wall for the vector field), so its operator splits into independent symmetry
 * classes, each solved on the half or quarter of the window next to the planes: a quarter of the unknowns per
 * class, and the two partners of a degenerate pair (which a square or circular core puts in different classes) come
 * out as exactly equal eigenvalues of two mirror-image problems. The classes' modes are merged into the ones nearest
 * the target, with each class asked again for more whenever its farthest mode found is still among them, and the
 * fields unfolded onto the whole window.
 */
public final class MirrorSymmetry {
    private MirrorSymmetry() {
    }

    /** Relative difference of the mirror images' permittivity below which a plane counts as a mirror. */
    static final double TOLERANCE = 1e-9;

    /**
     * The mirror planes found, and why a plane was not used (empty when both are, or when neither can be).
     *
     * @param x the plane x = 0 is a mirror
     * @param y the plane y = 0 is a mirror
     */
    public record Planes(boolean x, boolean y, String reason) {
        public int classes() {
            return (x ? 2 : 1) * (y ? 2 : 1);
        }
    }

    /**
     * The planes about which the cross-section sampled on the full, centred grid (as the solvers sample it, eight
     * sub-samples a side per cell) and its PML sides (left, right, bottom, top) are symmetric. A plane must fall on a
     * cell edge (an even number of cells across).
     */
    static Planes detect(CrossSection cs, FdScalarModeSolver.Grid g, boolean[] pmlSides) {
        int nx = g.nx();
        int ny = g.ny();
        boolean centredX = Math.abs(g.x0() + 0.5 * nx * g.dx()) < 1e-6 * g.dx();
        boolean centredY = Math.abs(g.y0() + 0.5 * ny * g.dy()) < 1e-6 * g.dy();
        boolean x = centredX && nx % 2 == 0 && nx >= 6 && pmlSides[0] == pmlSides[1];
        boolean y = !g.isSlab() && centredY && ny % 2 == 0 && ny >= 6 && pmlSides[2] == pmlSides[3];
        List<String> why = new ArrayList<>();
        if (centredX && nx % 2 == 1) {
            why.add("an odd number of cells across x (" + nx + ") puts x = 0 inside a column");
        }
        if (centredY && ny % 2 == 1 && !g.isSlab()) {
            why.add("an odd number of cells across y (" + ny + ") puts y = 0 inside a row");
        }
        if (pmlSides[0] != pmlSides[1] || pmlSides[2] != pmlSides[3]) {
            why.add("the PML is on one side of a plane only");
        }
        if (x || y) {
            double[][] eps = cs.sample(g.x0(), g.y0(), g.dx(), g.dy(), nx, ny, 8);
            double scale = 0;
            for (int p = 0; p < nx * ny; p++) {
                scale = Math.max(scale, Math.hypot(eps[0][p], eps[1][p]));
            }
            double tol = TOLERANCE * scale;
            boolean mx = x;
            boolean my = y;
            for (int j = 0; j < ny && (mx || my); j++) {
                for (int i = 0; i < nx; i++) {
                    int p = i + nx * j;
                    int qx = nx - 1 - i + nx * j;
                    int qy = i + nx * (ny - 1 - j);
                    if (mx && (Math.abs(eps[0][p] - eps[0][qx]) > tol || Math.abs(eps[1][p] - eps[1][qx]) > tol)) {
                        mx = false;
                    }
                    if (my && (Math.abs(eps[0][p] - eps[0][qy]) > tol || Math.abs(eps[1][p] - eps[1][qy]) > tol)) {
                        my = false;
                    }
                }
            }
            if (x && !mx) {
                why.add("the index map is not symmetric about x = 0");
            }
            if (y && !my) {
                why.add("the index map is not symmetric about y = 0");
            }
            x = mx;
            y = my;
        } else if (why.isEmpty()) {
            why.add("the window is not centred on the structure");
        }
        return new Planes(x, y, String.join("; ", why));
    }

    /** A mode and the symmetry class it was found in. */
    record Labelled<M>(M mode, int symmetryClass) {
    }

    /** Opens one symmetry class's search: its operator factorised, its modes then asked for in growing numbers. */
    interface ClassSolver<M> {
        ModeSearch<M> open(int symmetryClass, ProgressMonitor monitor);
    }

    /**
     * The {@code wanted} modes nearest the target over all classes, nearest first. Each class is first asked for its
     * share and one more; a class whose farthest mode found is not beyond the wanted set's farthest (so that more of its
     * modes could belong there) is asked for more, resuming its own iteration, until every class is either asked for
     * all {@code wanted} or shown to have no more among them.
     *
     * @param distance a mode's distance from the target, |n_eff^2 - target^2|
     */
    static <M> List<Labelled<M>> nearest(int classes, int wanted, ClassSolver<M> solver, ToDoubleFunction<M> distance,
            ProgressMonitor monitor) {
        int share = Math.min(wanted, (wanted + classes - 1) / classes + 1);
        int[] asked = new int[classes];
        List<ModeSearch<M>> searches = new ArrayList<>();
        List<List<M>> found = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            ProgressMonitor m = classMonitor(monitor, c, classes);
            searches.add(solver.open(c, m));
            asked[c] = classes == 1 ? wanted : share;
            found.add(searches.get(c).nearest(asked[c], m));
        }
        while (true) {
            List<Labelled<M>> all = new ArrayList<>();
            for (int c = 0; c < classes; c++) {
                for (M m : found.get(c)) {
                    all.add(new Labelled<>(m, c));
                }
            }
            all.sort(Comparator.comparingDouble(l -> distance.applyAsDouble(l.mode())));
            List<Labelled<M>> top = new ArrayList<>(all.subList(0, Math.min(wanted, all.size())));
            double edge = top.size() < wanted ? Double.POSITIVE_INFINITY : distance.applyAsDouble(top.get(top.size() - 1).mode());
            boolean complete = true;
            for (int c = 0; c < classes; c++) {
                if (asked[c] >= wanted || found.get(c).size() < asked[c]) {
                    continue;
                }
                double farthest = 0;
                for (M m : found.get(c)) {
                    farthest = Math.max(farthest, distance.applyAsDouble(m));
                }
                // a tie at the edge counts as inside: a degenerate partner is never left behind
                if (farthest <= edge * (1 + 1e-7)) {
                    asked[c] = Math.min(wanted, asked[c] + Math.max(2, share / 2));
                    found.set(c, searches.get(c).nearest(asked[c], classMonitor(monitor, c, classes)));
                    complete = false;
                }
            }
            if (complete) {
                return top;
            }
        }
    }

    private static ProgressMonitor classMonitor(ProgressMonitor m, int c, int classes) {
        if (classes == 1) {
            return m;
        }
        return new ProgressMonitor() {
            @Override
            public void progress(long done, long total, String stage) {
                m.progress(done, total, "symmetry class " + (c + 1) + "/" + classes + ": " + stage);
            }

            @Override
            public boolean isCancelled() {
                return m.isCancelled();
            }
        };
    }

    /**
     * A scalar mode solved on the part of the window next to the mirror planes, unfolded onto the whole window
     * (nx x ny cells, the part being its upper-right quarter or right / upper half) and scaled to unit norm.
     */
    static FdScalarModeSolver.Mode unfold(FdScalarModeSolver.Mode m, int partNx, int partNy, FdScalarModeSolver.Mirror x,
            FdScalarModeSolver.Mirror y) {
        double sx = x == FdScalarModeSolver.Mirror.ODD ? -1 : 1;
        double sy = y == FdScalarModeSolver.Mirror.ODD ? -1 : 1;
        double[] f = unfold(m.field(), partNx, partNy, x != FdScalarModeSolver.Mirror.NONE, y != FdScalarModeSolver.Mirror.NONE, sx, sy);
        double norm = 0;
        for (double v : f) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        for (int q = 0; q < f.length; q++) {
            f[q] /= norm;
        }
        return new FdScalarModeSolver.Mode(m.nEff(), m.nEffImag(), f, m.pmlFraction());
    }

    /**
     * A vector mode solved next to electric / magnetic walls on x = 0 and / or y = 0, unfolded onto the whole window.
     * Under the reflection x -> -x, a mode with an electric wall there has E_x, H_y, H_z even and E_y, E_z, H_x odd
     * (E is a polar vector, H an axial one); a magnetic wall the opposite; y -> -y likewise with x and y exchanged.
     */
    static FdVectorModeSolver.Mode unfold(FdVectorModeSolver.Mode m, int partNx, int partNy, FdVectorModeSolver.Wall x,
            FdVectorModeSolver.Wall y) {
        // signs of E_x, E_y, E_z, H_x, H_y, H_z in the image of an electric wall on x = 0 and on y = 0
        double[] pecX = {1, -1, -1, -1, 1, 1};
        double[] pecY = {-1, 1, -1, 1, -1, 1};
        double[][] f = new double[6][];
        for (FdVectorModeSolver.Component c : FdVectorModeSolver.Component.values()) {
            int k = c.ordinal();
            double sx = x == null ? 1 : x == FdVectorModeSolver.Wall.PEC ? pecX[k] : -pecX[k];
            double sy = y == null ? 1 : y == FdVectorModeSolver.Wall.PEC ? pecY[k] : -pecY[k];
            f[k] = unfold(m.field(c), partNx, partNy, x != null, y != null, sx, sy);
        }
        return new FdVectorModeSolver.Mode(m.nEff(), m.nEffImag(), f, m.pmlFraction(), m.teFraction(), m.effectiveArea());
    }

    /** Interleaved re/im cell values of the part, mirrored across its left and / or bottom edge with the given signs. */
    private static double[] unfold(double[] part, int pnx, int pny, boolean mx, boolean my, double sx, double sy) {
        int nx = mx ? 2 * pnx : pnx;
        int ny = my ? 2 * pny : pny;
        int ox = mx ? pnx : 0;
        int oy = my ? pny : 0;
        double[] out = new double[2 * nx * ny];
        for (int j = 0; j < pny; j++) {
            for (int i = 0; i < pnx; i++) {
                int p = 2 * (i + pnx * j);
                for (int fy = 0; fy < (my ? 2 : 1); fy++) {
                    for (int fx = 0; fx < (mx ? 2 : 1); fx++) {
                        int ii = fx == 0 ? ox + i : ox - 1 - i;
                        int jj = fy == 0 ? oy + j : oy - 1 - j;
                        double s = (fx == 0 ? 1 : sx) * (fy == 0 ? 1 : sy);
                        int q = 2 * (ii + nx * jj);
                        out[q] = s * part[p];
                        out[q + 1] = s * part[p + 1];
                    }
                }
            }
        }
        return out;
    }
}
