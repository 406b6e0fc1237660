package org.glassguide.solver.radial;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.fiber.ModeFamily;

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
                double c = 2 * op.halfQ[i];
                double d = 1 / (2 * op.h);
                if (i > 0) {
                    lu.set(i, i - 1, row[0] + c * d);
                }
                lu.set(i, i, row[1] - c / op.rc[i] - sigma);
                if (i + 1 < n) {
                    lu.set(i, i + 1, row[2] - c * d);
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
            double d = 1 / (2 * op.h);
            for (int i = 0; i < n; i++) {
                int rp = 2 * i;
                int rm = 2 * i + 1;
                double[] sp = op.scalarRow(nu + 1, i);
                double[] sm = op.scalarRow(nu - 1, i);
                double c = op.halfQ[i];
                // T = D(h+) + (nu+1) h+/r - D(h-) + (nu-1) h-/r; row h+ gets -c T, row h- gets +c T
                for (int sign = -1; sign <= 1; sign += 2) {
                    int row = sign < 0 ? rp : rm;
                    double[] s = sign < 0 ? sp : sm;
                    int self = sign < 0 ? 0 : 1;
                    if (i > 0) {
                        lu.add(row, 2 * (i - 1) + self, s[0]);
                    }
                    lu.add(row, 2 * i + self, s[1] - sigma);
                    if (i + 1 < n) {
                        lu.add(row, 2 * (i + 1) + self, s[2]);
                    }
                    double f = sign * c;
                    if (f != 0) {
                        if (i > 0) {
                            lu.add(row, 2 * (i - 1), -f * d);
                            lu.add(row, 2 * (i - 1) + 1, f * d);
                        }
                        if (i + 1 < n) {
                            lu.add(row, 2 * (i + 1), f * d);
                            lu.add(row, 2 * (i + 1) + 1, -f * d);
                        }
                        lu.add(row, 2 * i, f * (nu + 1) / op.rc[i]);
                        lu.add(row, 2 * i + 1, f * (nu - 1) / op.rc[i]);
                    }
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
