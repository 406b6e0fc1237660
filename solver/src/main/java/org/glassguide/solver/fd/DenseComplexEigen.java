package org.glassguide.solver.fd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Ritz pairs of a small dense complex matrix (the Rayleigh-Ritz projection of a block Krylov method): eigenvalues by
 * Householder reduction to Hessenberg form and the shifted QR of {@link SmallComplexEigen}; eigenvectors by inverse
 * subspace iteration per cluster of (nearly) equal eigenvalues, so that a degenerate eigenvalue of multiplicity c gets
 * c independent vectors spanning its invariant subspace (inverse iteration on one vector would return the same
 * vector c times), made definite inside the cluster by a c x c Rayleigh-Ritz step when the cluster is only nearly
 * degenerate.
 */
final class DenseComplexEigen {
    private DenseComplexEigen() {
    }

    /** Eigenvalues closer than this, relative to their size, form one cluster. */
    private static final double CLUSTER = 1e-6;

    /**
     * The {@code count} eigenpairs of largest modulus: element q is {{re, im} of the eigenvalue, the unit eigenvector
     * interleaved re/im}.
     */
    static double[][][] ritzPairs(double[][] mr, double[][] mi, int count) {
        int m = mr.length;
        double[][][] h = hessenberg(mr, mi);
        double[][] theta = SmallComplexEigen.hessenbergEigenvalues(h[0], h[1]);
        Integer[] idx = new Integer[m];
        for (int i = 0; i < m; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.comparingDouble(i -> -Math.hypot(theta[0][i], theta[1][i])));
        int take = Math.min(count, m);
        List<double[][]> out = new ArrayList<>();
        boolean[] done = new boolean[m];
        Random rnd = new Random(5);
        for (int a = 0; a < m && out.size() < take; a++) {
            int i = idx[a];
            if (done[i]) {
                continue;
            }
            // the cluster around theta_i among the eigenvalues not yet used
            List<Integer> cluster = new ArrayList<>();
            double size = Math.hypot(theta[0][i], theta[1][i]);
            for (int b2 = a; b2 < m; b2++) {
                int j = idx[b2];
                if (!done[j] && Math.hypot(theta[0][j] - theta[0][i], theta[1][j] - theta[1][i]) <= CLUSTER * Math.max(size, 1e-300)) {
                    cluster.add(j);
                }
            }
            int c = cluster.size();
            double cr = 0;
            double ci = 0;
            for (int j : cluster) {
                done[j] = true;
                cr += theta[0][j] / c;
                ci += theta[1][j] / c;
            }
            double[][] x = invariantSubspace(mr, mi, cr, ci, c, rnd);
            if (c == 1) {
                out.add(new double[][] {{theta[0][i], theta[1][i]}, x[0]});
                continue;
            }
            // inside the cluster: the c x c projection G = X* M X and its eigenvectors
            double[][] gr = new double[c][c];
            double[][] gi = new double[c][c];
            for (int q = 0; q < c; q++) {
                double[] mx = multiply(mr, mi, x[q]);
                for (int p = 0; p < c; p++) {
                    double[] d = conjDot(x[p], mx);
                    gr[p][q] = d[0];
                    gi[p][q] = d[1];
                }
            }
            double[][][] gh = hessenberg(gr, gi);
            double[][] gt = SmallComplexEigen.hessenbergEigenvalues(gh[0], gh[1]);
            double spread = 0;
            for (int q = 1; q < c; q++) {
                spread = Math.max(spread, Math.hypot(gt[0][q] - gt[0][0], gt[1][q] - gt[1][0]));
            }
            for (int q = 0; q < c; q++) {
                double[] v;
                if (spread <= 1e-10 * Math.max(size, 1e-300)) {
                    // exactly degenerate: any basis of the subspace is a set of eigenvectors
                    v = x[q];
                } else {
                    double[] g = SmallComplexEigen.eigenvector(gr, gi, gt[0][q], gt[1][q]);
                    v = new double[2 * m];
                    for (int p = 0; p < c; p++) {
                        axpy(g[2 * p], g[2 * p + 1], x[p], v);
                    }
                    v = unit(v);
                }
                out.add(new double[][] {{gt[0][q], gt[1][q]}, v});
            }
        }
        out.sort(Comparator.comparingDouble(e -> -Math.hypot(e[0][0], e[0][1])));
        return out.subList(0, Math.min(take, out.size())).toArray(new double[0][][]);
    }

    /**
     * An orthonormal basis (c vectors) of the invariant subspace of M for the eigenvalues clustered at (lr, li): inverse
     * subspace iteration with M - (lambda + eps) I from random vectors, orthonormalised after each of three passes.
     */
    static double[][] invariantSubspace(double[][] mr, double[][] mi, double lr, double li, int c, Random rnd) {
        int m = mr.length;
        double scale = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                scale = Math.max(scale, Math.hypot(mr[i][j], mi[i][j]));
            }
        }
        double eps = 1e-12 * Math.max(scale, Math.hypot(lr, li));
        double[][] lu = new double[m][2 * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                lu[i][2 * j] = mr[i][j];
                lu[i][2 * j + 1] = mi[i][j];
            }
            lu[i][2 * i] -= lr + eps;
            lu[i][2 * i + 1] -= li;
        }
        int[] perm = factor(lu);
        double[][] x = new double[c][2 * m];
        for (double[] v : x) {
            for (int i = 0; i < v.length; i++) {
                v[i] = rnd.nextDouble() - 0.5;
            }
        }
        for (int pass = 0; pass < 3; pass++) {
            for (double[] v : x) {
                solve(lu, perm, v);
            }
            orthonormalise(x);
        }
        return x;
    }

    /** Householder reduction to upper Hessenberg form (a unitary similarity): {re, im} of the result. */
    static double[][][] hessenberg(double[][] mr0, double[][] mi0) {
        int m = mr0.length;
        double[][] ar = new double[m][];
        double[][] ai = new double[m][];
        for (int i = 0; i < m; i++) {
            ar[i] = mr0[i].clone();
            ai[i] = mi0[i].clone();
        }
        double[] vr = new double[m];
        double[] vi = new double[m];
        for (int k = 0; k < m - 2; k++) {
            double alpha = 0;
            for (int i = k + 1; i < m; i++) {
                alpha += ar[i][k] * ar[i][k] + ai[i][k] * ai[i][k];
            }
            alpha = Math.sqrt(alpha);
            if (alpha == 0) {
                continue;
            }
            // v = x + e^{i arg x_1} ||x|| e_1, H = I - 2 v v* / (v* v)
            double x1r = ar[k + 1][k];
            double x1i = ai[k + 1][k];
            double x1 = Math.hypot(x1r, x1i);
            double pr = x1 > 0 ? x1r / x1 : 1;
            double pi = x1 > 0 ? x1i / x1 : 0;
            Arrays.fill(vr, 0);
            Arrays.fill(vi, 0);
            for (int i = k + 1; i < m; i++) {
                vr[i] = ar[i][k];
                vi[i] = ai[i][k];
            }
            vr[k + 1] += pr * alpha;
            vi[k + 1] += pi * alpha;
            double vv = 0;
            for (int i = k + 1; i < m; i++) {
                vv += vr[i] * vr[i] + vi[i] * vi[i];
            }
            if (vv == 0) {
                continue;
            }
            // A <- H A: for each column j, A_j -= 2 v (v* A_j) / vv
            for (int j = 0; j < m; j++) {
                double sr = 0;
                double si = 0;
                for (int i = k + 1; i < m; i++) {
                    sr += vr[i] * ar[i][j] + vi[i] * ai[i][j];
                    si += vr[i] * ai[i][j] - vi[i] * ar[i][j];
                }
                sr *= 2 / vv;
                si *= 2 / vv;
                for (int i = k + 1; i < m; i++) {
                    ar[i][j] -= vr[i] * sr - vi[i] * si;
                    ai[i][j] -= vr[i] * si + vi[i] * sr;
                }
            }
            // A <- A H: for each row i, A_i -= 2 (A_i v) v* / vv
            for (int i = 0; i < m; i++) {
                double sr = 0;
                double si = 0;
                for (int j = k + 1; j < m; j++) {
                    sr += ar[i][j] * vr[j] - ai[i][j] * vi[j];
                    si += ar[i][j] * vi[j] + ai[i][j] * vr[j];
                }
                sr *= 2 / vv;
                si *= 2 / vv;
                for (int j = k + 1; j < m; j++) {
                    // (s) * conj(v_j)
                    ar[i][j] -= sr * vr[j] + si * vi[j];
                    ai[i][j] -= si * vr[j] - sr * vi[j];
                }
            }
            for (int i = k + 2; i < m; i++) {
                ar[i][k] = 0;
                ai[i][k] = 0;
            }
        }
        return new double[][][] {ar, ai};
    }

    /** In-place LU with partial pivoting of a complex matrix stored as rows of interleaved re/im; returns the pivots. */
    static int[] factor(double[][] a) {
        int m = a.length;
        int[] perm = new int[m];
        for (int k = 0; k < m; k++) {
            int p = k;
            double best = -1;
            for (int i = k; i < m; i++) {
                double v = Math.hypot(a[i][2 * k], a[i][2 * k + 1]);
                if (v > best) {
                    best = v;
                    p = i;
                }
            }
            perm[k] = p;
            double[] t = a[k];
            a[k] = a[p];
            a[p] = t;
            double pr = a[k][2 * k];
            double pi = a[k][2 * k + 1];
            double d = pr * pr + pi * pi;
            if (d == 0) {
                pr = 1e-300;
                d = pr * pr;
                a[k][2 * k] = pr;
            }
            for (int i = k + 1; i < m; i++) {
                double xr = a[i][2 * k];
                double xi = a[i][2 * k + 1];
                double fr = (xr * pr + xi * pi) / d;
                double fi = (xi * pr - xr * pi) / d;
                a[i][2 * k] = fr;
                a[i][2 * k + 1] = fi;
                for (int j = k + 1; j < m; j++) {
                    double ur = a[k][2 * j];
                    double ui = a[k][2 * j + 1];
                    a[i][2 * j] -= fr * ur - fi * ui;
                    a[i][2 * j + 1] -= fr * ui + fi * ur;
                }
            }
        }
        return perm;
    }

    /** Solves with the factors of {@link #factor} in place (x interleaved re/im). */
    static void solve(double[][] a, int[] perm, double[] x) {
        int m = a.length;
        for (int k = 0; k < m; k++) {
            int p = perm[k];
            double tr = x[2 * k];
            double ti = x[2 * k + 1];
            x[2 * k] = x[2 * p];
            x[2 * k + 1] = x[2 * p + 1];
            x[2 * p] = tr;
            x[2 * p + 1] = ti;
            for (int i = k + 1; i < m; i++) {
                double lr = a[i][2 * k];
                double li = a[i][2 * k + 1];
                x[2 * i] -= lr * x[2 * k] - li * x[2 * k + 1];
                x[2 * i + 1] -= lr * x[2 * k + 1] + li * x[2 * k];
            }
        }
        for (int k = m - 1; k >= 0; k--) {
            double sr = x[2 * k];
            double si = x[2 * k + 1];
            for (int j = k + 1; j < m; j++) {
                double ur = a[k][2 * j];
                double ui = a[k][2 * j + 1];
                sr -= ur * x[2 * j] - ui * x[2 * j + 1];
                si -= ur * x[2 * j + 1] + ui * x[2 * j];
            }
            double pr = a[k][2 * k];
            double pi = a[k][2 * k + 1];
            double d = pr * pr + pi * pi;
            x[2 * k] = (sr * pr + si * pi) / d;
            x[2 * k + 1] = (si * pr - sr * pi) / d;
        }
    }

    /** Modified Gram-Schmidt, twice, in place (a vector that collapses is left as it is: its own direction). */
    private static void orthonormalise(double[][] x) {
        for (int k = 0; k < x.length; k++) {
            for (int pass = 0; pass < 2; pass++) {
                for (int j = 0; j < k; j++) {
                    double[] c = conjDot(x[j], x[k]);
                    axpy(-c[0], -c[1], x[j], x[k]);
                }
            }
            x[k] = unit(x[k]);
        }
    }

    private static double[] multiply(double[][] mr, double[][] mi, double[] x) {
        int m = mr.length;
        double[] y = new double[2 * m];
        for (int i = 0; i < m; i++) {
            double sr = 0;
            double si = 0;
            for (int j = 0; j < m; j++) {
                sr += mr[i][j] * x[2 * j] - mi[i][j] * x[2 * j + 1];
                si += mr[i][j] * x[2 * j + 1] + mi[i][j] * x[2 * j];
            }
            y[2 * i] = sr;
            y[2 * i + 1] = si;
        }
        return y;
    }

    private static double[] conjDot(double[] a, double[] b) {
        return org.glassguide.solver.special.ComplexMath.conjDot(a, b);
    }

    private static void axpy(double ar, double ai, double[] x, double[] y) {
        for (int i = 0; i < x.length; i += 2) {
            y[i] += ar * x[i] - ai * x[i + 1];
            y[i + 1] += ar * x[i + 1] + ai * x[i];
        }
    }

    private static double[] unit(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        s = Math.sqrt(s);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = s > 0 ? x[i] / s : x[i];
        }
        return y;
    }
}
