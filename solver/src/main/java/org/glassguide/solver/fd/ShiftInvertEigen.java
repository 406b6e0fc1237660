package org.glassguide.solver.fd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;

import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.special.ComplexMath;

/**
 * The eigenpairs A v = lambda B v (B diagonal, lambda = n_eff^2) nearest a shift sigma: Arnoldi on
 * (A - sigma B)^-1 B with the shifted matrix factorised once by {@link NestedDissectionLu}, Ritz values
 * from a small complex QR, explicit restarts until every wanted Ritz pair that belongs to a waveguide
 * mode has a relative residual below 1e-9.
 */
final class ShiftInvertEigen {
    private ShiftInvertEigen() {
    }

    /** An eigenpair: n_eff = sqrt(lambda), the unit-norm eigenvector, and its weight in the PML. */
    record Pair(double nEff, double nEffImag, double[] vector, double pmlFraction) {
    }

    private static final int MAX_CYCLES = 12;

    /**
     * Refuses, before anything is sampled or allocated, a 2D mode solve that cannot fit in memory: the operator and
     * its shifted copy (9 neighbours x dof complex entries per unknown), the sparse factors, the Arnoldi basis and
     * the sampled cross-section.
     */
    static void requireMemory(String solver, double nx, double ny, int dof, int wanted) {
        double n = nx * ny * dof;
        double m = Math.max(2.0 * wanted + 20, 40) + 1;
        double bytes = 2 * n * 9 * dof * 16 + (Double.isFinite(n) && nx < 1e9 && ny < 1e9 ? NestedDissectionLu.estimatedBytes((long) nx, (long) ny, dof)
                : Double.POSITIVE_INFINITY) + m * 16 * n + 64 * nx * ny;
        org.glassguide.solver.MemoryBudget.require(String.format(java.util.Locale.ROOT, "the %s on a %.0f x %.0f grid", solver, nx, ny), bytes,
                "use a coarser grid (a larger step), a smaller window or a symmetry wall");
    }

    /**
     * @param a the operator A on the grid
     * @param b the diagonal of B, interleaved re/im (zero for unknowns that carry no field)
     * @param sigma the shift (target n_eff squared)
     * @param pmlFraction the share of a vector's weight inside the PML
     * @param radiationBelow Re n_eff below which modes belong to the radiation continuum
     */
    static List<Pair> solve(GridMatrix a, double[] b, double sigma, int wanted, ToDoubleFunction<double[]> pmlFraction,
            double radiationBelow, ProgressMonitor monitor) {
        int n = a.size;
        GridMatrix shifted = a.copy();
        shifted.addDiagonal(-sigma, 0, b);
        monitor.progress(0, 3, "factorising");
        NestedDissectionLu lu = new NestedDissectionLu(shifted);
        try {
            lu.factor(monitor);
        } catch (ArithmeticException ex) {
            throw new GlassGuideException(Messages.NUMERICAL_FAILURE, "2D mode solver",
                    "the target n_eff is an exact eigenvalue of the grid operator; move solver.target slightly");
        }
        shifted = null;
        monitor.checkCancelled();
        monitor.progress(1, 3, "Arnoldi");
        int active = 0;
        for (int q = 0; q < n; q++) {
            if (b[2 * q] != 0 || b[2 * q + 1] != 0) {
                active++;
            }
        }
        int m = Math.min(active - 1, Math.max(2 * wanted + 20, 40));
        if (m < 1) {
            throw new GlassGuideException(Messages.OUT_OF_RANGE, "2D grid", n, "a grid with more unknowns");
        }
        Random rnd = new Random(11);
        double[] start = new double[2 * n];
        for (int i = 0; i < start.length; i++) {
            start[i] = rnd.nextDouble() - 0.5;
        }
        double[] tmp = new double[2 * n];
        List<Pair> best = null;
        double worst = Double.NaN;
        for (int cycle = 0; cycle < MAX_CYCLES; cycle++) {
            monitor.checkCancelled();
            double[][] v = new double[m + 1][];
            double[][] hr = new double[m + 1][m];
            double[][] hi = new double[m + 1][m];
            // the range of (A - sigma B)^-1 B: start there so that unknowns without field stay out
            double[] s0 = new double[2 * n];
            diag(b, start, s0);
            lu.solve(s0);
            v[0] = normalised(s0);
            int built = m;
            for (int k = 0; k < m; k++) {
                double[] wv = new double[2 * n];
                diag(b, v[k], wv);
                lu.solve(wv);
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
                v[k + 1] = scale(wv, 1 / norm);
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
            Arrays.sort(idx, Comparator.comparingDouble(i -> -Math.hypot(theta[0][i], theta[1][i])));
            List<Pair> pairs = new ArrayList<>();
            double[] restart = new double[2 * n];
            int guided = 0;
            worst = 0;
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
                a.multiply(y, ay);
                diag(b, y, tmp);
                double bn = Math.sqrt(dot(tmp, tmp)[0]);
                axpy(-lr, -li, tmp, ay);
                double res = Math.sqrt(dot(ay, ay)[0]) / (Math.hypot(lr, li) * bn);
                double inPml = pmlFraction.applyAsDouble(y);
                double[] ne = ComplexMath.sqrt(new double[] {lr, li});
                // the PML's own box modes converge slowly and are dropped by callers: only waveguide modes decide convergence
                boolean waveguide = inPml < 0.5 && ne[0] >= radiationBelow;
                if (waveguide) {
                    worst = Math.max(worst, res);
                    // restart from the waveguide modes only: PML and continuum modes converge slowly and pollute it
                    axpy(1, 0, y, restart);
                    guided++;
                }
                pairs.add(new Pair(ne[0], ne[1], y, inPml));
            }
            best = pairs;
            if (worst < 1e-9) {
                break;
            }
            if (guided > 0) {
                start = restart;
            } else {
                for (Pair p : pairs) {
                    axpy(1, 0, p.vector(), start);
                }
            }
        }
        if (!(worst < 1e-6)) {
            throw new GlassGuideException(Messages.NUMERICAL_FAILURE, "2D mode solver", String.format(java.util.Locale.ROOT,
                    "the eigen-solve did not converge in %d restarts (residual %.1e); ask for fewer modes or move solver.target",
                    MAX_CYCLES, worst));
        }
        best.sort(Comparator.comparingDouble(Pair::nEff).reversed());
        monitor.progress(3, 3, "done");
        return best;
    }

    private static void diag(double[] d, double[] x, double[] y) {
        for (int q = 0; q < x.length; q += 2) {
            y[q] = d[q] * x[q] - d[q + 1] * x[q + 1];
            y[q + 1] = d[q] * x[q + 1] + d[q + 1] * x[q];
        }
    }

    private static double[] dot(double[] a, double[] b) {
        return ComplexMath.conjDot(a, b);
    }

    private static void axpy(double ar, double ai, double[] x, double[] y) {
        for (int i = 0; i < x.length; i += 2) {
            y[i] += ar * x[i] - ai * x[i + 1];
            y[i + 1] += ar * x[i + 1] + ai * x[i];
        }
    }

    private static double[] scale(double[] x, double f) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] * f;
        }
        return y;
    }

    private static double[] normalised(double[] x) {
        return scale(x, 1 / Math.sqrt(dot(x, x)[0]));
    }
}
