package org.glassguide.solver.fd;

import static org.glassguide.solver.special.ComplexMath.div;
import static org.glassguide.solver.special.ComplexMath.mul;

import java.util.ArrayList;
import java.util.List;

import org.glassguide.solver.ModalLoss;
import org.glassguide.solver.ProgressMonitor;

/**
 * Scalar finite-difference modes of a 2D cross-section with perfectly matched layers: the Helmholtz
 * operator in complex-stretched coordinates, written symmetrically as
 * d/dx (s_y/s_x d psi/dx) + d/dy (s_x/s_y d psi/dy) + k0^2 eps s_x s_y psi = beta^2 s_x s_y psi
 * (A psi = n_eff^2 B psi after dividing by k0^2), five-point stencil on a uniform cell-centred grid
 * with zero field beyond the window. Modes nearest a target index come from shift-invert Arnoldi:
 * (A - sigma B)^-1 B by a nested-dissection sparse LU ({@link ShiftInvertEigen}). Complex
 * eps (absorption) and the PML make n_eff complex: its imaginary part is the modal loss.
 */
public final class FdScalarModeSolver {
    /**
     * Uniform grid: cell centres x0 + (i + 1/2) dx, y0 + (j + 1/2) dy. One row (ny = 1) is a slab: the field
     * does not vary in y (no y derivative, no PML in y), the cross-section sampled on that row.
     */
    public record Grid(double x0, double y0, double dx, double dy, int nx, int ny) {
        public Grid {
            if (!(dx > 0) || !(dy > 0) || nx < 3 || (ny < 3 && ny != 1)) {
                throw new IllegalArgumentException("grid needs positive steps and at least 3 x 3 cells (or 3 x 1 for a slab)");
            }
        }

        /** The slab of an x-z problem: nx cells of width dx from x0, sampled on the line y = 0. */
        public static Grid slab(double x0, double dx, int nx) {
            return new Grid(x0, -1e-15, dx, 2e-15, nx, 1);
        }

        public boolean isSlab() {
            return ny == 1;
        }

        /** A window [-w/2, w/2] x [-h/2, h/2] with square cells of the given step. */
        public static Grid centred(double width, double height, double step) {
            // a first, cheap refusal before an int overflows: the solvers check their own need on the grid
            ShiftInvertEigen.requireMemory("2D mode solver", Math.rint(width / step), Math.rint(height / step), 1, 1);
            int nx = (int) Math.round(width / step);
            int ny = (int) Math.round(height / step);
            return new Grid(-0.5 * nx * step, -0.5 * ny * step, step, step, nx, ny);
        }
    }

    /** Refuses a scalar solve on an nx x ny grid that cannot fit in memory, before anything is allocated. */
    public static void requireMemory(String what, double nx, double ny, int wanted) {
        ShiftInvertEigen.requireMemory(what, nx, ny, 1, wanted);
    }

    /**
     * PML on all four sides.
     *
     * @param cells thickness in cells (0: none, metal walls)
     * @param decades one-way amplitude attenuation across it at normal incidence, in decades
     */
    public record Pml(int cells, double decades) {
        public Pml {
            if (cells < 0 || !(decades > 0)) {
                throw new IllegalArgumentException("PML needs cells >= 0 and decades > 0");
            }
        }
    }

    /**
     * A mode: complex effective index, its field (interleaved re/im, index i + nx j) and the fraction of
     * |field|^2 inside the PML (near 1 for the PML's own box modes, which are no waveguide modes).
     */
    public record Mode(double nEff, double nEffImag, double[] field, double pmlFraction) {
        /** Power loss in dB/m from Im n_eff. */
        public double lossDbPerMetre(double wavelength) {
            return ModalLoss.dbPerMetre(nEffImag, wavelength);
        }
    }

    /**
     * Field model: the scalar Helmholtz equation, or the semi-vectorial one for the dominant transverse
     * component (quasi-TE: E_x, whose normal part eps E_x is continuous across vertical interfaces;
     * quasi-TM: E_y, across horizontal ones): d/dx [(1/eps) d/dx (eps E_x)] replaces d2/dx2 E_x.
     */
    public enum Polarization { SCALAR, QUASI_TE, QUASI_TM }

    /**
     * A mirror plane on the window's left (x) or bottom (y) edge and the parity of the modes it keeps: the field
     * beyond it is the image of the field inside, with the same sign (even: no flux through the plane) or the
     * opposite (odd: the field vanishes on it).
     */
    public enum Mirror { NONE, EVEN, ODD }

    private Polarization polarization = Polarization.SCALAR;
    private Mirror mirrorLeft = Mirror.NONE;
    private Mirror mirrorBottom = Mirror.NONE;
    private boolean[] pmlSides = {true, true, true, true};

    /** A solver for the given field model (the default constructor solves the scalar equation). */
    public FdScalarModeSolver withPolarization(Polarization p) {
        FdScalarModeSolver s = copy();
        s.polarization = p;
        return s;
    }

    /**
     * A solver that treats the window's left edge as a mirror plane for fields even in x (zero flux
     * through it, the PMC wall of quasi-TE / the PEC wall of quasi-TM for the fundamental): half the
     * grid for structures symmetric about that edge. The PML, if any, then covers the other three sides.
     */
    public FdScalarModeSolver withEvenMirrorAtLeftEdge() {
        return withMirrors(Mirror.EVEN, Mirror.NONE);
    }

    /**
     * A solver with mirror planes on the window's left edge (x) and / or bottom edge (y), each keeping the modes
     * of the given parity: a half or quarter of the grid for structures symmetric about those edges. A mirror
     * edge never carries the PML.
     */
    public FdScalarModeSolver withMirrors(Mirror left, Mirror bottom) {
        FdScalarModeSolver s = copy();
        s.mirrorLeft = left;
        s.mirrorBottom = bottom;
        return s;
    }

    /** A solver whose PML covers only the given sides of the window (the others are metal walls). */
    public FdScalarModeSolver withPmlOn(boolean left, boolean right, boolean bottom, boolean top) {
        FdScalarModeSolver s = copy();
        s.pmlSides = new boolean[] {left, right, bottom, top};
        return s;
    }

    private FdScalarModeSolver copy() {
        FdScalarModeSolver s = new FdScalarModeSolver();
        s.polarization = polarization;
        s.mirrorLeft = mirrorLeft;
        s.mirrorBottom = mirrorBottom;
        s.pmlSides = pmlSides.clone();
        s.statistics = statistics;
        s.operatorSink = operatorSink;
        return s;
    }

    private java.util.function.Consumer<SparseOperator> operatorSink = o -> { };

    /** A solver that hands each assembled operator to the consumer before solving (to compare with another library). */
    public FdScalarModeSolver withOperator(java.util.function.Consumer<SparseOperator> sink) {
        FdScalarModeSolver s = copy();
        s.operatorSink = sink;
        return s;
    }

    private java.util.function.Consumer<EigenStatistics> statistics = s -> { };

    /** A solver that reports each eigen-solve's cost (cycles, solves, factor size, times) to the consumer. */
    public FdScalarModeSolver withStatistics(java.util.function.Consumer<EigenStatistics> sink) {
        FdScalarModeSolver s = copy();
        s.statistics = sink;
        return s;
    }

    public List<Mode> solve(CrossSection cs, double wavelength, Grid g, Pml pml, int wanted, double targetIndex,
            ProgressMonitor monitor) {
        return solve(cs, wavelength, g, pml, wanted, targetIndex, Double.NEGATIVE_INFINITY, monitor);
    }

    /**
     * As above; modes with Re n_eff below {@code radiationBelow} (the background index, when nothing is
     * lower) belong to the radiation continuum and do not hold up convergence.
     */
    public List<Mode> solve(CrossSection cs, double wavelength, Grid g, Pml pml, int wanted, double targetIndex,
            double radiationBelow, ProgressMonitor monitor) {
        return search(cs, wavelength, g, pml, wanted, targetIndex, radiationBelow, monitor).nearest(wanted, monitor);
    }

    /**
     * The operator factorised for modes near {@code targetIndex}, ready to be asked for them in growing numbers (a
     * larger request resumes the iteration); {@code wanted}: the number expected, for the memory check.
     */
    public ModeSearch<Mode> search(CrossSection cs, double wavelength, Grid g, Pml pml, int wanted, double targetIndex,
            double radiationBelow, ProgressMonitor monitor) {
        int nx = g.nx();
        int ny = g.ny();
        ShiftInvertEigen.requireMemory("scalar 2D mode solver", nx, ny, 1, wanted);
        int n = nx * ny;
        double k0 = 2 * Math.PI / wavelength;
        double[][] eps = cs.sample(g.x0(), g.y0(), g.dx(), g.dy(), nx, ny, 8);
        // the PML is graded for the background (not the grid's first cell: next to a mirror plane that is the core)
        double[] bgEps = new double[2];
        cs.eps(Double.MAX_VALUE, Double.MAX_VALUE, bgEps);
        double nBg = Math.sqrt(Math.max(bgEps[0], 1.0));
        // stretching factors at centres (c) and faces (f, index i means face i - 1/2)
        // a mirror edge carries no PML
        boolean left = pmlSides[0] && mirrorLeft == Mirror.NONE;
        double[][] sxc = stretch(nx, g.dx(), pml, k0, nBg, false, left, pmlSides[1]);
        double[][] sxf = stretch(nx, g.dx(), pml, k0, nBg, true, left, pmlSides[1]);
        // a slab has no y derivative and no PML in y
        boolean bottom = pmlSides[2] && !g.isSlab() && mirrorBottom == Mirror.NONE;
        boolean top = pmlSides[3] && !g.isSlab();
        double[][] syc = stretch(ny, g.dy(), pml, k0, nBg, false, bottom, top);
        double[][] syf = stretch(ny, g.dy(), pml, k0, nBg, true, bottom, top);
        double cx = 1 / (k0 * k0 * g.dx() * g.dx());
        double cy = g.isSlab() ? 0 : 1 / (k0 * k0 * g.dy() * g.dy());
        // coefficients: west, east, south, north (complex), diagonal without shift, B
        double[] w = new double[2 * n];
        double[] e = new double[2 * n];
        double[] s = new double[2 * n];
        double[] no = new double[2 * n];
        double[] d = new double[2 * n];
        double[] b = new double[2 * n];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int p = i + nx * j;
                double[] aw = scale(div(syc[j], sxf[i]), cx);
                double[] ae = scale(div(syc[j], sxf[i + 1]), cx);
                double[] as = scale(div(sxc[i], syf[j]), cy);
                double[] an = scale(div(sxc[i], syf[j + 1]), cy);
                double[] bb = mul(sxc[i], syc[j]);
                double[] epsP = {eps[0][p], eps[1][p]};
                double[] ebb = mul(epsP, bb);
                // semi-vectorial: the flux through a face normal to the field is (eps_nb E_nb - eps_p E_p)/eps_face
                double[] dw = aw;
                double[] de = ae;
                double[] ds = as;
                double[] dn = an;
                if (polarization == Polarization.QUASI_TE) {
                    double[] ew = i > 0 ? new double[] {eps[0][p - 1], eps[1][p - 1]} : epsP;
                    double[] ee = i + 1 < nx ? new double[] {eps[0][p + 1], eps[1][p + 1]} : epsP;
                    double[] fw = avg(ew, epsP);
                    double[] fe = avg(ee, epsP);
                    dw = mul(aw, div(epsP, fw));
                    de = mul(ae, div(epsP, fe));
                    aw = mul(aw, div(ew, fw));
                    ae = mul(ae, div(ee, fe));
                } else if (polarization == Polarization.QUASI_TM) {
                    double[] es = j > 0 ? new double[] {eps[0][p - nx], eps[1][p - nx]} : epsP;
                    double[] en = j + 1 < ny ? new double[] {eps[0][p + nx], eps[1][p + nx]} : epsP;
                    double[] fs = avg(es, epsP);
                    double[] fn = avg(en, epsP);
                    ds = mul(as, div(epsP, fs));
                    dn = mul(an, div(epsP, fn));
                    as = mul(as, div(es, fs));
                    an = mul(an, div(en, fn));
                }
                w[2 * p] = aw[0];
                w[2 * p + 1] = aw[1];
                e[2 * p] = ae[0];
                e[2 * p + 1] = ae[1];
                s[2 * p] = as[0];
                s[2 * p + 1] = as[1];
                no[2 * p] = an[0];
                no[2 * p + 1] = an[1];
                // the image beyond a mirror: psi(-1) = +-psi(0), so its coupling folds into the diagonal
                // (even: no flux through the plane; odd: the field vanishes on it)
                if (i == 0 && mirrorLeft != Mirror.NONE) {
                    dw = mirrorLeft == Mirror.EVEN ? new double[2] : new double[] {dw[0] + aw[0], dw[1] + aw[1]};
                }
                if (j == 0 && mirrorBottom != Mirror.NONE && !g.isSlab()) {
                    ds = mirrorBottom == Mirror.EVEN ? new double[2] : new double[] {ds[0] + as[0], ds[1] + as[1]};
                }
                d[2 * p] = -(dw[0] + de[0] + ds[0] + dn[0]) + ebb[0];
                d[2 * p + 1] = -(dw[1] + de[1] + ds[1] + dn[1]) + ebb[1];
                b[2 * p] = bb[0];
                b[2 * p + 1] = bb[1];
            }
        }
        GridMatrix a = new GridMatrix(nx, ny, 1);
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int p = i + nx * j;
                a.add(i, j, 0, 0, 0, 0, d[2 * p], d[2 * p + 1]);
                a.add(i, j, 0, -1, 0, 0, w[2 * p], w[2 * p + 1]);
                a.add(i, j, 0, 1, 0, 0, e[2 * p], e[2 * p + 1]);
                a.add(i, j, 0, 0, -1, 0, s[2 * p], s[2 * p + 1]);
                a.add(i, j, 0, 0, 1, 0, no[2 * p], no[2 * p + 1]);
            }
        }
        boolean[] inPml = new boolean[n];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int c = pml.cells();
                inPml[i + nx * j] = (i < c && left) || (j < c && bottom) || (i >= nx - c && pmlSides[1]) || (j >= ny - c && top);
            }
        }
        // degenerate pairs reported as lobes along x and along y (about the window's centre)
        double[] form = new double[n];
        // (the whole window's centre: a mirror edge)
        double xc = mirrorLeft != Mirror.NONE ? g.x0() : g.x0() + 0.5 * nx * g.dx();
        double yc = mirrorBottom != Mirror.NONE ? g.y0() : g.y0() + 0.5 * ny * g.dy();
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                double x = g.x0() + (i + 0.5) * g.dx() - xc;
                double y = g.isSlab() ? 0 : g.y0() + (j + 0.5) * g.dy() - yc;
                form[i + nx * j] = x * x - y * y;
            }
        }
        operatorSink.accept(new SparseOperator(a, b, targetIndex * targetIndex));
        ShiftInvertEigen.Session session = new ShiftInvertEigen.Session(a, b, targetIndex * targetIndex, v -> massIn(v, inPml, 1),
                radiationBelow, form, monitor);
        java.util.function.Consumer<EigenStatistics> sink = statistics;
        return (count, mon) -> {
            List<Mode> modes = new ArrayList<>();
            for (ShiftInvertEigen.Pair pr : session.nearest(count, sink, mon)) {
                modes.add(new Mode(pr.nEff(), pr.nEffImag(), pr.vector(), pr.pmlFraction()));
            }
            return modes;
        };
    }

    /** Share of |v|^2 on the flagged sites (v interleaved re/im, dof unknowns per site). */
    static double massIn(double[] v, boolean[] flagged, int dof) {
        double in = 0;
        double all = 0;
        for (int q = 0; q < v.length / 2; q++) {
            double m = v[2 * q] * v[2 * q] + v[2 * q + 1] * v[2 * q + 1];
            all += m;
            if (flagged[q / dof]) {
                in += m;
            }
        }
        return all > 0 ? in / all : 0;
    }

    /** s = 1 + i S t^2 in the PML on the flagged sides (t: normalised depth), 1 elsewhere; at centres or faces (length m + 1). */
    private static double[][] stretch(int m, double h, Pml pml, double k0, double nBg, boolean faces, boolean lowSide, boolean highSide) {
        int len = faces ? m + 1 : m;
        double[][] out = new double[len][];
        double dpml = pml.cells() * h;
        double sMax = pml.cells() == 0 ? 0 : ModalLoss.pmlPeakStretch(pml.decades(), k0, nBg, dpml);
        for (int i = 0; i < len; i++) {
            double x = faces ? i * h : (i + 0.5) * h; // from the window edge
            double depth = Math.max(lowSide ? dpml - x : -1, highSide ? x - (m * h - dpml) : -1);
            double t = dpml > 0 ? Math.max(0, depth / dpml) : 0;
            out[i] = new double[] {1, sMax * t * t};
        }
        return out;
    }

    private static double[] avg(double[] a, double[] b) {
        return new double[] {0.5 * (a[0] + b[0]), 0.5 * (a[1] + b[1])};
    }

    private static double[] scale(double[] a, double f) {
        return new double[] {a[0] * f, a[1] * f};
    }
}
