package org.glassguide.solver.special;

import java.util.function.DoubleUnaryOperator;

/** Bracketed scalar root finding (Brent-Dekker: inverse quadratic interpolation, secant, bisection). */
public final class RootFinder {
    private RootFinder() {
    }

    /**
     * A root of f in [a, b] where fa = f(a) and fb = f(b) differ in sign, to absolute tolerance
     * {@code tol} in x (plus a few ulps).
     */
    public static double brent(DoubleUnaryOperator f, double a, double b, double fa, double fb, double tol) {
        if (fa == 0) {
            return a;
        }
        if (fb == 0) {
            return b;
        }
        if (Math.signum(fa) == Math.signum(fb)) {
            throw new IllegalArgumentException("root not bracketed: f(" + a + ")=" + fa + ", f(" + b + ")=" + fb);
        }
        double c = a;
        double fc = fa;
        double d = b - a;
        double e = d;
        for (int iter = 0; iter < 200; iter++) {
            if (Math.signum(fb) == Math.signum(fc)) {
                c = a;
                fc = fa;
                d = b - a;
                e = d;
            }
            if (Math.abs(fc) < Math.abs(fb)) {
                a = b;
                b = c;
                c = a;
                fa = fb;
                fb = fc;
                fc = fa;
            }
            double tol1 = 2 * Math.ulp(b) + 0.5 * tol;
            double xm = 0.5 * (c - b);
            if (Math.abs(xm) <= tol1 || fb == 0) {
                return b;
            }
            if (Math.abs(e) >= tol1 && Math.abs(fa) > Math.abs(fb)) {
                double s = fb / fa;
                double p;
                double q;
                if (a == c) {
                    p = 2 * xm * s;
                    q = 1 - s;
                } else {
                    double qq = fa / fc;
                    double r = fb / fc;
                    p = s * (2 * xm * qq * (qq - r) - (b - a) * (r - 1));
                    q = (qq - 1) * (r - 1) * (s - 1);
                }
                if (p > 0) {
                    q = -q;
                }
                p = Math.abs(p);
                if (2 * p < Math.min(3 * xm * q - Math.abs(tol1 * q), Math.abs(e * q))) {
                    e = d;
                    d = p / q;
                } else {
                    d = xm;
                    e = d;
                }
            } else {
                d = xm;
                e = d;
            }
            a = b;
            fa = fb;
            b += Math.abs(d) > tol1 ? d : Math.copySign(tol1, xm);
            fb = f.applyAsDouble(b);
        }
        throw new ArithmeticException("Brent's method did not converge in 200 iterations");
    }
}
