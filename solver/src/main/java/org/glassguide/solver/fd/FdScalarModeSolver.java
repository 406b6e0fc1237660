package org.glassguide.solver.fd;

import static org.glassguide.solver.special.ComplexMath.div;
import static org.glassguide.solver.special.ComplexMath.mul;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.solver.ModalLoss;
import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.special.ComplexMath;

/**
 * Scalar finite-difference modes of a 2D cross-section with perfectly matched layers: the Helmholtz
 * operator in complex-stretched coordinates, written symmetrically as
 * d/dx (s_y/s_x d psi/dx) + d/dy (s_x/s_y d psi/dy) + k0^2 eps s_x s_y psi = beta^2 s_x s_y psi
 * (A psi = n_eff^2 B psi after dividing by k0^2), five-point stencil on a uniform cell-centred grid
 * with zero field beyond the window. Modes nearest a target index come from shift-invert Arnoldi:
 * (A - sigma B)^-1 B by a complex banded LU (ordered along the shorter side), Ritz values from a small
 * complex QR, explicit restarts until every wanted Ritz pair's residual is below 1e-9. Complex
 * eps (absorption) and the PML make n_eff complex: its imaginary part is the modal loss.
 */
public final class FdScalarModeSolver {
    /** Uniform grid: cell centres x0 + (i + 1/2) dx, y0 + (j + 1/2) dy. */
    public record Grid(double x0, double y0, double dx, double dy, int nx, int ny) {
        public Grid {
            if (!(dx > 0) || !(dy > 0) || nx < 3 || ny < 3) {
                throw new IllegalArgumentException("grid needs positive steps and at least 3 x 3 cells");
            }
        }

        /** A window [-w/2, w/2] x [-h/2, h/2] with square cells of the given step. */
        public static Grid centred(double width, double height, double step) {
            int nx = (int) Math.round(width / step);
            int ny = (int) Math.round(height / step);
            return new Grid(-0.5 * nx * step, -0.5 * ny * step, step, step, nx, ny);
        }
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

    private Polarization polarization = Polarization.SCALAR;
    private boolean evenAtLeftEdge;

    /** A solver for the given field model (the default constructor solves the scalar equation). */
    public FdScalarModeSolver withPolarization(Polarization p) {
        FdScalarModeSolver s = new FdScalarModeSolver();
        s.polarization = p;
        s.evenAtLeftEdge = evenAtLeftEdge;
        return s;
    }

    /**
     * A solver that treats the window's left edge as a mirror plane for fields even in x (zero flux
     * through it, the PMC wall of quasi-TE / the PEC wall of quasi-TM for the fundamental): half the
     * grid for structures symmetric about that edge. The PML, if any, then covers the other three sides.
     */
    public FdScalarModeSolver withEvenMirrorAtLeftEdge() {
        FdScalarModeSolver s = new FdScalarModeSolver();
        s.polarization = polarization;
        s.evenAtLeftEdge = true;
        return s;
    }

    private static final long MAX_BAND_WORK = 400_000_000_000L;

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
        int nx = g.nx();
        int ny = g.ny();
        int n = nx * ny;
        boolean xFast = nx <= ny; // order along the shorter side: bandwidth min(nx, ny)
        int band = xFast ? nx : ny;
        if ((long) n * band * band * 2 > MAX_BAND_WORK) {
            throw new GlassGuideException(Messages.OUT_OF_RANGE, "2D grid", nx + " x " + ny, "a smaller grid (band LU work grows as nx ny min(nx,ny)^2)");
        }
        double k0 = 2 * Math.PI / wavelength;
        double[][] eps = cs.sample(g.x0(), g.y0(), g.dx(), g.dy(), nx, ny, 8);
        double nBg = Math.sqrt(Math.max(eps[0][0], 1.0));
        // stretching factors at centres (c) and faces (f, index i means face i - 1/2)
        // a mirror edge carries no PML
        double[][] sxc = stretch(nx, g.dx(), pml, k0, nBg, false, !evenAtLeftEdge);
        double[][] sxf = stretch(nx, g.dx(), pml, k0, nBg, true, !evenAtLeftEdge);
        double[][] syc = stretch(ny, g.dy(), pml, k0, nBg, false, true);
        double[][] syf = stretch(ny, g.dy(), pml, k0, nBg, true, true);
        double cx = 1 / (k0 * k0 * g.dx() * g.dx());
        double cy = 1 / (k0 * k0 * g.dy() * g.dy());
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
                if (i == 0 && evenAtLeftEdge) {
                    dw = new double[2]; // psi(-1) = psi(0): no flux through the mirror
                }
                d[2 * p] = -(dw[0] + de[0] + ds[0] + dn[0]) + ebb[0];
                d[2 * p + 1] = -(dw[1] + de[1] + ds[1] + dn[1]) + ebb[1];
                b[2 * p] = bb[0];
                b[2 * p + 1] = bb[1];
            }
        }
        double sigma = targetIndex * targetIndex;
        ComplexBandedLu lu = new ComplexBandedLu(n, band, band);
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int p = i + nx * j;
                int r = xFast ? p : j + ny * i;
                lu.add(r, r, d[2 * p] - sigma * b[2 * p], d[2 * p + 1] - sigma * b[2 * p + 1]);
                if (i > 0) {
                    lu.add(r, order(i - 1, j, nx, ny, xFast), w[2 * p], w[2 * p + 1]);
                }
                if (i + 1 < nx) {
                    lu.add(r, order(i + 1, j, nx, ny, xFast), e[2 * p], e[2 * p + 1]);
                }
                if (j > 0) {
                    lu.add(r, order(i, j - 1, nx, ny, xFast), s[2 * p], s[2 * p + 1]);
                }
                if (j + 1 < ny) {
                    lu.add(r, order(i, j + 1, nx, ny, xFast), no[2 * p], no[2 * p + 1]);
                }
            }
        }
        monitor.progress(0, 3, "factorising");
        lu.factor();
        monitor.checkCancelled();
        monitor.progress(1, 3, "Arnoldi");
        Operator op = new Operator(nx, ny, xFast, w, e, s, no, d, b, lu);
        boolean[] inPml = new boolean[n];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int c = pml.cells();
                inPml[i + nx * j] = (i < c && !evenAtLeftEdge) || j < c || i >= nx - c || j >= ny - c;
            }
        }
        List<Mode> modes = arnoldi(op, n, wanted, sigma, inPml, radiationBelow, monitor);
        monitor.progress(3, 3, "done");
        return modes;
    }

    private static int order(int i, int j, int nx, int ny, boolean xFast) {
        return xFast ? i + nx * j : j + ny * i;
    }

    /** s = 1 + i S t^2 in the PML (t: normalised depth), 1 elsewhere; at centres or faces (length m + 1). */
    private static double[][] stretch(int m, double h, Pml pml, double k0, double nBg, boolean faces, boolean lowSide) {
        int len = faces ? m + 1 : m;
        double[][] out = new double[len][];
        double dpml = pml.cells() * h;
        double sMax = pml.cells() == 0 ? 0 : ModalLoss.pmlPeakStretch(pml.decades(), k0, nBg, dpml);
        for (int i = 0; i < len; i++) {
            double x = faces ? i * h : (i + 0.5) * h; // from the window edge
            double depth = Math.max(lowSide ? dpml - x : -1, x - (m * h - dpml));
            double t = dpml > 0 ? Math.max(0, depth / dpml) : 0;
            out[i] = new double[] {1, sMax * t * t};
        }
        return out;
    }

    /** Applies A, B and the shift-invert operator on grid-ordered complex vectors. */
    private static final class Operator {
        final int nx;
        final int ny;
        final boolean xFast;
        final double[] w;
        final double[] e;
        final double[] s;
        final double[] no;
        final double[] d;
        final double[] b;
        final ComplexBandedLu lu;

        Operator(int nx, int ny, boolean xFast, double[] w, double[] e, double[] s, double[] no, double[] d, double[] b,
                ComplexBandedLu lu) {
            this.nx = nx;
            this.ny = ny;
            this.xFast = xFast;
            this.w = w;
            this.e = e;
            this.s = s;
            this.no = no;
            this.d = d;
            this.b = b;
            this.lu = lu;
        }

        void applyA(double[] x, double[] y) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    int p = i + nx * j;
                    double re = d[2 * p] * x[2 * p] - d[2 * p + 1] * x[2 * p + 1];
                    double im = d[2 * p] * x[2 * p + 1] + d[2 * p + 1] * x[2 * p];
                    if (i > 0) {
                        re += w[2 * p] * x[2 * p - 2] - w[2 * p + 1] * x[2 * p - 1];
                        im += w[2 * p] * x[2 * p - 1] + w[2 * p + 1] * x[2 * p - 2];
                    }
                    if (i + 1 < nx) {
                        re += e[2 * p] * x[2 * p + 2] - e[2 * p + 1] * x[2 * p + 3];
                        im += e[2 * p] * x[2 * p + 3] + e[2 * p + 1] * x[2 * p + 2];
                    }
                    if (j > 0) {
                        int q = 2 * (p - nx);
                        re += s[2 * p] * x[q] - s[2 * p + 1] * x[q + 1];
                        im += s[2 * p] * x[q + 1] + s[2 * p + 1] * x[q];
                    }
                    if (j + 1 < ny) {
                        int q = 2 * (p + nx);
                        re += no[2 * p] * x[q] - no[2 * p + 1] * x[q + 1];
                        im += no[2 * p] * x[q + 1] + no[2 * p + 1] * x[q];
                    }
                    y[2 * p] = re;
                    y[2 * p + 1] = im;
                }
            }
        }

        void applyB(double[] x, double[] y) {
            for (int p = 0; p < x.length / 2; p++) {
                y[2 * p] = b[2 * p] * x[2 * p] - b[2 * p + 1] * x[2 * p + 1];
                y[2 * p + 1] = b[2 * p] * x[2 * p + 1] + b[2 * p + 1] * x[2 * p];
            }
        }

        /** y = (A - sigma B)^-1 B x. */
        void shiftInvert(double[] x, double[] y) {
            double[] bx = new double[x.length];
            applyB(x, bx);
            if (xFast) {
                System.arraycopy(bx, 0, y, 0, bx.length);
                lu.solve(y);
                return;
            }
            double[] t = new double[bx.length];
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    int p = i + nx * j;
                    int r = j + ny * i;
                    t[2 * r] = bx[2 * p];
                    t[2 * r + 1] = bx[2 * p + 1];
                }
            }
            lu.solve(t);
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    int p = i + nx * j;
                    int r = j + ny * i;
                    y[2 * p] = t[2 * r];
                    y[2 * p + 1] = t[2 * r + 1];
                }
            }
        }
    }

    private static List<Mode> arnoldi(Operator op, int n, int wanted, double sigma, boolean[] inPml, double radiationBelow,
            ProgressMonitor monitor) {
        int m = Math.min(n - 1, Math.max(2 * wanted + 20, 40));
        java.util.Random rnd = new java.util.Random(11);
        double[] start = new double[2 * n];
        for (int i = 0; i < start.length; i++) {
            start[i] = rnd.nextDouble() - 0.5;
        }
        List<Mode> best = null;
        for (int cycle = 0; cycle < 12; cycle++) {
            monitor.checkCancelled();
            double[][] v = new double[m + 1][];
            double[][] hr = new double[m + 1][m];
            double[][] hi = new double[m + 1][m];
            v[0] = normalised(start);
            int built = m;
            for (int k = 0; k < m; k++) {
                double[] wv = new double[2 * n];
                op.shiftInvert(v[k], wv);
                for (int pass = 0; pass < 2; pass++) { // modified Gram-Schmidt, twice
                    for (int j = 0; j <= k; j++) {
                        double[] c = dot(v[j], wv);
                        hr[j][k] += c[0];
                        hi[j][k] += c[1];
                        axpy(-c[0], -c[1], v[j], wv);
                    }
                }
                double norm = Math.sqrt(dot(wv, wv)[0]);
                hr[k + 1][k] = norm;
                if (norm < 1e-300) {
                    built = k + 1;
                    break;
                }
                v[k + 1] = scaleVec(wv, 1 / norm);
            }
            double[][] hmr = new double[built][built];
            double[][] hmi = new double[built][built];
            for (int i = 0; i < built; i++) {
                for (int j = 0; j < built; j++) {
                    hmr[i][j] = hr[i][j];
                    hmi[i][j] = hi[i][j];
                }
            }
            double[][] theta = SmallComplexEigen.hessenbergEigenvalues(hmr, hmi);
            Integer[] idx = new Integer[built];
            for (int i = 0; i < built; i++) {
                idx[i] = i;
            }
            java.util.Arrays.sort(idx, Comparator.comparingDouble(i -> -Math.hypot(theta[0][i], theta[1][i])));
            List<Mode> modes = new ArrayList<>();
            double[] restart = new double[2 * n];
            double worst = 0;
            for (int q = 0; q < Math.min(wanted, built); q++) {
                int t = idx[q];
                double tr = theta[0][t];
                double ti = theta[1][t];
                double[] sv = SmallComplexEigen.eigenvector(hmr, hmi, tr, ti);
                double[] y = new double[2 * n];
                for (int j = 0; j < built; j++) {
                    axpy(sv[2 * j], sv[2 * j + 1], v[j], y);
                }
                y = normalised(y);
                // lambda = sigma + 1/theta
                double den = tr * tr + ti * ti;
                double lr = sigma + tr / den;
                double li = -ti / den;
                double[] ay = new double[2 * n];
                double[] by = new double[2 * n];
                op.applyA(y, ay);
                op.applyB(y, by);
                axpy(-lr, -li, by, ay);
                double res = Math.sqrt(dot(ay, ay)[0]) / (Math.hypot(lr, li) * Math.sqrt(dot(by, by)[0]));
                double pmlPower = 0;
                for (int p = 0; p < n; p++) {
                    if (inPml[p]) {
                        pmlPower += y[2 * p] * y[2 * p] + y[2 * p + 1] * y[2 * p + 1];
                    }
                }
                // the PML's own box modes converge slowly and are dropped by callers: only waveguide modes decide convergence
                double[] ne = ComplexMath.sqrt(new double[] {lr, li});
                if (pmlPower < 0.5 && ne[0] >= radiationBelow) {
                    worst = Math.max(worst, res);
                }
                modes.add(new Mode(ne[0], ne[1], y, pmlPower));
                axpy(1, 0, y, restart);
            }
            best = modes;
            if (worst < 1e-9) {
                break;
            }
            start = restart;
        }
        best.sort(Comparator.comparingDouble(Mode::nEff).reversed());
        return best;
    }

    private static double[] dot(double[] a, double[] b) {
        double re = 0;
        double im = 0;
        for (int i = 0; i < a.length; i += 2) {
            re += a[i] * b[i] + a[i + 1] * b[i + 1];
            im += a[i] * b[i + 1] - a[i + 1] * b[i];
        }
        return new double[] {re, im};
    }

    private static void axpy(double ar, double ai, double[] x, double[] y) {
        for (int i = 0; i < x.length; i += 2) {
            y[i] += ar * x[i] - ai * x[i + 1];
            y[i + 1] += ar * x[i + 1] + ai * x[i];
        }
    }

    private static double[] scaleVec(double[] x, double f) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] * f;
        }
        return y;
    }

    private static double[] normalised(double[] x) {
        return scaleVec(x, 1 / Math.sqrt(dot(x, x)[0]));
    }

    private static double[] avg(double[] a, double[] b) {
        return new double[] {0.5 * (a[0] + b[0]), 0.5 * (a[1] + b[1])};
    }

    private static double[] scale(double[] a, double f) {
        return new double[] {a[0] * f, a[1] * f};
    }
}
