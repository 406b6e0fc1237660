package org.glassguide.solver.compute;

/** The LU factors of one line of an ADI factor, shared by the CPU and GPU backends. */
public final class AdiLu {
    private AdiLu() {
    }

    /**
     * LU of (1 + d P) along one line of n positions: diag 1 + d(-(low rl + up ru) + V), sub d low rl, super
     * d up ru; out holds per position the multiplier m_v = sub_v / piv_{v-1} and 1 / piv_v (re, im, re, im).
     * V per position in vRe, vIm; rl and ru the semi-vectorial interface ratios per position, or null for a
     * scalar operator. In double whatever the kernels' precision.
     */
    public static void factor(double dr, double di, double[] low, double[] up, double[] vRe, double[] vIm, double[] rl, double[] ru, int n,
            double[] out) {
        double prevPivRe = 0;
        double prevPivIm = 0;
        for (int v = 0; v < n; v++) {
            double l = rl == null ? 1 : rl[v];
            double u = ru == null ? 1 : ru[v];
            double sr = -(low[2 * v] * l + up[2 * v] * u) + vRe[v];
            double si = -(low[2 * v + 1] * l + up[2 * v + 1] * u) + vIm[v];
            double diagRe = 1 + dr * sr - di * si;
            double diagIm = dr * si + di * sr;
            double mr = 0;
            double mi = 0;
            if (v > 0) {
                double subRe = (dr * low[2 * v] - di * low[2 * v + 1]) * l;
                double subIm = (dr * low[2 * v + 1] + di * low[2 * v]) * l;
                double den = prevPivRe * prevPivRe + prevPivIm * prevPivIm;
                mr = (subRe * prevPivRe + subIm * prevPivIm) / den;
                mi = (subIm * prevPivRe - subRe * prevPivIm) / den;
                double up0 = ru == null ? 1 : ru[v - 1];
                double supRe = (dr * up[2 * v - 2] - di * up[2 * v - 1]) * up0;
                double supIm = (dr * up[2 * v - 1] + di * up[2 * v - 2]) * up0;
                diagRe -= mr * supRe - mi * supIm;
                diagIm -= mr * supIm + mi * supRe;
            }
            double den = diagRe * diagRe + diagIm * diagIm;
            if (!(den > 0) || !Double.isFinite(den)) {
                throw new ArithmeticException("singular tridiagonal system in the ADI step: reduce dz");
            }
            out[4 * v] = mr;
            out[4 * v + 1] = mi;
            out[4 * v + 2] = diagRe / den;
            out[4 * v + 3] = -diagIm / den;
            prevPivRe = diagRe;
            prevPivIm = diagIm;
        }
    }
}
