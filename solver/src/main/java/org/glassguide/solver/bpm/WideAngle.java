package org.glassguide.solver.bpm;

import org.glassguide.solver.special.ComplexMath;

/**
 * The propagator's angular accuracy. The one-way operator d/dz = i k (sqrt(1 + X) - 1), X = P / k^2,
 * is replaced by the continued-fraction Pade approximants f_{n+1} = (X/2) / (1 + f_n / 2) (Hadley,
 * Opt. Lett. 17, 1426 (1992)): n = 1 is paraxial, n = 2 Pade (1,1), n = 4 Pade (2,2). Crank-Nicolson in
 * z turns f = N/D into (D - i a N) psi' = (D + i a N) psi with a = k dz / 2; both sides factor into
 * linear terms (1 + d_k X) and (1 + c_k X), applied one after the other (the multistep method).
 */
public enum WideAngle {
    PARAXIAL(1), PADE11(2), PADE22(4);

    private final int fractionDepth;

    WideAngle(int fractionDepth) {
        this.fractionDepth = fractionDepth;
    }

    /** Parses none|paraxial, pade11, pade22 (case-insensitive); null when none of them. */
    public static WideAngle parse(String s) {
        switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "none":
            case "paraxial":
                return PARAXIAL;
            case "pade11":
                return PADE11;
            case "pade22":
                return PADE22;
            default:
                return null;
        }
    }

    /** Numerator and denominator coefficients (powers of X, real) of the approximant. */
    double[][] fraction() {
        double[] n = {0};
        double[] d = {1};
        for (int k = 0; k < fractionDepth; k++) {
            // N' = (X/2) D, D' = D + N/2
            double[] nn = new double[d.length + 1];
            for (int i = 0; i < d.length; i++) {
                nn[i + 1] = 0.5 * d[i];
            }
            double[] dd = new double[Math.max(d.length, n.length)];
            for (int i = 0; i < dd.length; i++) {
                dd[i] = (i < d.length ? d[i] : 0) + 0.5 * (i < n.length ? n[i] : 0);
            }
            n = nn;
            d = dd;
        }
        return new double[][] {n, d};
    }

    /**
     * The step factors for the transverse operator P (1/m^2): {c, d}, each interleaved complex, one
     * pair per multistep factor, such that one z-step is psi <- prod_k (1 + d_k P)^-1 (1 + c_k P) psi.
     */
    public double[][] factors(double dz, double kRef) {
        return factors(dz, kRef, 0);
    }

    /**
     * The step factors with the branch cut of sqrt(1 + X) rotated by {@code alpha} (radians; Milinazzo, Zala and
     * Brooke, J. Acoust. Soc. Am. 101, 760 (1997)): sqrt(1 + X) = e^{i alpha/2} sqrt(1 + Y), Y = e^{-i alpha}(1 + X) - 1,
     * with the approximant taken in Y, minus its value at X = 0 (so light at k_ref keeps its phase and the factors
     * stay of the form 1 + t X). Evanescent waves (X &lt; -1) then decay instead of sitting near the approximant's
     * poles on the real axis, which also keeps each factor's 2D system well conditioned. alpha = 0 is the plain
     * approximant.
     */
    public double[][] factors(double dz, double kRef, double alpha) {
        double[][] f = fraction();
        double a = 0.5 * kRef * dz;
        int deg = Math.max(f[0].length, f[1].length) - 1;
        while (deg > 0 && coefficient(f, deg) == 0) {
            deg--;
        }
        // Ntil(X), Dtil(X): complex polynomial coefficients (plain: N and D themselves)
        double[][] nt = new double[deg + 1][2];
        double[][] dt = new double[deg + 1][2];
        if (alpha == 0) {
            for (int i = 0; i <= deg; i++) {
                nt[i][0] = i < f[0].length ? f[0][i] : 0;
                dt[i][0] = i < f[1].length ? f[1][i] : 0;
            }
        } else {
            double[] u = {Math.cos(alpha), -Math.sin(alpha)};
            double[] y0 = {u[0] - 1, u[1]};
            // Y(X) = y0 + u X; N(Y(X)), D(Y(X)) as polynomials in X
            double[][] ny = compose(f[0], y0, u, deg);
            double[][] dy = compose(f[1], y0, u, deg);
            double[] n0 = ny[0].clone();
            double[] d0 = dy[0].clone();
            double[] half = {Math.cos(alpha / 2), Math.sin(alpha / 2)};
            for (int i = 0; i <= deg; i++) {
                // Ntil = e^{i alpha/2} (D0 N(Y) - N0 D(Y)), Dtil = D0 D(Y)
                double[] t1 = ComplexMath.mul(d0, ny[i]);
                double[] t2 = ComplexMath.mul(n0, dy[i]);
                nt[i] = ComplexMath.mul(half, new double[] {t1[0] - t2[0], t1[1] - t2[1]});
                dt[i] = ComplexMath.mul(d0, dy[i]);
            }
        }
        // L = Dtil - i a Ntil and R = Dtil + i a Ntil, scaled to 1 at X = 0 (Ntil(0) = 0)
        double[][] left = new double[deg + 1][];
        double[][] right = new double[deg + 1][];
        double[] l0 = dt[0];
        for (int i = 0; i <= deg; i++) {
            double[] ian = {-a * nt[i][1], a * nt[i][0]};
            left[i] = ComplexMath.div(new double[] {dt[i][0] - ian[0], dt[i][1] - ian[1]}, l0);
            right[i] = ComplexMath.div(new double[] {dt[i][0] + ian[0], dt[i][1] + ian[1]}, l0);
        }
        double[][] dl = linearFactors(left);
        double[][] cr = linearFactors(right);
        double[] c = new double[2 * deg];
        double[] d = new double[2 * deg];
        double k2 = kRef * kRef;
        // pair each d with the c nearest its conjugate: for a real operator each factor is then unitary
        if (deg == 2 && Math.hypot(cr[0][0] - dl[0][0], cr[0][1] + dl[0][1]) > Math.hypot(cr[1][0] - dl[0][0], cr[1][1] + dl[0][1])) {
            double[] t = cr[0];
            cr[0] = cr[1];
            cr[1] = t;
        }
        for (int k = 0; k < deg; k++) {
            c[2 * k] = cr[k][0] / k2;
            c[2 * k + 1] = cr[k][1] / k2;
            d[2 * k] = dl[k][0] / k2;
            d[2 * k + 1] = dl[k][1] / k2;
        }
        return new double[][] {c, d};
    }

    /**
     * The largest amplitude gain |S(X)| - 1 of one step (the product of its factors) for plane waves with X = -(k_perp /
     * k_ref)^2 in [xMin, 0]: zero for the plain approximant (each factor unitary for real X); a rotated branch cut
     * makes Im of the approximant negative somewhere for Pade (2,2) (measured: +7.7e-4 per step at 30 deg with dz =
     * 0.1 um at 1 um in n = 1.56), so steep light grows, and positive for Pade (1,1) (it loses).
     */
    public double maxGainPerStep(double dz, double kRef, double alpha, double xMin) {
        double[][] f = factors(dz, kRef, alpha);
        double k2 = kRef * kRef;
        double worst = 0;
        int samples = 400;
        for (int i = 1; i <= samples; i++) {
            double p = xMin * i / samples * k2;
            double amp = 1;
            for (int j = 0; j < f[0].length / 2; j++) {
                amp *= Math.hypot(1 + f[0][2 * j] * p, f[0][2 * j + 1] * p) / Math.hypot(1 + f[1][2 * j] * p, f[1][2 * j + 1] * p);
            }
            worst = Math.max(worst, amp - 1);
        }
        return worst;
    }

    /** The coefficients (powers of X, complex) of p(y0 + u X) for a real polynomial p, up to degree deg. */
    private static double[][] compose(double[] p, double[] y0, double[] u, int deg) {
        double[][] out = new double[deg + 1][2];
        // Horner in the polynomial ring: acc = acc * (y0 + u X) + p_i
        for (int i = p.length - 1; i >= 0; i--) {
            double[][] next = new double[deg + 1][2];
            for (int j = 0; j <= deg; j++) {
                double[] m0 = ComplexMath.mul(out[j], y0);
                next[j][0] += m0[0];
                next[j][1] += m0[1];
                if (j + 1 <= deg) {
                    double[] m1 = ComplexMath.mul(out[j], u);
                    next[j + 1][0] += m1[0];
                    next[j + 1][1] += m1[1];
                }
            }
            next[0][0] += p[i];
            out = next;
        }
        return out;
    }

    private static double coefficient(double[][] f, int i) {
        return Math.abs(i < f[0].length ? f[0][i] : 0) + Math.abs(i < f[1].length ? f[1][i] : 0);
    }

    /** For 1 + p1 X (+ p2 X^2): the t_k with the polynomial = prod (1 + t_k X). */
    private static double[][] linearFactors(double[][] p) {
        if (p.length == 2) {
            return new double[][] {p[1]};
        }
        if (p.length == 3) {
            // t1 + t2 = p1, t1 t2 = p2: roots of t^2 - p1 t + p2
            double[] sq = ComplexMath.mul(p[1], p[1]);
            double[] disc = {sq[0] - 4 * p[2][0], sq[1] - 4 * p[2][1]};
            double[] s = ComplexMath.sqrt(disc);
            return new double[][] {{0.5 * (p[1][0] + s[0]), 0.5 * (p[1][1] + s[1])}, {0.5 * (p[1][0] - s[0]), 0.5 * (p[1][1] - s[1])}};
        }
        throw new IllegalStateException("approximant of degree " + (p.length - 1) + " not factorised here");
    }

    /**
     * The propagation constant whose phase advance per unit length this propagator gives as {@code rate}
     * (rad/m relative to k_ref): Crank-Nicolson advances the phase by 2 atan(a f) per step, f = N(X)/D(X)
     * the approximant, a = k_ref dz / 2; inverting both for X = beta^2/k_ref^2 - 1 recovers beta for the
     * transverse operator on the grid (what the mode solver on the same grid computes). NaN where no
     * propagating beta gives that rate.
     */
    public double betaFromPhaseRate(double rate, double dz, double kRef) {
        double a = 0.5 * kRef * dz;
        double target = Math.tan(0.5 * rate * dz) / a;
        double[][] f = fraction();
        // Newton on N(X) - target D(X) = 0 from the paraxial guess X = 2 f
        double x = 2 * target;
        for (int it = 0; it < 60; it++) {
            double[] nv = poly(f[0], x);
            double[] dv = poly(f[1], x);
            double g = nv[0] - target * dv[0];
            double dg = nv[1] - target * dv[1];
            if (dg == 0 || !Double.isFinite(g)) {
                return Double.NaN;
            }
            double step = g / dg;
            x -= step;
            if (Math.abs(step) <= 1e-15 * Math.max(1, Math.abs(x))) {
                // a rate the approximant cannot reach, or an evanescent X < -1: no propagation constant
                return 1 + x >= 0 ? kRef * Math.sqrt(1 + x) : Double.NaN;
            }
        }
        return Double.NaN;
    }

    /** Value and derivative of a polynomial (coefficients of powers of x) at x. */
    private static double[] poly(double[] c, double x) {
        double v = 0;
        double dv = 0;
        for (int i = c.length - 1; i >= 0; i--) {
            dv = dv * x + v;
            v = v * x + c[i];
        }
        return new double[] {v, dv};
    }
}
