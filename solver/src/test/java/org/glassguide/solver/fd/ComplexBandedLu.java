package org.glassguide.solver.fd;

/**
 * LU factorisation with partial pivoting of a complex band matrix (kl sub-, ku super-diagonals),
 * interleaved re/im storage; row i keeps columns [i - kl, i + kl + ku]. O(n kl (kl + ku)) work.
 */
final class ComplexBandedLu {
    private final int n;
    private final int kl;
    private final int width;
    private final double[][] rows; // rows[i][2 (j - i + kl)] = re, +1 = im
    private final int[] perm;

    ComplexBandedLu(int n, int kl, int ku) {
        this.n = n;
        this.kl = kl;
        this.width = 2 * kl + ku + 1;
        this.rows = new double[n][2 * width];
        this.perm = new int[n];
    }

    int size() {
        return n;
    }

    void add(int i, int j, double re, double im) {
        int c = 2 * (j - i + kl);
        rows[i][c] += re;
        rows[i][c + 1] += im;
    }

    void factor() {
        for (int k = 0; k < n; k++) {
            int last = Math.min(n - 1, k + kl);
            int p = k;
            double best = abs2(k, k);
            for (int i = k + 1; i <= last; i++) {
                double v = abs2(i, k);
                if (v > best) {
                    best = v;
                    p = i;
                }
            }
            perm[k] = p;
            int end = Math.min(n - 1, k + width - kl - 1);
            if (p != k) {
                for (int j = k; j <= end; j++) {
                    int ck = 2 * (j - k + kl);
                    int cp = 2 * (j - p + kl);
                    double tr = rows[k][ck];
                    double ti = rows[k][ck + 1];
                    rows[k][ck] = rows[p][cp];
                    rows[k][ck + 1] = rows[p][cp + 1];
                    rows[p][cp] = tr;
                    rows[p][cp + 1] = ti;
                }
            }
            int ckk = 2 * kl;
            double pr = rows[k][ckk];
            double pi = rows[k][ckk + 1];
            double d = pr * pr + pi * pi;
            if (d == 0) {
                pr = 1e-300;
                d = pr * pr;
                rows[k][ckk] = pr;
            }
            double ir = pr / d;
            double ii = -pi / d;
            // one pivot's row updates are too small (~kl x 2kl complex) to pay for handing them to threads
            for (int i = k + 1; i <= last; i++) {
                eliminate(i, k, end, ir, ii);
            }
        }
    }

    private void eliminate(int i, int k, int end, double ir, double ii) {
        double[] ri = rows[i];
        double[] rk = rows[k];
        int ci = 2 * (k - i + kl);
        double ar = ri[ci];
        double ai = ri[ci + 1];
        if (ar == 0 && ai == 0) {
            return;
        }
        double fr = ar * ir - ai * ii;
        double fi = ar * ii + ai * ir;
        ri[ci] = fr;
        ri[ci + 1] = fi;
        int offI = 2 * (kl - i);
        int offK = 2 * (kl - k);
        for (int j = k + 1; j <= end; j++) {
            int a = 2 * j + offI;
            int b = 2 * j + offK;
            double ur = rk[b];
            double ui = rk[b + 1];
            ri[a] -= fr * ur - fi * ui;
            ri[a + 1] -= fr * ui + fi * ur;
        }
    }

    private double abs2(int i, int j) {
        int c = 2 * (j - i + kl);
        if (c < 0 || c >= 2 * width) {
            return 0;
        }
        return rows[i][c] * rows[i][c] + rows[i][c + 1] * rows[i][c + 1];
    }

    /** Solves A x = b in place; b interleaved re/im of length 2n. */
    void solve(double[] b) {
        for (int k = 0; k < n; k++) {
            int p = perm[k];
            if (p != k) {
                double tr = b[2 * k];
                double ti = b[2 * k + 1];
                b[2 * k] = b[2 * p];
                b[2 * k + 1] = b[2 * p + 1];
                b[2 * p] = tr;
                b[2 * p + 1] = ti;
            }
            int last = Math.min(n - 1, k + kl);
            double xr = b[2 * k];
            double xi = b[2 * k + 1];
            for (int i = k + 1; i <= last; i++) {
                int c = 2 * (k - i + kl);
                double lr = rows[i][c];
                double li = rows[i][c + 1];
                b[2 * i] -= lr * xr - li * xi;
                b[2 * i + 1] -= lr * xi + li * xr;
            }
        }
        for (int k = n - 1; k >= 0; k--) {
            double sr = b[2 * k];
            double si = b[2 * k + 1];
            int end = Math.min(n - 1, k + width - kl - 1);
            double[] rk = rows[k];
            for (int j = k + 1; j <= end; j++) {
                int c = 2 * (j - k + kl);
                double ur = rk[c];
                double ui = rk[c + 1];
                sr -= ur * b[2 * j] - ui * b[2 * j + 1];
                si -= ur * b[2 * j + 1] + ui * b[2 * j];
            }
            int c = 2 * kl;
            double pr = rk[c];
            double pi = rk[c + 1];
            double d = pr * pr + pi * pi;
            b[2 * k] = (sr * pr + si * pi) / d;
            b[2 * k + 1] = (si * pr - sr * pi) / d;
        }
    }
}
