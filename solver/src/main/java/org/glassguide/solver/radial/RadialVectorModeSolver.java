package org.glassguide.solver.radial;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.fiber.ModeFamily;
import org.glassguide.solver.special.BandedLu;

/**
 * Full-vectorial guided modes (TE, TM, HE, EH) of any axisymmetric profile. The transverse magnetic
 * field obeys del^2 H_t + k0^2 n^2 H_t + (grad ln n^2) x (curl H_t) = beta^2 H_t; with
 * H_r = h_r cos(nu phi), H_phi = h_phi sin(nu phi) and the circular components h+- = h_r +- h_phi
 * it becomes two scalar radial operators of orders nu + 1 and |nu - 1| (the same discretisation as
 * {@link RadialModeSolver}) coupled only where n varies:
 * <pre>
 *   L_{nu+1} h+ + k0^2 n^2 h+ - (q/2) T = beta^2 h+,   L_{nu-1} h- + k0^2 n^2 h- + (q/2) T = beta^2 h-,
 *   T = h+' + (nu+1) h+/r - h-' + (nu-1) h-/r,   q = d ln(n^2)/dr.
 * </pre>
 * Where n jumps, the coupling is taken on the cell face: the h_phi equation in its flux form
 * n^2 [(1/n^2) (1/r)(r h_phi)']' (so E_z continuity is built in) and the delta in q times h_r on the
 * face, which keeps the scheme second order at step interfaces.
 * TE_0m (h_phi = 0) is exactly the order-1 scalar problem; TM_0m (h_r = 0) is one coupled equation;
 * for nu &ge; 1 the 2N-unknown system is a real band matrix. Its guided eigenvalues are bracketed by
 * sign changes of det(A - s I) from banded LU, on a scan seeded with the scalar eigenvalues of orders
 * nu - 1 and nu + 1 (the vector modes sit close to them), then bisected; each eigenvector's dominant
 * circular component tells HE (h-) from EH (h+).
 */
public final class RadialVectorModeSolver {
    /** A vector mode: family, azimuthal order nu, radial order m, n_eff. */
    public record VectorMode(ModeFamily family, int order, int radialOrder, double nEff) {
        public String name() {
            String sep = order > 9 || radialOrder > 9 ? "," : "";
            return family.name() + order + sep + radialOrder;
        }
    }

    /** Vector solving scans determinants: meant for few-mode and moderately multimode guides. */
    public static final int MAX_SCALAR_MODES = 3000;

    public List<VectorMode> solve(RadialIndexProfile p, double wavelength, RadialModeSolver.Settings s, ProgressMonitor monitor) {
        RadialOperator op = RadialModeSolver.operator(p, wavelength, s);
        double sigma0 = p.claddingIndex() * p.claddingIndex();
        double top = p.maxIndex() * p.maxIndex();
        List<double[]> scalar = new ArrayList<>();
        int total = 0;
        for (int l = 0; ; l++) {
            double[] v = RadialModeSolver.guidedEigenvalues(op, l, sigma0, top);
            if (v.length == 0) {
                break;
            }
            scalar.add(v);
            total += v.length;
            if (total > MAX_SCALAR_MODES) {
                throw new GlassGuideException(Messages.OUT_OF_RANGE, "vector radial solve", "more than " + MAX_SCALAR_MODES + " LP groups",
                        "few-mode guides; for step-index fibers `glassguide fiber --vector` gives every exact vector mode");
            }
        }
        List<VectorMode> out = new ArrayList<>();
        // TE_0m: h+ = h-, the coupling vanishes: the order-1 scalar eigenvalues exactly
        if (scalar.size() > 1) {
            addFamily(out, ModeFamily.TE, 0, scalar.get(1));
            out.addAll(tm(op, sigma0, top, scalar.get(1), monitor));
        }
        for (int nu = 1; nu <= scalar.size(); nu++) {
            monitor.checkCancelled();
            TreeSet<Double> guide = new TreeSet<>();
            for (double v : scalar.get(nu - 1)) {
                guide.add(v);
            }
            if (nu + 1 < scalar.size()) {
                for (double v : scalar.get(nu + 1)) {
                    guide.add(v);
                }
            }
            out.addAll(hybrid(op, nu, sigma0, top, guide));
            monitor.progress(nu, scalar.size(), "vector radial solver, order " + nu);
        }
        out.sort(Comparator.comparingDouble(VectorMode::nEff).reversed());
        return out;
    }

    private static void addFamily(List<VectorMode> out, ModeFamily f, int order, double[] eigenvaluesDescending) {
        for (int j = 0; j < eigenvaluesDescending.length; j++) {
            out.add(new VectorMode(f, order, j + 1, Math.sqrt(eigenvaluesDescending[j])));
        }
    }

    /** TM_0m: L_1 h + k0^2 n^2 h - q (h' + h/r) = beta^2 h. */
    private static List<VectorMode> tm(RadialOperator op, double sigma0, double top, double[] guideDesc, ProgressMonitor monitor) {
        int n = op.size();
        BandedLu lu = new BandedLu(n, 1, 1);
        Assembler a = (sigma) -> {
            lu.clear();
            for (int i = 0; i < n; i++) {
                double[] row = op.scalarRow(1, i);
                if (i > 0) {
                    lu.add(i, i - 1, row[0]);
                }
                lu.add(i, i, row[1] - sigma);
                if (i + 1 < n) {
                    lu.add(i, i + 1, row[2]);
                }
            }
            for (int i = 0; i + 1 < n; i++) {
                if (op.eps[i] == op.eps[i + 1]) {
                    continue;
                }
                // TM: h_r = 0 and h+ = -h- = h_phi; only the flux correction of the h_phi equation remains
                for (Coupling t : faceCoupling(op, 0, i)) {
                    if (t.comp == 0) {
                        lu.add(t.cell, t.cell2, 2 * t.value);
                    }
                }
            }
            lu.factor();
            return lu;
        };
        TreeSet<Double> guide = new TreeSet<>();
        for (double v : guideDesc) {
            guide.add(v);
        }
        List<Double> values = eigenvalues(a, sigma0, top, guide);
        List<VectorMode> out = new ArrayList<>();
        for (int j = 0; j < values.size(); j++) {
            out.add(new VectorMode(ModeFamily.TM, 0, j + 1, Math.sqrt(values.get(j))));
        }
        return out;
    }

    private static List<VectorMode> hybrid(RadialOperator op, int nu, double sigma0, double top, TreeSet<Double> guide) {
        int n = op.size();
        BandedLu lu = new BandedLu(2 * n, 3, 3);
        Assembler a = (sigma) -> {
            lu.clear();
            for (int i = 0; i < n; i++) {
                double[] sp = op.scalarRow(nu + 1, i);
                double[] sm = op.scalarRow(nu - 1, i);
                for (int c = 0; c <= 1; c++) {
                    double[] s = c == 0 ? sp : sm;
                    int row = 2 * i + c;
                    if (i > 0) {
                        lu.add(row, 2 * (i - 1) + c, s[0]);
                    }
                    lu.add(row, row, s[1] - sigma);
                    if (i + 1 < n) {
                        lu.add(row, 2 * (i + 1) + c, s[2]);
                    }
                }
            }
            for (int i = 0; i + 1 < n; i++) {
                // coupling through the face between cells i and i+1; it vanishes where n^2 does not change
                if (op.eps[i] == op.eps[i + 1]) {
                    continue;
                }
                for (Coupling t : faceCoupling(op, nu, i)) {
                    // phi-equation terms enter the h+ row with +, the h- row with -
                    lu.add(2 * t.cell, 2 * t.cell2 + t.comp, t.value);
                    lu.add(2 * t.cell + 1, 2 * t.cell2 + t.comp, -t.value);
                }
            }
            lu.factor();
            return lu;
        };
        List<Double> values = eigenvalues(a, sigma0, top, guide);
        List<VectorMode> out = new ArrayList<>();
        int he = 0;
        int eh = 0;
        java.util.Random rnd = new java.util.Random(nu);
        for (double lambda : values) {
            // inverse iteration just off the eigenvalue gives its vector; the dominant circular part names it
            BandedLu f = a.factorAt(lambda * (1 + 1e-12));
            double[] x = new double[2 * n];
            for (int i = 0; i < x.length; i++) {
                x[i] = rnd.nextDouble() - 0.5;
            }
            for (int it = 0; it < 3; it++) {
                f.solve(x);
                double norm = 0;
                for (double v : x) {
                    norm = Math.max(norm, Math.abs(v));
                }
                for (int i = 0; i < x.length; i++) {
                    x[i] /= norm;
                }
            }
            double plus = 0;
            double minus = 0;
            for (int i = 0; i < n; i++) {
                plus += x[2 * i] * x[2 * i] * op.rc[i];
                minus += x[2 * i + 1] * x[2 * i + 1] * op.rc[i];
            }
            boolean isHe = minus >= plus;
            out.add(new VectorMode(isHe ? ModeFamily.HE : ModeFamily.EH, nu, isHe ? ++he : ++eh, Math.sqrt(lambda)));
        }
        return out;
    }

    /** One matrix entry of the face coupling: phi-equation of cell, unknown (cell2, component 0 = h+, 1 = h-). */
    private record Coupling(int cell, int cell2, int comp, double value) {
    }

    /**
     * The phi-equation terms that live on the face between cells i and i+1 where n^2 changes: the
     * flux form n^2 [(1/n^2) g]' of g = (1/r)(r h_phi)' (1/n^2 averaged on the face, so the continuity
     * of E_z is built in) minus the plain g' the scalar operators already hold, and the delta in
     * d ln(n^2)/dr times -nu h_r / r, shared half and half by the two cells, h_r taken on the face.
     * In normalised units (divided by k0^2); h_phi = (h+ - h-)/2, h_r = (h+ + h-)/2.
     */
    private static List<Coupling> faceCoupling(RadialOperator op, int nu, int i) {
        double h = op.h;
        double rf = (i + 1) * h;
        double ea = op.eps[i];
        double eb = op.eps[i + 1];
        double ef = 2 / (1 / ea + 1 / eb);
        double k2 = op.k0 * op.k0;
        List<Coupling> out = new ArrayList<>(16);
        // g_f = (r_{i+1} hphi_{i+1} - r_i hphi_i) / (h r_f)
        double gi1 = op.rc[i + 1] / (h * rf);
        double gi = -op.rc[i] / (h * rf);
        double ca = (ea / ef - 1) / (h * k2); // cell i: + g_f (eps_i/eps_f - 1) / h
        double cb = -(eb / ef - 1) / (h * k2); // cell i+1: - g_f (eps_{i+1}/eps_f - 1) / h
        int[] cells = {i, i + 1};
        double[] cs = {ca, cb};
        double delta = -nu * Math.log(eb / ea) / (2 * h * rf * k2); // per cell, times h_r on the face
        for (int k = 0; k < 2; k++) {
            int cell = cells[k];
            // hphi = (h+ - h-)/2
            out.add(new Coupling(cell, i + 1, 0, 0.5 * cs[k] * gi1));
            out.add(new Coupling(cell, i + 1, 1, -0.5 * cs[k] * gi1));
            out.add(new Coupling(cell, i, 0, 0.5 * cs[k] * gi));
            out.add(new Coupling(cell, i, 1, -0.5 * cs[k] * gi));
            if (nu != 0) {
                // h_r(face) = (h+_i + h-_i + h+_{i+1} + h-_{i+1}) / 4
                for (int c2 : new int[] {i, i + 1}) {
                    out.add(new Coupling(cell, c2, 0, 0.25 * delta));
                    out.add(new Coupling(cell, c2, 1, 0.25 * delta));
                }
            }
        }
        return out;
    }

    @FunctionalInterface
    private interface Assembler {
        BandedLu factorAt(double sigma);
    }

    /**
     * Eigenvalues in (sigma0, top), descending: det(A - s I) is scanned on a grid that includes points
     * between and around the guide values, and every sign change is bisected to full precision.
     */
    private static List<Double> eigenvalues(Assembler a, double sigma0, double top, TreeSet<Double> guide) {
        TreeSet<Double> grid = new TreeSet<>();
        int uniform = 400;
        for (int i = 0; i <= uniform; i++) {
            grid.add(sigma0 + (top - sigma0) * i / uniform);
        }
        List<Double> g = new ArrayList<>(guide);
        g.add(0, sigma0);
        g.add(top);
        for (int k = 0; k + 1 < g.size(); k++) {
            double lo = g.get(k);
            double hi = g.get(k + 1);
            for (int j = 1; j < 8; j++) {
                grid.add(lo + (hi - lo) * j / 8);
            }
        }
        for (double v : guide) {
            grid.add(v);
        }
        grid.removeIf(x -> x <= sigma0 || x > top);
        grid.add(sigma0 * (1 + 1e-15));
        List<Double> pts = new ArrayList<>(grid);
        List<Double> values = new ArrayList<>();
        int prevSign = a.factorAt(pts.get(0)).detSign();
        for (int k = 1; k < pts.size(); k++) {
            int sign = a.factorAt(pts.get(k)).detSign();
            if (sign != prevSign) {
                double lo = pts.get(k - 1);
                double hi = pts.get(k);
                int sLo = prevSign;
                for (int it = 0; it < 200 && hi - lo > 1e-15 * hi; it++) {
                    double mid = 0.5 * (lo + hi);
                    int sm = a.factorAt(mid).detSign();
                    if (sm == sLo) {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
                values.add(0.5 * (lo + hi));
            }
            prevSign = sign;
        }
        values.sort(Comparator.reverseOrder());
        return values;
    }
}
