package org.glassguide.solver.radial;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.solver.ProgressMonitor;

/**
 * Every guided scalar mode of any axisymmetric profile: one symmetric tridiagonal eigenproblem per
 * azimuthal order l from the finite-difference radial operator (1/r)(r psi')' - l^2 psi / r^2 +
 * k0^2 n^2 psi = beta^2 psi on a cell-centred grid, whose zero-flux condition at r = 0 is built in.
 * The grid puts the core boundary on a cell face and averages n^2 (r-weighted) over any cell another
 * interface cuts, so n_eff converges at second order in the step. The guided eigenvalues (n_eff above the outermost layer's index) are counted exactly
 * by Sturm sequences, isolated by bisection and converged by Rayleigh-quotient iteration; fields come
 * on demand from the twisted factorisation at the converged eigenvalue ({@link RadialModes#field}). Nothing here is dense: memory and work are O(N) per mode.
 */
public final class RadialModeSolver {
    /**
     * Grid settings.
     *
     * @param pointsPerPeriod grid points per shortest transverse period lambda/NA (default 20)
     * @param step explicit grid step (m); overrides pointsPerPeriod when positive
     * @param domainRadius radius of the Dirichlet wall (m); 0 picks the last interface plus a margin
     */
    public record Settings(double pointsPerPeriod, double step, double domainRadius) {
        public static Settings defaults() {
            return new Settings(20, 0, 0);
        }

        public Settings {
            if (!(pointsPerPeriod > 0) || step < 0 || domainRadius < 0) {
                throw new IllegalArgumentException("radial solver settings must be positive");
            }
        }
    }

    private static final int MAX_POINTS = 2_000_000;

    /** The discretised operator for a profile at a wavelength, with the grid the settings ask for. */
    static RadialOperator operator(RadialIndexProfile p, double wavelength, Settings s) {
        double nClad = p.claddingIndex();
        double nMax = p.maxIndex();
        if (!(nMax > nClad)) {
            throw new GlassGuideException(Messages.NOT_GUIDING, nMax, nClad, org.glassguide.materials.units.Units.nm(wavelength));
        }
        double k0 = 2 * Math.PI / wavelength;
        double na = Math.sqrt(nMax * nMax - nClad * nClad);
        double[] iface = p.interfaces();
        double last = iface[iface.length - 1];
        double h0 = s.step() > 0 ? s.step() : wavelength / (na * s.pointsPerPeriod());
        // put the core boundary on a cell face: a potential jump there costs no accuracy order
        double h = iface[0] / Math.ceil(iface[0] / h0);
        double domain = s.domainRadius() > 0 ? s.domainRadius() : last + Math.max(last, 20 * wavelength / na);
        if (!(domain > last)) {
            throw new GlassGuideException(Messages.OUT_OF_RANGE, "radial domain radius", domain + " m",
                    "larger than the outermost interface (" + last + " m)");
        }
        long nl = (long) Math.ceil(domain / h);
        if (nl > MAX_POINTS) {
            throw new GlassGuideException(Messages.OUT_OF_RANGE, "radial grid", nl + " points", "at most " + MAX_POINTS
                    + ": use a coarser step or a smaller domain");
        }
        return new RadialOperator(p, k0, h, (int) nl);
    }

    /**
     * The symmetric tridiagonal matrix of one azimuthal order ({diagonal, off-diagonal}, eigenvalues
     * n_eff^2), for comparing eigensolvers and for teaching.
     */
    public static double[][] tridiagonal(RadialIndexProfile p, double wavelength, Settings s, int order) {
        RadialOperator op = operator(p, wavelength, s);
        return new double[][] {op.diagonal(order), op.off.clone()};
    }

    /** Guided eigenvalues n_eff^2 of one azimuthal order, descending. */
    static double[] guidedEigenvalues(RadialOperator op, int l, double sigma0, double top) {
        double[] d = op.diagonal(l);
        int m = countAbove(d, op.off2, sigma0);
        double[] values = new double[m];
        bisect(d, op.off2, sigma0, top, m, 0, values);
        return values;
    }

    public RadialModes solve(RadialIndexProfile p, double wavelength, Settings s, ProgressMonitor monitor) {
        double nClad = p.claddingIndex();
        double nMax = p.maxIndex();
        RadialOperator op = operator(p, wavelength, s);
        double sigma0 = nClad * nClad;
        // orders with any guided mode: the count falls monotonically with l, so the first empty order is bisected
        int m0 = countAbove(op.diagonal(0), op.off2, sigma0);
        int lo = 0;
        int hi = 1;
        while (m0 > 0 && countAbove(op.diagonal(hi), op.off2, sigma0) > 0) {
            monitor.checkCancelled();
            lo = hi;
            hi *= 2;
        }
        while (m0 > 0 && hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (countAbove(op.diagonal(mid), op.off2, sigma0) > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        int orderCount = m0 > 0 ? hi : 0;
        // about half the rectangle m0 x orders holds guided modes (the count falls from m0 to 1 across the orders)
        double expected = 0.5 * m0 * (double) orderCount + m0;
        int n = op.off2.length + 1;
        org.glassguide.solver.MemoryBudget.require(String.format(java.util.Locale.ROOT,
                "the radial solver's list of about %.3g modes (%d orders, %d radial modes at l = 0)", expected, orderCount, m0),
                BYTES_PER_MODE * expected + 4.0 * 8 * n * Runtime.getRuntime().availableProcessors(),
                "lower V (a smaller core, a longer wavelength or a lower NA), or use the exact step-index analysis for a step profile");
        List<Integer> orders = new ArrayList<>();
        for (int l = 0; l < orderCount; l++) {
            orders.add(l);
        }
        AtomicLong done = new AtomicLong();
        int total = orders.size();
        // the work ahead, for the progress line: each mode is a Sturm bisection of about 60 passes over the grid
        monitor.progress(0, total, String.format(java.util.Locale.ROOT, "radial solver, about %.2g modes on %d points", expected, n));
        List<List<RadialMode>> perOrder = orders.parallelStream().map(l -> {
            monitor.checkCancelled();
            List<RadialMode> modes = solveOrder(op, l, sigma0, nMax, p.isLossy(), monitor);
            monitor.progress(done.incrementAndGet(), total, "radial solver, order " + l);
            return modes;
        }).collect(Collectors.toList());
        List<RadialMode> all = new ArrayList<>();
        long count = 0;
        for (List<RadialMode> m : perOrder) {
            all.addAll(m);
            for (RadialMode x : m) {
                count += x.degeneracy();
            }
        }
        all.sort(Comparator.comparingDouble(RadialMode::nEff).reversed());
        return new RadialModes(wavelength, p, op, all, count);
    }

    /** Number of eigenvalues above s, from the signs of the LDL^T pivots of T - s I (Sturm). */
    static int countAbove(double[] d, double[] off2, double s) {
        int n = d.length;
        int below = 0;
        double q = d[0] - s;
        for (int i = 0; ; ) {
            if (q < 0) {
                below++;
            }
            if (++i == n) {
                break;
            }
            if (q == 0) {
                q = -1e-300;
            }
            q = d[i] - s - off2[i - 1] / q;
        }
        return n - below;
    }

    /** Heap per guided mode kept: the mode record and its share of the lists and the bisection's stacks. */
    static final double BYTES_PER_MODE = 120;

    private static List<RadialMode> solveOrder(RadialOperator op, int l, double sigma0, double nMax, boolean lossy, ProgressMonitor monitor) {
        double[] d = op.diagonal(l);
        double top = nMax * nMax;
        int m = countAbove(d, op.off2, sigma0);
        if (countAbove(d, op.off2, top) != 0) {
            throw new GlassGuideException(Messages.NUMERICAL_FAILURE, "radial solver", "an eigenvalue above n_max^2 at order " + l);
        }
        double[] values = new double[m]; // descending
        bisect(d, op.off2, sigma0, top, m, 0, values);
        List<RadialMode> out = new ArrayList<>(m);
        double[] phi = lossy ? new double[d.length] : null;
        for (int j = 0; j < m; j++) {
            if ((j & 63) == 63) {
                monitor.checkCancelled();
            }
            double nEff = Math.sqrt(values[j]);
            double im = 0;
            if (lossy) {
                op.eigenvector(d, values[j], phi);
                double norm = 0;
                double weighted = 0;
                for (int i = 0; i < phi.length; i++) {
                    double w = phi[i] * phi[i];
                    norm += w;
                    weighted += op.nk[i] * w;
                }
                // first-order perturbation: delta(n_eff^2) = i <2 n k> => Im n_eff = <n k> / n_eff
                im = weighted / (norm * nEff);
            }
            out.add(new RadialMode(l, j + 1, nEff, im, values[j]));
        }
        return out;
    }

    /**
     * Finds the eigenvalues in (lo, hi] (there are {@code count} of them) by recursive Sturm
     * bisection, writing them in descending order from values[offset].
     */
    static void bisect(double[] d, double[] off2, double lo, double hi, int count, int offset, double[] values) {
        // iterative stack of intervals: (lo, hi, count above lo, count above hi, index of first value)
        double[] stackLo = new double[64 * 4 + count];
        double[] stackHi = new double[stackLo.length];
        int[] stackCLo = new int[stackLo.length];
        int[] stackCHi = new int[stackLo.length];
        int sp = 0;
        stackLo[sp] = lo;
        stackHi[sp] = hi;
        stackCLo[sp] = count;
        stackCHi[sp] = 0;
        sp++;
        while (sp > 0) {
            sp--;
            double a = stackLo[sp];
            double b = stackHi[sp];
            int ca = stackCLo[sp];
            int cb = stackCHi[sp];
            int inside = ca - cb;
            if (inside == 0) {
                continue;
            }
            double mid = 0.5 * (a + b);
            if (inside == 1) {
                values[offset + cb] = refineSingle(d, off2, a, b, ca);
                continue;
            }
            if (b - a <= 2e-16 * Math.abs(mid) || mid == a || mid == b) {
                for (int k = 0; k < inside; k++) {
                    values[offset + cb + k] = mid; // eigenvalues cb..ca-1 counted from the top
                }
                continue;
            }
            int cm = countAbove(d, off2, mid);
            if (sp + 2 > stackLo.length) {
                throw new IllegalStateException("bisection stack overflow");
            }
            // upper half first on the stack so the lower half is processed first: order does not matter
            stackLo[sp] = mid;
            stackHi[sp] = b;
            stackCLo[sp] = cm;
            stackCHi[sp] = cb;
            sp++;
            stackLo[sp] = a;
            stackHi[sp] = mid;
            stackCLo[sp] = ca;
            stackCHi[sp] = cm;
            sp++;
        }
    }

    /**
     * The single eigenvalue in (a, b] by safeguarded Rayleigh-quotient iteration on the twisted
     * factorisation: at a shift s the twisted vector x (x_r = 1 where the inverse's diagonal peaks)
     * gives the correction s + gamma_r / |x|^2, which converges cubically and, unlike Newton on the
     * determinant, is not slowed by the many eigenvalues crowding just below the cladding index. Each
     * iterate also yields the Sturm count, so the bracket shrinks every step; a correction that would
     * leave the bracket becomes a bisection step.
     */
    private static double refineSingle(double[] d, double[] off2, double a, double b, int countAboveA) {
        int n = d.length;
        double[] fwd = new double[n];
        double[] bwd = new double[n];
        int[] below = new int[1];
        double s = 0.5 * (a + b);
        for (int iter = 0; iter < 300; iter++) {
            int k = RadialOperator.twist(d, off2, s, fwd, bwd, below);
            if (n - below[0] >= countAboveA) {
                a = s;
            } else {
                b = s;
            }
            double gamma = fwd[k] + bwd[k] - (d[k] - s);
            // |x|^2 of the twisted vector with x_k = 1: x_{i} = -e_i x_{i+1} / fwd_i above, -e_{i-1} x_{i-1} / bwd_i below
            double norm = 1;
            double x2 = 1;
            for (int i = k - 1; i >= 0; i--) {
                x2 *= off2[i] / (fwd[i] * fwd[i]);
                norm += x2;
                if (x2 < 1e-40 * norm) {
                    break;
                }
            }
            x2 = 1;
            for (int i = k + 1; i < n; i++) {
                x2 *= off2[i - 1] / (bwd[i] * bwd[i]);
                norm += x2;
                if (x2 < 1e-40 * norm) {
                    break;
                }
            }
            double step = gamma / norm;
            if (Math.abs(step) <= 1e-15 * Math.abs(s) || b - a <= 4e-16 * Math.abs(s)) {
                return Math.min(Math.max(s + step, a), b);
            }
            double next = s + step;
            s = next > a && next < b ? next : 0.5 * (a + b);
        }
        return s;
    }

}
