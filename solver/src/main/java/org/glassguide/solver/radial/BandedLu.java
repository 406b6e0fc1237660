package org.glassguide.solver.radial;

/**
 * LU factorisation with partial pivoting of a real band matrix (kl sub-, ku super-diagonals), in
 * O(n kl (kl + ku)): the determinant's sign for eigenvalue bracketing and solves for inverse
 * iteration. Row i keeps columns [i - kl, i + kl + ku] (room for the fill-in pivoting creates).
 */
final class BandedLu {
    private final int n;
    private final int kl;
    private final int width;
    private final double[][] rows; // rows[i][c - (i - kl)]
    private final int[] perm;
    private int detSign;
    private double logAbsDet;

    BandedLu(int n, int kl, int ku) {
        this.n = n;
        this.kl = kl;
        this.width = 2 * kl + ku + 1;
        this.rows = new double[n][width];
        this.perm = new int[n];
    }

    void clear() {
        for (double[] r : rows) {
            java.util.Arrays.fill(r, 0);
        }
    }

    void set(int i, int j, double v) {
        rows[i][j - i + kl] = v;
    }

    void add(int i, int j, double v) {
        rows[i][j - i + kl] += v;
    }

    private double get(int i, int j) {
        int c = j - i + kl;
        return c >= 0 && c < width ? rows[i][c] : 0;
    }

    /** Factors in place; afterwards {@link #detSign()} and {@link #solve} are available. */
    void factor() {
        detSign = 1;
        logAbsDet = 0;
        for (int k = 0; k < n; k++) {
            int last = Math.min(n - 1, k + kl);
            int p = k;
            double best = Math.abs(get(k, k));
            for (int i = k + 1; i <= last; i++) {
                double v = Math.abs(get(i, k));
                if (v > best) {
                    best = v;
                    p = i;
                }
            }
            perm[k] = p;
            if (p != k) {
                swapRows(k, p);
                detSign = -detSign;
            }
            double piv = get(k, k);
            if (piv == 0) {
                piv = 1e-300;
                set(k, k, piv);
            }
            if (piv < 0) {
                detSign = -detSign;
            }
            logAbsDet += Math.log(Math.abs(piv));
            int colEnd = Math.min(n - 1, k + width - kl - 1);
            for (int i = k + 1; i <= last; i++) {
                double f = get(i, k) / piv;
                if (f == 0) {
                    continue;
                }
                set(i, k, f); // multiplier stored in L's place
                for (int j = k + 1; j <= colEnd; j++) {
                    double u = get(k, j);
                    if (u != 0) {
                        add(i, j, -f * u);
                    }
                }
            }
        }
    }

    /**
     * Interchanges rows k and p (k &lt; p &le; k + kl) in columns k onward only, the LAPACK convention:
     * multipliers already stored in earlier columns stay where the forward solve expects them.
     */
    private void swapRows(int k, int p) {
        int end = Math.min(n - 1, k + width - kl - 1);
        for (int j = k; j <= end; j++) {
            double t = get(k, j);
            set(k, j, get(p, j));
            set(p, j, t);
        }
    }

    int detSign() {
        return detSign;
    }

    double logAbsDet() {
        return logAbsDet;
    }

    /** Solves A x = b with the factors (x overwrites b). */
    void solve(double[] b) {
        for (int k = 0; k < n; k++) {
            int p = perm[k];
            if (p != k) {
                double t = b[k];
                b[k] = b[p];
                b[p] = t;
            }
            int last = Math.min(n - 1, k + kl);
            for (int i = k + 1; i <= last; i++) {
                b[i] -= get(i, k) * b[k];
            }
        }
        for (int k = n - 1; k >= 0; k--) {
            double s = b[k];
            int colEnd = Math.min(n - 1, k + width - kl - 1);
            for (int j = k + 1; j <= colEnd; j++) {
                s -= get(k, j) * b[j];
            }
            b[k] = s / get(k, k);
        }
    }
}
