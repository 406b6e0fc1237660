package org.glassguide.solver.fd;

/**
 * Eigenvalues and eigenvectors of a small dense complex matrix (Arnoldi's Hessenberg matrix): shifted
 * QR iteration with Givens rotations and Wilkinson shifts on the Hessenberg form, deflating from the
 * bottom; eigenvectors by inverse iteration with complex Gaussian elimination.
 */
final class SmallComplexEigen {
    private SmallComplexEigen() {
    }

    /** Eigenvalues of the upper Hessenberg matrix (re, im), returned as {re[], im[]}. */
    static double[][] hessenbergEigenvalues(double[][] hr0, double[][] hi0) {
        int m = hr0.length;
        double[][] ar = new double[m][];
        double[][] ai = new double[m][];
        for (int i = 0; i < m; i++) {
            ar[i] = hr0[i].clone();
            ai[i] = hi0[i].clone();
        }
        double[] er = new double[m];
        double[] ei = new double[m];
        int hi = m - 1;
        int iter = 0;
        double[] cs = new double[m];
        double[] sr = new double[m];
        double[] si = new double[m];
        while (hi >= 0) {
            if (hi == 0) {
                er[0] = ar[0][0];
                ei[0] = ai[0][0];
                break;
            }
            int l = hi;
            while (l > 0) {
                double sub = Math.hypot(ar[l][l - 1], ai[l][l - 1]);
                double diag = Math.hypot(ar[l][l], ai[l][l]) + Math.hypot(ar[l - 1][l - 1], ai[l - 1][l - 1]);
                if (sub <= 1e-15 * (diag == 0 ? 1 : diag)) {
                    ar[l][l - 1] = 0;
                    ai[l][l - 1] = 0;
                    break;
                }
                l--;
            }
            if (l == hi) {
                er[hi] = ar[hi][hi];
                ei[hi] = ai[hi][hi];
                hi--;
                iter = 0;
                continue;
            }
            if (++iter > 300) {
                throw new ArithmeticException("complex QR iteration did not converge");
            }
            // Wilkinson shift: eigenvalue of the trailing 2x2 block closest to its last diagonal entry
            double[] mu = wilkinson(ar[hi - 1][hi - 1], ai[hi - 1][hi - 1], ar[hi - 1][hi], ai[hi - 1][hi], ar[hi][hi - 1],
                    ai[hi][hi - 1], ar[hi][hi], ai[hi][hi]);
            if (iter % 11 == 10) {
                mu[0] += Math.hypot(ar[hi][hi - 1], ai[hi][hi - 1]); // exceptional shift
            }
            for (int k = l; k <= hi; k++) {
                ar[k][k] -= mu[0];
                ai[k][k] -= mu[1];
            }
            // QR by Givens: G_k [a; b] = [r; 0] with c = |a|/rho, s = (a/|a|) conj(b)/rho
            for (int k = l; k < hi; k++) {
                double xr = ar[k][k];
                double xi = ai[k][k];
                double yr = ar[k + 1][k];
                double yi = ai[k + 1][k];
                double na = Math.hypot(xr, xi);
                double rho = Math.hypot(na, Math.hypot(yr, yi));
                double c;
                double s0;
                double s1;
                if (na == 0) {
                    c = 0;
                    s0 = 1;
                    s1 = 0;
                } else {
                    c = na / rho;
                    // s = (x/|x|) * conj(y) / rho
                    double ur = xr / na;
                    double ui = xi / na;
                    s0 = (ur * yr + ui * yi) / rho;
                    s1 = (ui * yr - ur * yi) / rho;
                }
                cs[k] = c;
                sr[k] = s0;
                si[k] = s1;
                for (int j = k; j <= hi; j++) {
                    double pr = ar[k][j];
                    double pi = ai[k][j];
                    double qr = ar[k + 1][j];
                    double qi = ai[k + 1][j];
                    // row k: c p + s q ; row k+1: -conj(s) p + c q
                    ar[k][j] = c * pr + (s0 * qr - s1 * qi);
                    ai[k][j] = c * pi + (s0 * qi + s1 * qr);
                    ar[k + 1][j] = -(s0 * pr + s1 * pi) + c * qr;
                    ai[k + 1][j] = -(s0 * pi - s1 * pr) + c * qi;
                }
            }
            // R Q: apply G_k^H on the right to columns k, k+1: [x y] -> [x c + y conj(s), -x s + y c]
            for (int k = l; k < hi; k++) {
                double c = cs[k];
                double s0 = sr[k];
                double s1 = si[k];
                int top = Math.min(hi, k + 1);
                for (int i = l; i <= top; i++) {
                    double xr = ar[i][k];
                    double xi = ai[i][k];
                    double yr = ar[i][k + 1];
                    double yi = ai[i][k + 1];
                    ar[i][k] = xr * c + (yr * s0 + yi * s1);
                    ai[i][k] = xi * c + (yi * s0 - yr * s1);
                    ar[i][k + 1] = -(xr * s0 - xi * s1) + yr * c;
                    ai[i][k + 1] = -(xr * s1 + xi * s0) + yi * c;
                }
            }
            for (int k = l; k <= hi; k++) {
                ar[k][k] += mu[0];
                ai[k][k] += mu[1];
            }
        }
        return new double[][] {er, ei};
    }

    private static double[] wilkinson(double ar, double ai, double br, double bi, double cr, double ci, double dr, double di) {
        // eigenvalues of [[a, b], [c, d]]: (a + d)/2 +- sqrt(((a - d)/2)^2 + b c)
        double hr = 0.5 * (ar - dr);
        double hi = 0.5 * (ai - di);
        double pr = hr * hr - hi * hi + (br * cr - bi * ci);
        double pi = 2 * hr * hi + (br * ci + bi * cr);
        double m = Math.hypot(pr, pi);
        double sr = Math.sqrt(0.5 * (m + pr));
        double si = Math.copySign(Math.sqrt(Math.max(0, 0.5 * (m - pr))), pi);
        double mr = 0.5 * (ar + dr);
        double mi = 0.5 * (ai + di);
        double e1r = mr + sr;
        double e1i = mi + si;
        double e2r = mr - sr;
        double e2i = mi - si;
        return Math.hypot(e1r - dr, e1i - di) <= Math.hypot(e2r - dr, e2i - di) ? new double[] {e1r, e1i} : new double[] {e2r, e2i};
    }

    /** A unit eigenvector of the dense complex matrix (re, im) for the eigenvalue (lr, li), by inverse iteration. */
    static double[] eigenvector(double[][] mr, double[][] mi, double lr, double li) {
        return DenseComplexEigen.invariantSubspace(mr, mi, lr, li, 1, new java.util.Random(7))[0];
    }
}
