package org.glassguide.solver.special;

/** Complex arithmetic on {re, im} pairs for the few places that need it outside hot loops. */
public final class ComplexMath {
    private ComplexMath() {
    }

    public static double[] mul(double[] a, double[] b) {
        return new double[] {a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]};
    }

    public static double[] div(double[] a, double[] b) {
        double d = b[0] * b[0] + b[1] * b[1];
        return new double[] {(a[0] * b[0] + a[1] * b[1]) / d, (a[1] * b[0] - a[0] * b[1]) / d};
    }

    /** Principal square root, without the cancellation of the textbook formula when |Im| &lt;&lt; Re. */
    public static double[] sqrt(double[] a) {
        double m = Math.hypot(a[0], a[1]);
        if (m == 0) {
            return new double[] {0, 0};
        }
        if (a[0] >= 0) {
            double re = Math.sqrt(0.5 * (m + a[0]));
            return new double[] {re, a[1] / (2 * re)};
        }
        double im = Math.copySign(Math.sqrt(0.5 * (m - a[0])), a[1]);
        return new double[] {a[1] / (2 * im), im};
    }

    /** sum conj(a_k) b_k over interleaved complex vectors: {re, im}. */
    public static double[] conjDot(double[] a, double[] b) {
        double re = 0;
        double im = 0;
        for (int i = 0; i < a.length; i += 2) {
            re += a[i] * b[i] + a[i + 1] * b[i + 1];
            im += a[i] * b[i + 1] - a[i + 1] * b[i];
        }
        return new double[] {re, im};
    }
}
