package org.glassguide.solver.fd;

import static org.glassguide.solver.special.ComplexMath.div;
import static org.glassguide.solver.special.ComplexMath.mul;

import java.util.ArrayList;
import java.util.List;

import org.glassguide.solver.ModalLoss;
import org.glassguide.solver.ProgressMonitor;

/**
 * Full-vectorial finite-difference modes of a 2D cross-section in the transverse electric field, on
 * a Yee grid: E_x at (x_{i+1/2}, y_j), E_y at (x_i, y_{j+1/2}), E_z and the divergence at nodes
 * (x_i, y_j), H_z at cell centres. Eliminating E_z with div(eps E) = 0 and H with Faraday's law gives
 * (lengths in 1/k0, lambda = n_eff^2)
 * <pre>
 *   lambda E_x = eps_x E_x - d_y h_z + d_x D,    lambda E_y = eps_y E_y + d_x h_z + d_y D,
 *   h_z = d_x E_y - d_y E_x,    D = (d_x(eps_x E_x) + d_y(eps_y E_y)) / eps_z,
 * </pre>
 * every derivative a centred difference between neighbouring staggered points, so that the normal
 * component eps E_n and the tangential E_t are continuous across interfaces by construction and the
 * discrete operator has no spurious modes. Sub-pixel smoothing: eps_x is the harmonic mean along x
 * of the arithmetic means along y over the E_x cell (eps_y likewise), eps_z the cell mean. PMLs are
 * complex coordinate stretches d/dx -> (1/s_x) d/dx on the sides that are not symmetry walls. Walls
 * are electric (PEC: tangential E = 0) or magnetic (PMC: tangential H = 0); a wall on x = 0 or y = 0
 * halves the grid for symmetric structures and selects the modes of that symmetry. The modes nearest
 * a target come from {@link ShiftInvertEigen}.
 */
public final class FdVectorModeSolver {
    /** A wall: electric (tangential E vanishes) or magnetic (tangential H vanishes). */
    public enum Wall { PEC, PMC }

    /**
     * The four walls of the window (left x0, right, bottom y0, top) and which sides carry the PML.
     */
    public record Walls(Wall left, Wall right, Wall bottom, Wall top, boolean pmlLeft, boolean pmlRight, boolean pmlBottom,
            boolean pmlTop) {
        /** Metal box with a PML inside every wall. */
        public static Walls pmlAllRound() {
            return new Walls(Wall.PEC, Wall.PEC, Wall.PEC, Wall.PEC, true, true, true, true);
        }

        /** The same with a symmetry wall (no PML) on the left edge. */
        public Walls withLeftMirror(Wall w) {
            return new Walls(w, right, bottom, top, false, pmlRight, pmlBottom, pmlTop);
        }

        /** The same with a symmetry wall (no PML) on the bottom edge. */
        public Walls withBottomMirror(Wall w) {
            return new Walls(left, right, w, top, pmlLeft, pmlRight, false, pmlTop);
        }
    }

    /** A field component. */
    public enum Component { EX, EY, EZ, HX, HY, HZ }

    /**
     * A vector mode: complex n_eff, the six field components at the cell centres of the grid
     * (interleaved re/im, index i + nx j; E in V/m and H in A/m scaled to 1 W through the whole,
     * unfolded cross-section), the share of |E_t|^2 in the PML, the TE fraction
     * int |E_x|^2 / int |E_t|^2, the effective area (int |E|^2)^2 / int |E|^4 of the whole
     * cross-section, and the power fraction of any region of cells. Field arrays are copied out, so
     * a mode never changes.
     */
    public static final class Mode {
        private final double nEff;
        private final double nEffImag;
        private final double[][] fields;
        private final double pmlFraction;
        private final double teFraction;
        private final double effectiveArea;

        Mode(double nEff, double nEffImag, double[][] fields, double pmlFraction, double teFraction, double effectiveArea) {
            this.nEff = nEff;
            this.nEffImag = nEffImag;
            this.fields = fields;
            this.pmlFraction = pmlFraction;
            this.teFraction = teFraction;
            this.effectiveArea = effectiveArea;
        }

        /** (int |E|^2 dA)^2 / int |E|^4 dA over the whole (unfolded) cross-section, m^2. */
        public double effectiveArea() {
            return effectiveArea;
        }

        /** The share of the power flux S_z through the flagged cells (index i + nx j) of the window. */
        public double powerFraction(boolean[] cells) {
            double in = 0;
            double all = 0;
            for (int p = 0; p < cells.length; p++) {
                double sz = fields[0][2 * p] * fields[4][2 * p] + fields[0][2 * p + 1] * fields[4][2 * p + 1]
                        - (fields[1][2 * p] * fields[3][2 * p] + fields[1][2 * p + 1] * fields[3][2 * p + 1]);
                all += sz;
                if (cells[p]) {
                    in += sz;
                }
            }
            return in / all;
        }

        public double nEff() {
            return nEff;
        }

        public double nEffImag() {
            return nEffImag;
        }

        public double pmlFraction() {
            return pmlFraction;
        }

        public double teFraction() {
            return teFraction;
        }

        /** One component, interleaved re/im, a copy. */
        public double[] field(Component c) {
            return fields[c.ordinal()].clone();
        }

        /** Power loss in dB/m from Im n_eff. */
        public double lossDbPerMetre(double wavelength) {
            return ModalLoss.dbPerMetre(nEffImag, wavelength);
        }
    }

    private static final double ETA0 = 376.730313668;

    private java.util.function.Consumer<EigenStatistics> statistics = s -> { };

    /** A solver that reports each eigen-solve's cost (cycles, solves, factor size, times) to the consumer. */
    public FdVectorModeSolver withStatistics(java.util.function.Consumer<EigenStatistics> sink) {
        FdVectorModeSolver s = copy();
        s.statistics = sink;
        return s;
    }

    private FdVectorModeSolver copy() {
        FdVectorModeSolver s = new FdVectorModeSolver();
        s.statistics = statistics;
        s.operatorSink = operatorSink;
        return s;
    }

    private java.util.function.Consumer<SparseOperator> operatorSink = o -> { };

    /** A solver that hands each assembled operator to the consumer before solving (to compare with another library). */
    public FdVectorModeSolver withOperator(java.util.function.Consumer<SparseOperator> sink) {
        FdVectorModeSolver s = copy();
        s.operatorSink = sink;
        return s;
    }

    /**
     * Solves for the {@code wanted} modes nearest {@code targetIndex}.
     *
     * @param g the grid: its cells' edges are the nodes (nx + 1 by ny + 1)
     * @param pmlCells PML thickness in cells on the sides the walls flag
     * @param unfold how many copies of the window make the whole cross-section (1, 2 or 4 with mirrors)
     */
    public List<Mode> solve(CrossSection cs, double wavelength, FdScalarModeSolver.Grid g, Walls walls, int pmlCells,
            int wanted, double targetIndex, double radiationBelow, int unfold, ProgressMonitor monitor) {
        return search(cs, wavelength, g, walls, pmlCells, wanted, targetIndex, radiationBelow, unfold, monitor).nearest(wanted, monitor);
    }

    /**
     * The operator factorised for modes near {@code targetIndex}, ready to be asked for them in growing numbers (a
     * larger request resumes the iteration); {@code wanted}: the number expected, for the memory check.
     */
    public ModeSearch<Mode> search(CrossSection cs, double wavelength, FdScalarModeSolver.Grid g, Walls walls, int pmlCells,
            int wanted, double targetIndex, double radiationBelow, int unfold, ProgressMonitor monitor) {
        ShiftInvertEigen.requireMemory("full-vectorial 2D mode solver", g.nx() + 1.0, g.ny() + 1.0, 2, wanted);
        Layout lay = new Layout(cs, wavelength, g, walls, pmlCells);
        monitor.checkCancelled();
        GridMatrix a = lay.assemble();
        double[] b = new double[2 * a.size];
        for (int q = 0; q < a.size; q++) {
            b[2 * q] = lay.exists(q) ? 1 : 0;
        }
        boolean[] inPml = lay.pmlUnknowns();
        // degenerate pairs reported as x- and y-polarised: +1 on E_x unknowns, -1 on E_y
        double[] form = new double[a.size];
        for (int q = 0; q < form.length; q++) {
            form[q] = q % 2 == 0 ? 1 : -1;
        }
        operatorSink.accept(new SparseOperator(a, b, targetIndex * targetIndex));
        ShiftInvertEigen.Session session = new ShiftInvertEigen.Session(a, b, targetIndex * targetIndex,
                v -> lay.pmlShare(v, inPml), radiationBelow, form, monitor);
        java.util.function.Consumer<EigenStatistics> sink = statistics;
        return (count, mon) -> {
            List<Mode> out = new ArrayList<>();
            for (ShiftInvertEigen.Pair p : session.nearest(count, sink, mon)) {
                out.add(lay.mode(p, unfold));
            }
            return out;
        };
    }

    /** The staggered grid, its permittivities, stretches and wall rules. */
    private static final class Layout {
        final int nx;
        final int ny;
        final double k0;
        final FdScalarModeSolver.Grid g;
        final Walls walls;
        final int pmlCells;
        // eps at E_x (nx x (ny+1)), E_y ((nx+1) x ny), nodes ((nx+1) x (ny+1)); re and im
        final double[][] epsX;
        final double[][] epsY;
        final double[][] epsZ;
        // stretches at nodes (index i) and half points (index i: x_{i+1/2}); {re, im}
        final double[][] sxNode;
        final double[][] sxHalf;
        final double[][] syNode;
        final double[][] syHalf;

        Layout(CrossSection cs, double wavelength, FdScalarModeSolver.Grid g, Walls walls, int pmlCells) {
            this.g = g;
            this.nx = g.nx();
            this.ny = g.ny();
            this.k0 = 2 * Math.PI / wavelength;
            this.walls = walls;
            this.pmlCells = pmlCells;
            int sub = 8;
            epsX = average(cs, g.x0() + 0.5 * g.dx(), g.y0(), nx, ny + 1, sub, true);
            epsY = average(cs, g.x0(), g.y0() + 0.5 * g.dy(), nx + 1, ny, sub, false);
            epsZ = cs.sample(g.x0() - 0.5 * g.dx(), g.y0() - 0.5 * g.dy(), g.dx(), g.dy(), nx + 1, ny + 1, sub);
            double[] bg = new double[2];
            cs.eps(Double.MAX_VALUE, Double.MAX_VALUE, bg);
            double nBg = Math.sqrt(Math.max(bg[0], 1.0));
            double s = pmlCells == 0 ? 0 : ModalLoss.pmlPeakStretch(8, k0, nBg, pmlCells * g.dx());
            double sy = pmlCells == 0 ? 0 : ModalLoss.pmlPeakStretch(8, k0, nBg, pmlCells * g.dy());
            sxNode = stretch(nx, s, 0, walls.pmlLeft(), walls.pmlRight());
            sxHalf = stretch(nx, s, 0.5, walls.pmlLeft(), walls.pmlRight());
            syNode = stretch(ny, sy, 0, walls.pmlBottom(), walls.pmlTop());
            syHalf = stretch(ny, sy, 0.5, walls.pmlBottom(), walls.pmlTop());
        }

        /**
         * eps averaged over the cells centred on points (x0 + i dx, y0 + j dy): the harmonic mean
         * across the normal direction of the arithmetic means along the other (normal: x if xNormal).
         */
        private double[][] average(CrossSection cs, double x0, double y0, int mx, int my, int sub, boolean xNormal) {
            double[] re = new double[mx * my];
            double[] im = new double[mx * my];
            double[] e = new double[2];
            for (int j = 0; j < my; j++) {
                for (int i = 0; i < mx; i++) {
                    double hr = 0;
                    double hi = 0;
                    for (int a = 0; a < sub; a++) {
                        double ar = 0;
                        double ai = 0;
                        for (int c = 0; c < sub; c++) {
                            double u = (a + 0.5) / sub - 0.5;
                            double v = (c + 0.5) / sub - 0.5;
                            double x = x0 + i * g.dx() + (xNormal ? u : v) * g.dx();
                            double y = y0 + j * g.dy() + (xNormal ? v : u) * g.dy();
                            cs.eps(x, y, e);
                            ar += e[0];
                            ai += e[1];
                        }
                        ar /= sub;
                        ai /= sub;
                        double den = ar * ar + ai * ai;
                        hr += ar / den;
                        hi -= ai / den;
                    }
                    hr /= sub;
                    hi /= sub;
                    double den = hr * hr + hi * hi;
                    re[i + mx * j] = hr / den;
                    im[i + mx * j] = -hi / den;
                }
            }
            return new double[][] {re, im};
        }

        /** s = 1 + i S t^2 at positions (i + offset) dx, i = 0..m (offset 0) or 0..m-1 (offset 1/2). */
        private double[][] stretch(int m, double sMax, double offset, boolean low, boolean high) {
            int len = offset == 0 ? m + 1 : m;
            double[][] out = new double[len][];
            double d = pmlCells;
            for (int i = 0; i < len; i++) {
                double x = i + offset;
                double depth = Math.max(low ? d - x : -1, high ? x - (m - d) : -1);
                double t = d > 0 ? Math.max(0, depth / d) : 0;
                out[i] = new double[] {1, sMax * t * t};
            }
            return out;
        }

        /**
         * Whether each unknown lies inside the PML, at its own staggered position: E_x at (i + 1/2, j), E_y at
         * (i, j + 1/2), the PML on the low side spanning [0, c) cells and on the high side (n - c, n]. (Flags per site
         * counted E_x half a cell inside the PML on the high side as outside: the left and right shares differed, and a
         * mirror image of the window read a smaller share than the whole.)
         */
        boolean[] pmlUnknowns() {
            boolean[] in = new boolean[2 * (nx + 1) * (ny + 1)];
            int c = pmlCells;
            for (int j = 0; j <= ny; j++) {
                for (int i = 0; i <= nx; i++) {
                    for (int comp = 0; comp < 2; comp++) {
                        double x = i + (comp == 0 ? 0.5 : 0);
                        double y = j + (comp == 1 ? 0.5 : 0);
                        in[unknown(comp, i, j)] = (walls.pmlLeft() && x < c) || (walls.pmlRight() && x > nx - c)
                                || (walls.pmlBottom() && y < c) || (walls.pmlTop() && y > ny - c);
                    }
                }
            }
            return in;
        }

        /**
         * The share of |v|^2 on the flagged unknowns, as on the whole window: an unknown on a mirror plane (E_y on x = 0,
         * E_x on y = 0) stands for one line of the unfolded field where every other unknown stands for two (or four),
         * so it weighs half.
         */
        double pmlShare(double[] v, boolean[] flagged) {
            double in = 0;
            double all = 0;
            boolean mirrorLeft = !walls.pmlLeft() && g.x0() == 0;
            boolean mirrorBottom = !walls.pmlBottom() && g.y0() == 0;
            for (int q = 0; q < v.length / 2; q++) {
                double m = v[2 * q] * v[2 * q] + v[2 * q + 1] * v[2 * q + 1];
                int site = q / 2;
                int i = site % (nx + 1);
                int j = site / (nx + 1);
                if ((q % 2 == 1 && i == 0 && mirrorLeft) || (q % 2 == 0 && j == 0 && mirrorBottom)) {
                    m *= 0.5;
                }
                all += m;
                if (flagged[q]) {
                    in += m;
                }
            }
            return all > 0 ? in / all : 0;
        }

        int unknown(int c, int i, int j) {
            return 2 * (i + (nx + 1) * j) + c;
        }

        boolean exists(int q) {
            int c = q % 2;
            int site = q / 2;
            int i = site % (nx + 1);
            int j = site / (nx + 1);
            return c == 0 ? exExists(i, j) : eyExists(i, j);
        }

        boolean exExists(int i, int j) {
            return i < nx && !(j == 0 && walls.bottom() == Wall.PEC) && !(j == ny && walls.top() == Wall.PEC);
        }

        boolean eyExists(int i, int j) {
            return j < ny && !(i == 0 && walls.left() == Wall.PEC) && !(i == nx && walls.right() == Wall.PEC);
        }

        /** A linear combination of unknowns: at most a few terms, grown as needed. */
        static final class Lin {
            int[] q = new int[16];
            double[] re = new double[16];
            double[] im = new double[16];
            int size;

            void clear() {
                size = 0;
            }

            void add(int u, double cr, double ci) {
                if (cr == 0 && ci == 0) {
                    return;
                }
                if (size == q.length) {
                    q = java.util.Arrays.copyOf(q, 2 * size);
                    re = java.util.Arrays.copyOf(re, 2 * size);
                    im = java.util.Arrays.copyOf(im, 2 * size);
                }
                q[size] = u;
                re[size] = cr;
                im[size] = ci;
                size++;
            }

            /** this += (cr + i ci) * o. */
            void addScaled(Lin o, double cr, double ci) {
                for (int t = 0; t < o.size; t++) {
                    add(o.q[t], cr * o.re[t] - ci * o.im[t], cr * o.im[t] + ci * o.re[t]);
                }
            }
        }

        /** Adds c E_x(i + 1/2, j) to l, mirroring references beyond the walls (sign by the wall's kind). */
        void ex(Lin l, int i, int j, double cr, double ci) {
            double sign = 1;
            if (i < 0) {
                i = -i - 1;
                sign *= walls.left() == Wall.PEC ? 1 : -1; // normal E: even at an electric wall
            } else if (i >= nx) {
                i = 2 * nx - i - 1;
                sign *= walls.right() == Wall.PEC ? 1 : -1;
            }
            if (j < 0) {
                j = -j;
                sign *= walls.bottom() == Wall.PEC ? -1 : 1; // tangential E: odd at an electric wall
            } else if (j > ny) {
                j = 2 * ny - j;
                sign *= walls.top() == Wall.PEC ? -1 : 1;
            }
            if (exExists(i, j)) {
                l.add(unknown(0, i, j), sign * cr, sign * ci);
            }
        }

        /** Adds c E_y(i, j + 1/2) to l with the same mirror rules. */
        void ey(Lin l, int i, int j, double cr, double ci) {
            double sign = 1;
            if (i < 0) {
                i = -i;
                sign *= walls.left() == Wall.PEC ? -1 : 1;
            } else if (i > nx) {
                i = 2 * nx - i;
                sign *= walls.right() == Wall.PEC ? -1 : 1;
            }
            if (j < 0) {
                j = -j - 1;
                sign *= walls.bottom() == Wall.PEC ? 1 : -1;
            } else if (j >= ny) {
                j = 2 * ny - j - 1;
                sign *= walls.top() == Wall.PEC ? 1 : -1;
            }
            if (eyExists(i, j)) {
                l.add(unknown(1, i, j), sign * cr, sign * ci);
            }
        }

        private static int mirror(int i, int len) {
            if (i < 0) {
                return -i - 1;
            }
            return i >= len ? 2 * len - i - 1 : i;
        }

        double[] epsAt(double[][] eps, int i, int j, int mx, int my, boolean nodeX, boolean nodeY) {
            // mirrored index: node arrays mirror about index 0 / m-1, half arrays about -1/2 / m-1/2
            int ii = nodeX ? (i < 0 ? -i : i >= mx ? 2 * (mx - 1) - i : i) : mirror(i, mx);
            int jj = nodeY ? (j < 0 ? -j : j >= my ? 2 * (my - 1) - j : j) : mirror(j, my);
            int p = ii + mx * jj;
            return new double[] {eps[0][p], eps[1][p]};
        }

        double[] sAt(double[][] s, int i) {
            return s[Math.max(0, Math.min(s.length - 1, i))];
        }

        /** D(i, j) = (d_x(eps_x E_x) + d_y(eps_y E_y)) / eps_z at node (i, j), derivatives in units of 1/k0. */
        void divergence(Lin l, int i, int j) {
            double[] ez = epsAt(epsZ, i, j, nx + 1, ny + 1, true, true);
            double[] inv = div(new double[] {1, 0}, ez);
            double[] fx = div(inv, mul(sAt(sxNode, i), new double[] {k0 * g.dx(), 0}));
            double[] fy = div(inv, mul(sAt(syNode, j), new double[] {k0 * g.dy(), 0}));
            double[] e1 = mul(fx, epsAt(epsX, i, j, nx, ny + 1, false, true));
            double[] e0 = mul(fx, epsAt(epsX, i - 1, j, nx, ny + 1, false, true));
            ex(l, i, j, e1[0], e1[1]);
            ex(l, i - 1, j, -e0[0], -e0[1]);
            double[] f1 = mul(fy, epsAt(epsY, i, j, nx + 1, ny, true, false));
            double[] f0 = mul(fy, epsAt(epsY, i, j - 1, nx + 1, ny, true, false));
            ey(l, i, j, f1[0], f1[1]);
            ey(l, i, j - 1, -f0[0], -f0[1]);
        }

        /** h_z(i + 1/2, j + 1/2) = d_x E_y - d_y E_x, derivatives in units of 1/k0. */
        void curl(Lin l, int i, int j) {
            double[] fx = div(new double[] {1, 0}, mul(sAt(sxHalf, i), new double[] {k0 * g.dx(), 0}));
            double[] fy = div(new double[] {1, 0}, mul(sAt(syHalf, j), new double[] {k0 * g.dy(), 0}));
            ey(l, i + 1, j, fx[0], fx[1]);
            ey(l, i, j, -fx[0], -fx[1]);
            ex(l, i, j + 1, -fy[0], -fy[1]);
            ex(l, i, j, fy[0], fy[1]);
        }

        GridMatrix assemble() {
            GridMatrix a = new GridMatrix(nx + 1, ny + 1, 2);
            Lin row = new Lin();
            Lin t = new Lin();
            for (int j = 0; j <= ny; j++) {
                for (int i = 0; i <= nx; i++) {
                    // E_x row: eps_x E_x - d_y h_z + d_x D
                    row.clear();
                    if (exExists(i, j)) {
                        double[] e = epsAt(epsX, i, j, nx, ny + 1, false, true);
                        ex(row, i, j, e[0], e[1]);
                        double[] fy = div(new double[] {1, 0}, mul(sAt(syNode, j), new double[] {k0 * g.dy(), 0}));
                        t.clear();
                        curl(t, i, j);
                        row.addScaled(t, -fy[0], -fy[1]);
                        t.clear();
                        curl(t, i, j - 1);
                        row.addScaled(t, fy[0], fy[1]);
                        double[] fx = div(new double[] {1, 0}, mul(sAt(sxHalf, i), new double[] {k0 * g.dx(), 0}));
                        t.clear();
                        divergence(t, i + 1, j);
                        row.addScaled(t, fx[0], fx[1]);
                        t.clear();
                        divergence(t, i, j);
                        row.addScaled(t, -fx[0], -fx[1]);
                        put(a, i, j, 0, row);
                    } else {
                        a.add(i, j, 0, 0, 0, 0, 1, 0);
                    }
                    row.clear();
                    if (eyExists(i, j)) {
                        double[] e = epsAt(epsY, i, j, nx + 1, ny, true, false);
                        ey(row, i, j, e[0], e[1]);
                        double[] fx = div(new double[] {1, 0}, mul(sAt(sxNode, i), new double[] {k0 * g.dx(), 0}));
                        t.clear();
                        curl(t, i, j);
                        row.addScaled(t, fx[0], fx[1]);
                        t.clear();
                        curl(t, i - 1, j);
                        row.addScaled(t, -fx[0], -fx[1]);
                        double[] fy = div(new double[] {1, 0}, mul(sAt(syHalf, j), new double[] {k0 * g.dy(), 0}));
                        t.clear();
                        divergence(t, i, j + 1);
                        row.addScaled(t, fy[0], fy[1]);
                        t.clear();
                        divergence(t, i, j);
                        row.addScaled(t, -fy[0], -fy[1]);
                        put(a, i, j, 1, row);
                    } else {
                        a.add(i, j, 1, 0, 0, 1, 1, 0);
                    }
                }
            }
            return a;
        }

        private void put(GridMatrix a, int i, int j, int c, Lin row) {
            for (int t = 0; t < row.size; t++) {
                int q = row.q[t];
                int site = q / 2;
                int i2 = site % (nx + 1);
                int j2 = site / (nx + 1);
                a.add(i, j, c, i2 - i, j2 - j, q % 2, row.re[t], row.im[t]);
            }
        }

        /** Evaluates a linear combination on a vector. */
        static double[] eval(Lin l, double[] v) {
            double re = 0;
            double im = 0;
            for (int t = 0; t < l.size; t++) {
                double vr = v[2 * l.q[t]];
                double vi = v[2 * l.q[t] + 1];
                re += l.re[t] * vr - l.im[t] * vi;
                im += l.re[t] * vi + l.im[t] * vr;
            }
            return new double[] {re, im};
        }

        /** All six components at cell centres, scaled to 1 W. */
        Mode mode(ShiftInvertEigen.Pair p, int unfold) {
            double[] v = p.vector();
            double[] ne = {p.nEff(), p.nEffImag()};
            int n = nx * ny;
            double[][] f = new double[6][2 * n];
            Lin l = new Lin();
            // fields vary as e^{i(beta z - omega t)} (Im n_eff > 0: loss), so div(eps E) = 0 gives E_z = i D / n_eff
            double[][] ezNode = new double[(nx + 1) * (ny + 1)][];
            for (int j = 0; j <= ny; j++) {
                for (int i = 0; i <= nx; i++) {
                    l.clear();
                    divergence(l, i, j);
                    double[] d = eval(l, v);
                    ezNode[i + (nx + 1) * j] = div(new double[] {-d[1], d[0]}, ne);
                }
            }
            // H in units of E / eta0 from curl E = i k0 eta0 H: H_x = -i d_y E_z - n_eff E_y at E_y points,
            // H_y = n_eff E_x + i d_x E_z at E_x points, H_z = -i h_z
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    int p2 = 2 * (i + nx * j);
                    double[] ex0 = val(v, 0, i, j);
                    double[] ex1 = val(v, 0, i, j + 1);
                    double[] ey0 = val(v, 1, i, j);
                    double[] ey1 = val(v, 1, i + 1, j);
                    set(f[0], p2, 0.5 * (ex0[0] + ex1[0]), 0.5 * (ex0[1] + ex1[1]));
                    set(f[1], p2, 0.5 * (ey0[0] + ey1[0]), 0.5 * (ey0[1] + ey1[1]));
                    double[] z00 = ezNode[i + (nx + 1) * j];
                    double[] z10 = ezNode[i + 1 + (nx + 1) * j];
                    double[] z01 = ezNode[i + (nx + 1) * (j + 1)];
                    double[] z11 = ezNode[i + 1 + (nx + 1) * (j + 1)];
                    set(f[2], p2, 0.25 * (z00[0] + z10[0] + z01[0] + z11[0]), 0.25 * (z00[1] + z10[1] + z01[1] + z11[1]));
                    // d_y E_z at E_y points (i, j+1/2) and (i+1, j+1/2), in units of 1/k0
                    double[] hx0 = hx(ey0, z00, z01, j, ne);
                    double[] hx1 = hx(ey1, z10, z11, j, ne);
                    set(f[3], p2, 0.5 * (hx0[0] + hx1[0]), 0.5 * (hx0[1] + hx1[1]));
                    double[] hy0 = hy(ex0, z00, z10, i, ne);
                    double[] hy1 = hy(ex1, z01, z11, i, ne);
                    set(f[4], p2, 0.5 * (hy0[0] + hy1[0]), 0.5 * (hy0[1] + hy1[1]));
                    l.clear();
                    curl(l, i, j);
                    double[] hz = eval(l, v);
                    set(f[5], p2, hz[1], -hz[0]);
                }
            }
            // power through the window, then the whole cross-section: 1/2 Re int (E x H*) . z with H = f/eta0
            double power = 0;
            double ex2 = 0;
            double et2 = 0;
            for (int q = 0; q < n; q++) {
                double sz = f[0][2 * q] * f[4][2 * q] + f[0][2 * q + 1] * f[4][2 * q + 1]
                        - (f[1][2 * q] * f[3][2 * q] + f[1][2 * q + 1] * f[3][2 * q + 1]);
                power += 0.5 * sz / ETA0 * g.dx() * g.dy();
                double ax = f[0][2 * q] * f[0][2 * q] + f[0][2 * q + 1] * f[0][2 * q + 1];
                double ay = f[1][2 * q] * f[1][2 * q] + f[1][2 * q + 1] * f[1][2 * q + 1];
                ex2 += ax;
                et2 += ax + ay;
            }
            power *= unfold;
            double scaleE = 1 / Math.sqrt(Math.abs(power));
            for (int c = 0; c < 6; c++) {
                double sc = c < 3 ? scaleE : scaleE / ETA0;
                for (int q = 0; q < 2 * n; q++) {
                    f[c][q] *= sc;
                }
            }
            double e2 = 0;
            double e4 = 0;
            for (int q = 0; q < n; q++) {
                double e = 0;
                for (int c = 0; c < 3; c++) {
                    e += f[c][2 * q] * f[c][2 * q] + f[c][2 * q + 1] * f[c][2 * q + 1];
                }
                e2 += e;
                e4 += e * e;
            }
            double aEff = unfold * e2 * e2 / e4 * g.dx() * g.dy();
            return new Mode(p.nEff(), p.nEffImag(), f, p.pmlFraction(), ex2 / et2, aEff);
        }

        private double[] hx(double[] ey, double[] zLow, double[] zHigh, int j, double[] ne) {
            double[] fy = div(new double[] {1, 0}, mul(sAt(syHalf, j), new double[] {k0 * g.dy(), 0}));
            double[] dz = mul(fy, new double[] {zHigh[0] - zLow[0], zHigh[1] - zLow[1]});
            double[] ney = mul(ne, ey);
            return new double[] {dz[1] - ney[0], -dz[0] - ney[1]};
        }

        private double[] hy(double[] ex, double[] zLow, double[] zHigh, int i, double[] ne) {
            double[] fx = div(new double[] {1, 0}, mul(sAt(sxHalf, i), new double[] {k0 * g.dx(), 0}));
            double[] dz = mul(fx, new double[] {zHigh[0] - zLow[0], zHigh[1] - zLow[1]});
            double[] nex = mul(ne, ex);
            return new double[] {nex[0] - dz[1], nex[1] + dz[0]};
        }

        /** Scratch for {@link #val}, which runs four times per cell per mode. */
        private final Lin valScratch = new Lin();

        private double[] val(double[] v, int c, int i, int j) {
            Lin l = valScratch;
            l.clear();
            if (c == 0) {
                ex(l, i, j, 1, 0);
            } else {
                ey(l, i, j, 1, 0);
            }
            return eval(l, v);
        }

        private static void set(double[] a, int p2, double re, double im) {
            a[p2] = re;
            a[p2 + 1] = im;
        }
    }
}
