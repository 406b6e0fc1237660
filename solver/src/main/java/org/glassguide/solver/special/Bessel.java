package org.glassguide.solver.special;

/**
 * Bessel functions of integer order and real argument: J, Y (first and second kind), I, K (modified),
 * their exponentially scaled forms and derivatives, and whole order sequences from one recurrence.
 *
 * <p>Methods: J by Miller's backward recurrence normalised with J0 + 2 sum J2k = 1, the start order
 * chosen adaptively by Olver's forward test; Y0 and Y1 from the Neumann series over that J sequence
 * (x &lt; 25) or Hankel's asymptotic expansion (x &ge; 25), higher Y by stable forward recurrence;
 * I by Miller's recurrence normalised with e^-x (I0 + 2 sum Ik) = 1; K0 and K1 by their power series
 * (x &le; 2) or Steed's continued fraction (x &gt; 2, Temme's form), higher K by forward recurrence.
 * Relative accuracy is about 1e-14 away from zeros (checked against independently computed tables).
 */
public final class Bessel {
    private static final double EULER_GAMMA = 0.57721566490153286061;
    private static final double BIG = 1e250;
    private static final double HANKEL_MIN_X = 25.0;

    private Bessel() {
    }

    // ---------------------------------------------------------------- J

    /** J_n(x) for integer n and real x. */
    public static double j(int n, double x) {
        if (n < 0) {
            return (n & 1) == 0 ? j(-n, x) : -j(-n, x);
        }
        if (x < 0) {
            return (n & 1) == 0 ? j(n, -x) : -j(n, -x);
        }
        double[] s = new double[n + 1];
        jSequence(x, n, s);
        return s[n];
    }

    /** J_n'(x). */
    public static double jPrime(int n, double x) {
        if (n == 0) {
            return -j(1, x);
        }
        return 0.5 * (j(n - 1, x) - j(n + 1, x));
    }

    /**
     * Fills out[0..nmax] with J_0(x)..J_nmax(x), x &ge; 0, in O(max(nmax, x)) work.
     * Values below the smallest normal double come back as 0.
     */
    public static void jSequence(double x, int nmax, double[] out) {
        if (x < 0 || Double.isNaN(x)) {
            throw new IllegalArgumentException("jSequence needs x >= 0, got " + x);
        }
        if (x == 0) {
            java.util.Arrays.fill(out, 0, nmax + 1, 0.0);
            out[0] = 1.0;
            return;
        }
        int start = millerStart(x, nmax, false);
        double twoOverX = 2.0 / x;
        double next = 0.0; // J_{k+1}
        double cur = 1e-300; // J_k, arbitrary tiny start
        double sum = 0.0;
        for (int k = start; k > 0; k--) {
            // J_{k-1} = (2k/x) J_k - J_{k+1}
            double prev = k * twoOverX * cur - next;
            if (k <= nmax) {
                out[k] = cur;
            }
            if ((k & 1) == 0) {
                sum += 2 * cur;
            }
            next = cur;
            cur = prev;
            if (Math.abs(cur) > BIG) {
                cur /= BIG;
                next /= BIG;
                sum /= BIG;
                for (int i = k; i <= Math.min(nmax, start); i++) {
                    out[i] /= BIG;
                }
            }
        }
        sum += cur;
        out[0] = cur;
        double inv = 1.0 / sum;
        for (int i = 0; i <= nmax; i++) {
            out[i] *= inv;
        }
    }

    /**
     * Start order for Miller's algorithm: run the three-term recurrence forward from the larger of n
     * and x (where the wanted solution starts to decay) until it has grown by 1e20 (Olver's test).
     */
    private static int millerStart(double x, int n, boolean modified) {
        int m = modified ? Math.max(n, 1) : Math.max(n, (int) Math.ceil(x));
        double p0 = 0.0;
        double p1 = 1.0;
        int k = m;
        double twoOverX = 2.0 / x;
        while (Math.abs(p1) < 1e20) {
            double p2 = k * twoOverX * p1 + (modified ? p0 : -p0);
            p0 = p1;
            p1 = p2;
            k++;
            if (k > m + 100000) {
                throw new ArithmeticException("Miller start order did not converge for x = " + x);
            }
        }
        int start = k + 6;
        return start + (start & 1); // even, so the normalisation sum sees a full last pair
    }

    // ---------------------------------------------------------------- Y

    /** Y_n(x), x &gt; 0. */
    public static double y(int n, double x) {
        if (n < 0) {
            return (n & 1) == 0 ? y(-n, x) : -y(-n, x);
        }
        double[] s = new double[n + 1];
        ySequence(x, n, s);
        return s[n];
    }

    public static double yPrime(int n, double x) {
        if (n == 0) {
            return -y(1, x);
        }
        return 0.5 * (y(n - 1, x) - y(n + 1, x));
    }

    /** Fills out[0..nmax] with Y_0(x)..Y_nmax(x), x &gt; 0 (large orders overflow to -infinity). */
    public static void ySequence(double x, int nmax, double[] out) {
        if (!(x > 0)) {
            throw new IllegalArgumentException("Y_n(x) needs x > 0, got " + x);
        }
        double y0;
        double y1;
        if (x >= HANKEL_MIN_X) {
            double[] h = new double[2];
            hankelAsymptotic(x, h);
            y0 = h[0];
            y1 = h[1];
        } else {
            int m = millerStart(x, 1, false) + 2;
            double[] js = new double[m + 1];
            jSequence(x, m, js);
            double lg = Math.log(0.5 * x) + EULER_GAMMA;
            // Neumann series: Y0 = 2/pi [(ln(x/2)+g) J0 - 2 sum (-1)^k J2k / k]
            double s0 = 0.0;
            double s1 = 0.0;
            for (int k = 1; 2 * k + 1 <= m; k++) {
                double sign = (k & 1) == 0 ? 1.0 : -1.0;
                s0 += sign * js[2 * k] / k;
                s1 += sign * (js[2 * k - 1] - js[2 * k + 1]) / k;
            }
            y0 = 2.0 / Math.PI * (lg * js[0] - 2.0 * s0);
            // Y1 = -Y0', differentiating the series term by term
            y1 = -2.0 / Math.PI * (js[0] / x - lg * js[1]) + 2.0 / Math.PI * s1;
        }
        out[0] = y0;
        if (nmax >= 1) {
            out[1] = y1;
        }
        double twoOverX = 2.0 / x;
        for (int k = 1; k < nmax; k++) {
            out[k + 1] = k * twoOverX * out[k] - out[k - 1];
        }
    }

    /** Y0 and Y1 (into out[0], out[1]) from Hankel's expansion; J0, J1 into out[2], out[3] if room. */
    private static void hankelAsymptotic(double x, double[] out) {
        for (int nu = 0; nu <= 1; nu++) {
            double mu = 4.0 * nu * nu;
            double p = 0.0;
            double q = 0.0;
            double term = 1.0; // a_k(nu) / x^k
            double prevAbs = Double.MAX_VALUE;
            for (int k = 0; k < 200; k++) {
                if (k > 0) {
                    double odd = 2 * k - 1;
                    term *= (mu - odd * odd) / (k * 8.0 * x);
                }
                double a = Math.abs(term);
                if (a > prevAbs) {
                    break; // the asymptotic series started to diverge
                }
                prevAbs = a;
                switch (k & 3) {
                    case 0:
                        p += term;
                        break;
                    case 1:
                        q += term;
                        break;
                    case 2:
                        p -= term;
                        break;
                    default:
                        q -= term;
                }
                if (a < 1e-17 * Math.abs(p)) {
                    break;
                }
            }
            double chi = x - (0.5 * nu + 0.25) * Math.PI;
            double amp = Math.sqrt(2.0 / (Math.PI * x));
            double c = Math.cos(chi);
            double s = Math.sin(chi);
            out[nu] = amp * (p * s + q * c);
            if (out.length > 3) {
                out[2 + nu] = amp * (p * c - q * s);
            }
        }
    }

    // ---------------------------------------------------------------- I

    /** I_n(x). */
    public static double i(int n, double x) {
        int m = Math.abs(n);
        if (x < 0) {
            return (m & 1) == 0 ? i(m, -x) : -i(m, -x);
        }
        return iScaled(m, x) * Math.exp(x);
    }

    /** e^-x I_n(x), x &ge; 0. */
    public static double iScaled(int n, double x) {
        int m = Math.abs(n);
        double[] s = new double[m + 1];
        iScaledSequence(x, m, s);
        return s[m];
    }

    public static double iPrime(int n, double x) {
        if (n == 0) {
            return i(1, x);
        }
        return 0.5 * (i(n - 1, x) + i(n + 1, x));
    }

    /** Fills out[0..nmax] with e^-x I_k(x), x &ge; 0. */
    public static void iScaledSequence(double x, int nmax, double[] out) {
        if (x < 0 || Double.isNaN(x)) {
            throw new IllegalArgumentException("iScaledSequence needs x >= 0, got " + x);
        }
        if (x == 0) {
            java.util.Arrays.fill(out, 0, nmax + 1, 0.0);
            out[0] = 1.0;
            return;
        }
        int start = millerStart(x, nmax, true);
        double twoOverX = 2.0 / x;
        double next = 0.0;
        double cur = 1e-300;
        double sum = 0.0;
        for (int k = start; k > 0; k--) {
            double prev = k * twoOverX * cur + next;
            if (k <= nmax) {
                out[k] = cur;
            }
            sum += 2 * cur;
            next = cur;
            cur = prev;
            if (cur > BIG) {
                cur /= BIG;
                next /= BIG;
                sum /= BIG;
                for (int i = k; i <= Math.min(nmax, start); i++) {
                    out[i] /= BIG;
                }
            }
        }
        sum += cur;
        out[0] = cur;
        double inv = 1.0 / sum;
        for (int i = 0; i <= nmax; i++) {
            out[i] *= inv;
        }
    }

    // ---------------------------------------------------------------- K

    /** K_n(x), x &gt; 0. */
    public static double k(int n, double x) {
        int m = Math.abs(n);
        double[] s = new double[m + 1];
        kScaledSequence(x, m, s);
        return s[m] * Math.exp(-x);
    }

    /** e^x K_n(x), x &gt; 0. */
    public static double kScaled(int n, double x) {
        int m = Math.abs(n);
        double[] s = new double[m + 1];
        kScaledSequence(x, m, s);
        return s[m];
    }

    public static double kPrime(int n, double x) {
        if (n == 0) {
            return -k(1, x);
        }
        return -0.5 * (k(n - 1, x) + k(n + 1, x));
    }

    /** Fills out[0..nmax] with e^x K_k(x), x &gt; 0 (large orders overflow to +infinity). */
    public static void kScaledSequence(double x, int nmax, double[] out) {
        double[] k01 = new double[2];
        k01Scaled(x, k01);
        out[0] = k01[0];
        if (nmax >= 1) {
            out[1] = k01[1];
        }
        double twoOverX = 2.0 / x;
        for (int k = 1; k < nmax; k++) {
            out[k + 1] = out[k - 1] + k * twoOverX * out[k];
        }
    }

    /**
     * K_{n-1}(x)/K_n(x) for n &ge; 1, by the forward ratio recurrence r_{k+1} = 1/(r_k + 2k/x) from
     * K0/K1: never overflows, so it serves orders in the thousands at any argument.
     */
    public static double kRatio(int n, double x) {
        double[] r = new double[Math.max(n, 1) + 1];
        kRatioSequence(x, Math.max(n, 1), r);
        return r[Math.max(n, 1)];
    }

    /** Fills out[1..nmax] with K_{n-1}(x)/K_n(x), the same overflow-free recurrence for every order at once. */
    public static void kRatioSequence(double x, int nmax, double[] out) {
        double[] k01 = new double[2];
        k01Scaled(x, k01);
        out[1] = k01[0] / k01[1];
        double twoOverX = 2.0 / x;
        for (int k = 1; k < nmax; k++) {
            out[k + 1] = 1.0 / (out[k] + k * twoOverX);
        }
    }

    /** e^x K0(x) and e^x K1(x). */
    static void k01Scaled(double x, double[] out) {
        if (!(x > 0)) {
            throw new IllegalArgumentException("K_n(x) needs x > 0, got " + x);
        }
        if (x <= 2.0) {
            // power series around 0 with the harmonic numbers; no cancellation worth a digit for x <= 2
            double t = 0.25 * x * x;
            double lg = Math.log(0.5 * x) + EULER_GAMMA;
            double term = 1.0; // t^k/(k!)^2
            double h = 0.0; // H_k
            double i0 = 0.0;
            double s0 = 0.0;
            double i1 = 0.0;
            double s1 = 0.0;
            for (int k = 0; k < 60; k++) {
                if (k > 0) {
                    term *= t / ((double) k * k);
                    h += 1.0 / k;
                }
                double term1 = term / (k + 1); // t^k/(k!(k+1)!)
                i0 += term;
                s0 += term * h;
                i1 += term1;
                // psi(k+1) + psi(k+2) = -2g + 2 H_k + 1/(k+1)
                s1 += term1 * (2 * h + 1.0 / (k + 1));
                if (term < 1e-18 * i0) {
                    break;
                }
            }
            double k0 = -lg * i0 + s0;
            // K1 = 1/x + ln(x/2) I1 - (x/4) sum (psi(k+1)+psi(k+2)) t^k/(k!(k+1)!), psi(1)=-g
            double k1 = 1.0 / x + (x * 0.5) * (lg * i1 - 0.5 * s1);
            double e = Math.exp(x);
            out[0] = k0 * e;
            out[1] = k1 * e;
            return;
        }
        // Steed's algorithm for the continued fraction CF2 (Temme), order mu = 0
        double b = 2.0 * (1.0 + x);
        double d = 1.0 / b;
        double h = d;
        double delh = d;
        double q1 = 0.0;
        double q2 = 1.0;
        double a1 = 0.25;
        double q = a1;
        double c = a1;
        double a = -a1;
        double s = 1.0 + q * delh;
        for (int i = 2; i < 10000; i++) {
            a -= 2 * (i - 1);
            c = -a * c / i;
            double qnew = (q1 - b * q2) / a;
            q1 = q2;
            q2 = qnew;
            q += c * qnew;
            b += 2.0;
            d = 1.0 / (b + a * d);
            delh = (b * d - 1.0) * delh;
            h += delh;
            double dels = q * delh;
            s += dels;
            if (Math.abs(dels / s) < 1e-17) {
                break;
            }
        }
        h = a1 * h;
        double k0 = Math.sqrt(Math.PI / (2.0 * x)) / s;
        out[0] = k0;
        out[1] = k0 * (x + 0.5 - h) / x;
    }
}
