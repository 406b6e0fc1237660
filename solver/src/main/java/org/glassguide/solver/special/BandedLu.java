package org.glassguide.solver.special;

/**
 * LU factorisation with partial pivoting of a real band matrix (kl sub-, ku super-diagonals), in
 * O(n kl (kl + ku)): the determinant's sign for eigenvalue bracketing and solves for inverse
 * iteration. Row i keeps columns [i - kl, i + kl + ku] (room for the fill-in pivoting creates).
 */
public final class BandedLu {
    private final int n;
    private final int kl;
    private final int width;
    private final double[][] rows; // rows[i][c - (i - kl)]
    private final int[] perm;
    private int detSign;
    private double logAbsDet;

    public BandedLu(int n, int kl, int ku) {
        this.n = n;
        this.kl = kl;
        this.width = 2 * kl + ku + 1;
        this.rows = new double[n][width];
        this.perm = new int[n];
    }

    public void clear() {
        for (double[] r : rows) {
            java.util.Arrays.fill(r, 0);
        }
    }

    public void set(int i, int j, double v) {
        rows[i][j - i + kl] = v;
    }

    public void add(int i, int j, double v) {
        rows[i][j - i + kl] += v;
    }

    /** Factors in place; afterwards {@link #detSign()} and {@link #solve} are available. */
    public void factor() {
        detSign = 1;
        logAbsDet = 0;
        for (int k = 0; k < n; k++) {
            int last = Math.min(n - 1, k + kl);
            int p = k;
            double best = Math.abs(rows[k][kl]);
            for (int i = k + 1; i <= last; i++) {
                double v = Math.abs(rows[i][k - i + kl]);
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
            double[] rk = rows[k];
            double piv = rk[kl];
            if (piv == 0) {
                piv = 1e-300;
                rk[kl] = piv;
            }
            if (piv < 0) {
                detSign = -detSign;
            }
            logAbsDet += Math.log(Math.abs(piv));
            int colEnd = Math.min(n - 1, k + width - kl - 1);
            int offK = kl - k;
            for (int i = k + 1; i <= last; i++) {
                double[] ri = rows[i];
                int offI = kl - i;
                double f = ri[k + offI] / piv;
                if (f == 0) {
                    continue;
                }
                ri[k + offI] = f; // multiplier stored in L's place
                // direct offsets: row i's column j sits at j + offI, row k's at j + offK
                for (int j = k + 1; j <= colEnd; j++) {
                    ri[j + offI] -= f * rk[j + offK];
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
        double[] rk = rows[k];
        double[] rp = rows[p];
        int offK = kl - k;
        int offP = kl - p;
        for (int j = k; j <= end; j++) {
            // row p holds no entries left of its band start p - kl; k >= p - kl, so j + offP >= 0
            double t = rk[j + offK];
            rk[j + offK] = rp[j + offP];
            rp[j + offP] = t;
        }
    }

    public int detSign() {
        return detSign;
    }

    public double logAbsDet() {
        return logAbsDet;
    }

    /** Solves A x = b with the factors (x overwrites b). */
    public void solve(double[] b) {
        for (int k = 0; k < n; k++) {
            int p = perm[k];
            if (p != k) {
                double t = b[k];
                b[k] = b[p];
                b[p] = t;
            }
            int last = Math.min(n - 1, k + kl);
            double bk = b[k];
            for (int i = k + 1; i <= last; i++) {
                b[i] -= rows[i][k - i + kl] * bk;
            }
        }
        for (int k = n - 1; k >= 0; k--) {
            double[] rk = rows[k];
            int off = kl - k;
            double s = b[k];
            int colEnd = Math.min(n - 1, k + width - kl - 1);
            for (int j = k + 1; j <= colEnd; j++) {
                s -= rk[j + off] * b[j];
            }
            b[k] = s / rk[kl];
        }
    }
}
