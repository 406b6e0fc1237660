package org.glassguide.solver.gain;

import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.special.BandedLu;

/**
 * Newton's method on the fourth-order Hermite-Simpson (Lobatto IIIA) collocation equations of the rate-equation
 * boundary-value problem, the discretisation scipy's solve_bvp uses:
 *
 * <pre>
 *   P_m = (P_i + P_{i+1}) / 2 + h/8 (F_i - F_{i+1}),   R_i = P_{i+1} - P_i - h/6 (F_i + 4 F(P_m) + F_{i+1}) = 0
 * </pre>
 *
 * with the forward channels fixed at z = 0 and the backward ones at z = L. The unknowns are y = ln(P + eps), eps a
 * floor far below anything that matters (a billionth of the launched power; for an ASE bin, the spontaneous power one
 * step emits into it): exponential gain and
 * absorption are then straight lines, Newton's steps stay meaningful far from the solution, a 47 W pump and a nanowatt
 * ASE bin weigh alike, and powers cannot turn negative. The substitution is exact: dy/dz = F(P) / (P + eps). Unknowns are
 * ordered by node, so the Newton matrix is banded (bandwidth about two channel counts) and is factored by banded LU with
 * partial pivoting. Steps are limited to a factor e^3 in any power and halved until the residual falls. The Jacobian of
 * F is a diagonal plus a rank-one term (the shared inversion) and stays so under the substitution, which keeps assembly
 * at O(n^2) per interval.
 */
final class CollocationNewton {
    private final RateEquations eq;
    private final int n;
    private final int m;
    private final double h;
    private final int nf;
    private final int[] rowOfChannelAtStart;
    private final double[] eps;
    private double inputScale = 1;
    private final double[] pbuf;
    private final double[] qbuf;
    private final BandedLu lu;
    private final int kl;
    private final int ku;
    // per-node work
    private final double[][] f;
    private final double[][] d;
    private final double[][] c;
    private final double[][] r;
    private final double[] pm;
    private final double[] fm;
    private final double[] dm;
    private final double[] cm;
    private final double[] rm;

    CollocationNewton(RateEquations eq, int steps, double length) {
        this.eq = eq;
        n = eq.n;
        m = steps;
        h = length / steps;
        int count = 0;
        for (int k = 0; k < n; k++) {
            count += eq.forward[k] ? 1 : 0;
        }
        nf = count;
        rowOfChannelAtStart = new int[n];
        int rf = 0;
        int rb = 0;
        for (int k = 0; k < n; k++) {
            rowOfChannelAtStart[k] = eq.forward[k] ? rf++ : rb++;
        }
        eps = new double[n];
        pbuf = new double[n];
        qbuf = new double[n];
        for (int k = 0; k < n; k++) {
            Channel ch = eq.channels().get(k);
            // an ASE bin fed by spontaneous emission from zero: eps = what one step emits into it at full inversion, so
            // ln(P + eps) changes by at most about one per step where the bin is still empty
            eps[k] = ch.kind() == Channel.Kind.ASE ? Math.max(eq.spontaneous[k] * h, 1e-30) : 1e-9 * Math.max(ch.inputPower(), 1e-12);
        }
        kl = nf + n - 1;
        ku = Math.max(n - 1, 2 * n - 1 - nf);
        lu = new BandedLu(n * (m + 1), kl, ku);
        f = new double[m + 1][n];
        d = new double[m + 1][n];
        c = new double[m + 1][n];
        r = new double[m + 1][n];
        pm = new double[n];
        fm = new double[n];
        dm = new double[n];
        cm = new double[n];
        rm = new double[n];
    }

    /**
     * Refines p[k][i] in place until the largest Newton step in ln(P + eps) is below tol (a relative change of tol).
     *
     * @return Newton iterations used, or -1 if it did not converge in maxIterations
     */
    int solve(double[][] p, double tol, int maxIterations, ProgressMonitor monitor) {
        return solve(p, 1, tol, maxIterations, monitor);
    }

    /** As {@link #solve(double[][], double, int, ProgressMonitor)} with every launched power scaled by inputScale. */
    int solve(double[][] p, double inputScale, double tol, int maxIterations, ProgressMonitor monitor) {
        this.inputScale = inputScale;
        int size = n * (m + 1);
        double[][] y = new double[n][m + 1];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i <= m; i++) {
                y[k][i] = Math.log(Math.max(p[k][i], 0) + eps[k]);
            }
        }
        double[] b = new double[size];
        double[][] trial = new double[n][m + 1];
        double norm = residual(y, b);
        int done = -1;
        for (int it = 1; it <= maxIterations; it++) {
            monitor.checkCancelled();
            assemble(y);
            lu.factor();
            for (int q = 0; q < size; q++) {
                b[q] = -b[q];
            }
            lu.solve(b);
            double step = 0;
            for (int q = 0; q < size; q++) {
                step = Math.max(step, Math.abs(b[q]));
            }
            if (!Double.isFinite(step)) {
                return -1;
            }
            double[] dir = b.clone();
            double lambda = Math.min(1, 3 / step);
            double newNorm;
            while (true) {
                for (int k = 0; k < n; k++) {
                    for (int i = 0; i <= m; i++) {
                        trial[k][i] = y[k][i] + lambda * dir[i * n + k];
                    }
                }
                newNorm = residual(trial, b);
                if (newNorm < norm || lambda < 1.0 / 1024) {
                    break;
                }
                lambda /= 2;
            }
            for (int k = 0; k < n; k++) {
                System.arraycopy(trial[k], 0, y[k], 0, m + 1);
            }
            norm = newNorm;
            if (lambda * step < tol && norm < 100 * tol) {
                done = it;
                break;
            }
        }
        for (int k = 0; k < n; k++) {
            for (int i = 0; i <= m; i++) {
                p[k][i] = Math.max(0, Math.exp(y[k][i]) - eps[k]);
            }
        }
        return done;
    }

    /** G = dy/dz at y into g (and the powers into pbuf); with jac, also G's Jacobian as diag(d) + c r^T. */
    private void evaluate(double[] y, double[] g, double[] d, double[] c, double[] r) {
        for (int k = 0; k < n; k++) {
            // not clipped at zero: a power within eps of zero is zero for every purpose, and q = e^y keeps G exact
            qbuf[k] = Math.exp(y[k]);
            pbuf[k] = qbuf[k] - eps[k];
        }
        eq.slope(pbuf, g);
        if (d != null) {
            eq.jacobian(pbuf, d, c, r);
        }
        for (int k = 0; k < n; k++) {
            double q = qbuf[k];
            g[k] /= q;
            if (d != null) {
                // dG_k/dy_l = (dF_k/dP_l Q_l - delta_kl F_k) / Q_k: diagonal d - G, rank-one c/Q times r Q
                d[k] -= g[k];
                c[k] /= q;
                r[k] *= q;
            }
        }
    }

    /** Residual into b; returns its largest magnitude. */
    private double residual(double[][] y, double[] b) {
        double[] yi = new double[n];
        for (int i = 0; i <= m; i++) {
            for (int k = 0; k < n; k++) {
                yi[k] = y[k][i];
            }
            evaluate(yi, f[i], null, null, null);
        }
        double norm = 0;
        for (int k = 0; k < n; k++) {
            double in = Math.log(inputScale * eq.channels().get(k).inputPower() + eps[k]);
            int row = eq.forward[k] ? rowOfChannelAtStart[k] : nf + m * n + rowOfChannelAtStart[k];
            double v = (eq.forward[k] ? y[k][0] : y[k][m]) - in;
            b[row] = v;
            norm = Math.max(norm, Math.abs(v));
        }
        for (int i = 0; i < m; i++) {
            midpoint(y, i);
            evaluate(pm, fm, null, null, null);
            int row0 = nf + i * n;
            for (int k = 0; k < n; k++) {
                double v = y[k][i + 1] - y[k][i] - h / 6 * (f[i][k] + 4 * fm[k] + f[i + 1][k]);
                b[row0 + k] = v;
                norm = Math.max(norm, Math.abs(v));
            }
        }
        return Double.isFinite(norm) ? norm : Double.MAX_VALUE;
    }

    private void midpoint(double[][] p, int i) {
        for (int k = 0; k < n; k++) {
            pm[k] = 0.5 * (p[k][i] + p[k][i + 1]) + h / 8 * (f[i][k] - f[i + 1][k]);
        }
    }

    private void assemble(double[][] y) {
        lu.clear();
        double[] yi = new double[n];
        for (int i = 0; i <= m; i++) {
            for (int k = 0; k < n; k++) {
                yi[k] = y[k][i];
            }
            evaluate(yi, f[i], d[i], c[i], r[i]);
        }
        for (int k = 0; k < n; k++) {
            if (eq.forward[k]) {
                lu.set(rowOfChannelAtStart[k], k, 1);
            } else {
                lu.set(nf + m * n + rowOfChannelAtStart[k], m * n + k, 1);
            }
        }
        for (int i = 0; i < m; i++) {
            midpoint(y, i);
            evaluate(pm, fm, dm, cm, rm);
            block(i, i, d[i], c[i], r[i], -1, 0.125 * h);
            block(i, i + 1, d[i + 1], c[i + 1], r[i + 1], 1, -0.125 * h);
        }
    }

    /**
     * Adds d R_i / d P_node = sign I - h/6 (J_node + 4 J_m (I/2 + eps J_node)) to interval i's rows, eps = +h/8 for the
     * left node and -h/8 for the right, with J = diag(d) + c r^T at the node and diag(dm) + cm rm^T at the midpoint.
     */
    private void block(int i, int node, double[] dn, double[] cn, double[] rn, double sign, double eps) {
        int row0 = nf + i * n;
        int col0 = node * n;
        double rmDotCn = 0;
        for (int l = 0; l < n; l++) {
            rmDotCn += rm[l] * cn[l];
        }
        double h6 = h / 6;
        for (int k = 0; k < n; k++) {
            for (int l = 0; l < n; l++) {
                // X = I/2 + eps J_node;  J_m X = diag(dm) X + cm (rm^T X)
                double x = (k == l ? 0.5 + eps * dn[k] : 0) + eps * cn[k] * rn[l];
                double rmX = rm[l] * (0.5 + eps * dn[l]) + eps * rmDotCn * rn[l];
                double y = dm[k] * x + cm[k] * rmX;
                double jn = (k == l ? dn[k] : 0) + cn[k] * rn[l];
                double v = (k == l ? sign : 0) - h6 * (jn + 4 * y);
                if (v != 0) {
                    lu.set(row0 + k, col0 + l, v);
                }
            }
        }
    }
}
