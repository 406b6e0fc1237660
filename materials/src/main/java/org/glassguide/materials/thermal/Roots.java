package org.glassguide.materials.thermal;

import java.util.function.DoubleUnaryOperator;

/** Bisection for monotone functions: slower than Brent, but it cannot leave its bracket or stall. */
final class Roots {
    private Roots() {
    }

    /** x in [lo, hi] with f(x) = target for f decreasing in x; NaN when the target is not bracketed. */
    static double decreasing(DoubleUnaryOperator f, double target, double lo, double hi) {
        return monotone(x -> target - f.applyAsDouble(x), lo, hi);
    }

    /** x in [lo, hi] with f(x) = target for f increasing in x; NaN when the target is not bracketed. */
    static double increasing(DoubleUnaryOperator f, double target, double lo, double hi) {
        return monotone(x -> f.applyAsDouble(x) - target, lo, hi);
    }

    // g increasing: g(lo) <= 0 <= g(hi)
    private static double monotone(DoubleUnaryOperator g, double lo, double hi) {
        double glo = g.applyAsDouble(lo);
        double ghi = g.applyAsDouble(hi);
        if (!(glo <= 0 && ghi >= 0)) {
            return Double.NaN;
        }
        for (int i = 0; i < 200 && hi - lo > 1e-13 * Math.max(1, Math.abs(lo) + Math.abs(hi)); i++) {
            double mid = 0.5 * (lo + hi);
            if (g.applyAsDouble(mid) <= 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }
}
