package org.glassguide.solver.compute;

import java.util.function.IntConsumer;

/**
 * The CPU ADI stepper in double precision. Fields live in two planar layouts (split re/im so that the
 * inner loops vectorise): normal, index i + nx j, and transposed, index j + ny i. A half-step reads
 * one layout and writes the other: the explicit three-point operator runs along rows of the input
 * (contiguous), and the tridiagonal solves along the other axis run in lockstep over blocks of
 * {@value #BLOCK} lines, whose right-hand sides are transposed in cache so that the Thomas recurrences
 * vectorise across lines. The LU factors of every tridiagonal system are computed once per operator
 * and factor set. Per step nothing is allocated.
 */
final class CpuAdiDouble implements AdiStepper {
    static final int BLOCK = 32;

    private final int nx;
    private final int ny;
    private final LineTeam team;
    private final double[] nRe;
    private final double[] nIm;
    private final double[] tRe;
    private final double[] tIm;
    // V/2 in both layouts
    private final double[] vnRe;
    private final double[] vnIm;
    private final double[] vtRe;
    private final double[] vtIm;
    private double[] lowX;
    private double[] upX;
    private double[] lowY;
    private double[] upY;
    private double[] c = new double[0];
    private double[] d = new double[0];
    // per factor: x solves (lockstep over j) stored [i][j]; y solves stored [j][i]
    private double[][] mxRe;
    private double[][] mxIm;
    private double[][] ipxRe;
    private double[][] ipxIm;
    private double[][] myRe;
    private double[][] myIm;
    private double[][] ipyRe;
    private double[][] ipyIm;
    private double[][] supX; // per factor: d * upX, interleaved, per i
    private double[][] supY;
    private final double[][] rRe;
    private final double[][] rIm;
    private final double[][] cRe;
    private final double[][] cIm;
    private final double[] zero;
    private int factor;
    private final IntConsumer firstHalf = this::firstHalf;
    private final IntConsumer secondHalf = this::secondHalf;

    CpuAdiDouble(AdiOperator op, int threads) {
        this.nx = op.nx();
        this.ny = op.ny();
        this.team = new LineTeam(threads);
        int n = nx * ny;
        nRe = new double[n];
        nIm = new double[n];
        tRe = new double[n];
        tIm = new double[n];
        vnRe = new double[n];
        vnIm = new double[n];
        vtRe = new double[n];
        vtIm = new double[n];
        int m = Math.max(nx, ny);
        rRe = new double[team.size()][BLOCK * m];
        rIm = new double[team.size()][BLOCK * m];
        cRe = new double[team.size()][BLOCK * m];
        cIm = new double[team.size()][BLOCK * m];
        zero = new double[m];
        setOperator(op);
    }

    @Override
    public int nx() {
        return nx;
    }

    @Override
    public int ny() {
        return ny;
    }

    @Override
    public Precision precision() {
        return Precision.DOUBLE;
    }

    @Override
    public void setOperator(AdiOperator op) {
        if (op.nx() != nx || op.ny() != ny) {
            throw new IllegalArgumentException("operator grid differs from the stepper's");
        }
        lowX = op.lowX().clone();
        upX = op.upX().clone();
        lowY = op.lowY().clone();
        upY = op.upY().clone();
        double[] v = op.potential();
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int p = i + nx * j;
                int q = j + ny * i;
                vnRe[p] = 0.5 * v[2 * p];
                vnIm[p] = 0.5 * v[2 * p + 1];
                vtRe[q] = vnRe[p];
                vtIm[q] = vnIm[p];
            }
        }
        factorise();
    }

    @Override
    public void setFactors(double[] cf, double[] df) {
        if (cf.length != df.length || cf.length % 2 != 0 || cf.length == 0) {
            throw new IllegalArgumentException("factors c and d must be equal, non-empty complex lists");
        }
        c = cf.clone();
        d = df.clone();
        factorise();
    }

    private void factorise() {
        int k = c.length / 2;
        if (k == 0) {
            return;
        }
        int n = nx * ny;
        mxRe = new double[k][n];
        mxIm = new double[k][n];
        ipxRe = new double[k][n];
        ipxIm = new double[k][n];
        myRe = new double[k][n];
        myIm = new double[k][n];
        ipyRe = new double[k][n];
        ipyIm = new double[k][n];
        supX = new double[k][2 * nx];
        supY = new double[k][2 * ny];
        for (int f = 0; f < k; f++) {
            double dr = d[2 * f];
            double di = d[2 * f + 1];
            for (int i = 0; i < nx; i++) {
                supX[f][2 * i] = dr * upX[2 * i] - di * upX[2 * i + 1];
                supX[f][2 * i + 1] = dr * upX[2 * i + 1] + di * upX[2 * i];
            }
            for (int j = 0; j < ny; j++) {
                supY[f][2 * j] = dr * upY[2 * j] - di * upY[2 * j + 1];
                supY[f][2 * j + 1] = dr * upY[2 * j + 1] + di * upY[2 * j];
            }
            // x systems: along i for each j (V at i + nx j), stored at j + ny i
            for (int j = 0; j < ny; j++) {
                thomas(dr, di, lowX, upX, vnRe, vnIm, j * nx, 1, nx, mxRe[f], mxIm[f], ipxRe[f], ipxIm[f], j, ny);
            }
            // y systems: along j for each i (V at j + ny i in the transposed copy), stored at i + nx j
            for (int i = 0; i < nx; i++) {
                thomas(dr, di, lowY, upY, vtRe, vtIm, i * ny, 1, ny, myRe[f], myIm[f], ipyRe[f], ipyIm[f], i, nx);
            }
        }
    }

    /**
     * LU of (1 + d P_v) along one line: diag 1 + d(-(low + up) + V/2), sub d low, super d up;
     * multipliers m_v = sub_v / piv_{v-1} and 1 / piv_v stored at line + lines * v.
     */
    private static void thomas(double dr, double di, double[] low, double[] up, double[] hvRe, double[] hvIm, int vBase, int vStride,
            int nv, double[] mRe, double[] mIm, double[] ipRe, double[] ipIm, int line, int lines) {
        double prevPivRe = 0;
        double prevPivIm = 0;
        for (int v = 0; v < nv; v++) {
            double sr = -(low[2 * v] + up[2 * v]) + hvRe[vBase + v * vStride];
            double si = -(low[2 * v + 1] + up[2 * v + 1]) + hvIm[vBase + v * vStride];
            double diagRe = 1 + dr * sr - di * si;
            double diagIm = dr * si + di * sr;
            double mr = 0;
            double mi = 0;
            if (v > 0) {
                double subRe = dr * low[2 * v] - di * low[2 * v + 1];
                double subIm = dr * low[2 * v + 1] + di * low[2 * v];
                double den = prevPivRe * prevPivRe + prevPivIm * prevPivIm;
                mr = (subRe * prevPivRe + subIm * prevPivIm) / den;
                mi = (subIm * prevPivRe - subRe * prevPivIm) / den;
                // sup_{v-1} = d up_{v-1}
                double supRe = dr * up[2 * v - 2] - di * up[2 * v - 1];
                double supIm = dr * up[2 * v - 1] + di * up[2 * v - 2];
                diagRe -= mr * supRe - mi * supIm;
                diagIm -= mr * supIm + mi * supRe;
            }
            int at = line + lines * v;
            mRe[at] = mr;
            mIm[at] = mi;
            double den = diagRe * diagRe + diagIm * diagIm;
            if (!(den > 0)) {
                throw new ArithmeticException("singular tridiagonal system in the ADI step: reduce dz");
            }
            ipRe[at] = diagRe / den;
            ipIm[at] = -diagIm / den;
            prevPivRe = diagRe;
            prevPivIm = diagIm;
        }
    }

    @Override
    public void setField(double[] psi) {
        for (int p = 0; p < nx * ny; p++) {
            nRe[p] = psi[2 * p];
            nIm[p] = psi[2 * p + 1];
        }
    }

    @Override
    public void getField(double[] out) {
        for (int p = 0; p < nx * ny; p++) {
            out[2 * p] = nRe[p];
            out[2 * p + 1] = nIm[p];
        }
    }

    @Override
    public void step(int steps) {
        if (c.length == 0) {
            throw new IllegalStateException("no propagation factors set");
        }
        for (int s = 0; s < steps; s++) {
            for (int f = 0; f < c.length / 2; f++) {
                factor = f;
                team.run(firstHalf);
                team.run(secondHalf);
            }
        }
    }

    /** Explicit along y (rows j of the normal layout), implicit along x; writes the transposed layout. */
    private void firstHalf(int member) {
        int f = factor;
        half(nRe, nIm, ny, nx, vnRe, vnIm, lowY, upY, c[2 * f], c[2 * f + 1], mxRe[f], mxIm[f], ipxRe[f], ipxIm[f], supX[f], tRe, tIm,
                team.from(member, ny, BLOCK), team.to(member, ny, BLOCK), member);
    }

    /** Explicit along x (rows i of the transposed layout), implicit along y; writes the normal layout. */
    private void secondHalf(int member) {
        int f = factor;
        half(tRe, tIm, nx, ny, vtRe, vtIm, lowX, upX, c[2 * f], c[2 * f + 1], myRe[f], myIm[f], ipyRe[f], ipyIm[f], supY[f], nRe, nIm,
                team.from(member, nx, BLOCK), team.to(member, nx, BLOCK), member);
    }

    /**
     * One half-step on rows u0..u1 of an input [u][v] (v contiguous): r = (1 + c P_u) in, then
     * (1 + d P_v) out = r solved along v for each row, out stored [v][u].
     */
    private void half(double[] inRe, double[] inIm, int nu, int nv, double[] hvRe, double[] hvIm, double[] lowU, double[] upU, double cr,
            double ci, double[] mRe, double[] mIm, double[] ipRe, double[] ipIm, double[] sup, double[] outRe, double[] outIm, int u0, int u1,
            int member) {
        double[] bRe = rRe[member];
        double[] bIm = rIm[member];
        double[] xRe = cRe[member];
        double[] xIm = cIm[member];
        for (int ub = u0; ub < u1; ub += BLOCK) {
            int bs = Math.min(BLOCK, u1 - ub);
            for (int b = 0; b < bs; b++) {
                int u = ub + b;
                double lr = lowU[2 * u];
                double li = lowU[2 * u + 1];
                double hr = upU[2 * u];
                double hi = upU[2 * u + 1];
                double e1r = cr * lr - ci * li;
                double e1i = cr * li + ci * lr;
                double e2r = cr * hr - ci * hi;
                double e2i = cr * hi + ci * hr;
                double e0r = 1 - (e1r + e2r);
                double e0i = -(e1i + e2i);
                double[] pRe = u > 0 ? inRe : zero;
                double[] pIm = u > 0 ? inIm : zero;
                double[] qRe = u + 1 < nu ? inRe : zero;
                double[] qIm = u + 1 < nu ? inIm : zero;
                int row = u * nv;
                int prow = u > 0 ? row - nv : 0;
                int qrow = u + 1 < nu ? row + nv : 0;
                int out = b * nv;
                for (int v = 0; v < nv; v++) {
                    double ar = inRe[row + v];
                    double ai = inIm[row + v];
                    double wr = e0r + cr * hvRe[row + v] - ci * hvIm[row + v];
                    double wi = e0i + cr * hvIm[row + v] + ci * hvRe[row + v];
                    double pr = pRe[prow + v];
                    double pi = pIm[prow + v];
                    double qr = qRe[qrow + v];
                    double qi = qIm[qrow + v];
                    bRe[out + v] = wr * ar - wi * ai + e1r * pr - e1i * pi + e2r * qr - e2i * qi;
                    bIm[out + v] = wr * ai + wi * ar + e1r * pi + e1i * pr + e2r * qi + e2i * qr;
                }
            }
            // transpose the block in cache: x[v][b]
            for (int b = 0; b < bs; b++) {
                int src = b * nv;
                for (int v = 0; v < nv; v++) {
                    xRe[v * BLOCK + b] = bRe[src + v];
                    xIm[v * BLOCK + b] = bIm[src + v];
                }
            }
            // forward sweep, lockstep over the block's lines
            for (int v = 1; v < nv; v++) {
                int at = v * nu + ub;
                int x0 = v * BLOCK;
                int xp = x0 - BLOCK;
                for (int b = 0; b < bs; b++) {
                    double mr = mRe[at + b];
                    double mi = mIm[at + b];
                    double zr = xRe[xp + b];
                    double zi = xIm[xp + b];
                    xRe[x0 + b] -= mr * zr - mi * zi;
                    xIm[x0 + b] -= mr * zi + mi * zr;
                }
            }
            // back substitution, writing the output rows [v][u]
            int last = (nv - 1) * BLOCK;
            int lastAt = (nv - 1) * nu + ub;
            for (int b = 0; b < bs; b++) {
                double zr = xRe[last + b];
                double zi = xIm[last + b];
                double ir = ipRe[lastAt + b];
                double ii = ipIm[lastAt + b];
                double yr = zr * ir - zi * ii;
                double yi = zr * ii + zi * ir;
                xRe[last + b] = yr;
                xIm[last + b] = yi;
                outRe[lastAt + b] = yr;
                outIm[lastAt + b] = yi;
            }
            for (int v = nv - 2; v >= 0; v--) {
                int at = v * nu + ub;
                int x0 = v * BLOCK;
                int xn = x0 + BLOCK;
                double sr = sup[2 * v];
                double si = sup[2 * v + 1];
                for (int b = 0; b < bs; b++) {
                    double nr = xRe[xn + b];
                    double ni = xIm[xn + b];
                    double zr = xRe[x0 + b] - (sr * nr - si * ni);
                    double zi = xIm[x0 + b] - (sr * ni + si * nr);
                    double ir = ipRe[at + b];
                    double ii = ipIm[at + b];
                    double yr = zr * ir - zi * ii;
                    double yi = zr * ii + zi * ir;
                    xRe[x0 + b] = yr;
                    xIm[x0 + b] = yi;
                    outRe[at + b] = yr;
                    outIm[at + b] = yi;
                }
            }
        }
    }

    @Override
    public double power(boolean[] mask) {
        double s = 0;
        for (int p = 0; p < nx * ny; p++) {
            if (mask == null || mask[p]) {
                s += nRe[p] * nRe[p] + nIm[p] * nIm[p];
            }
        }
        return s;
    }

    @Override
    public void multiply(double[] factor, double re, double im) {
        for (int p = 0; p < nx * ny; p++) {
            double fr = re;
            double fi = im;
            if (factor != null) {
                fr = factor[2 * p] * re - factor[2 * p + 1] * im;
                fi = factor[2 * p] * im + factor[2 * p + 1] * re;
            }
            double a = nRe[p];
            double b = nIm[p];
            nRe[p] = fr * a - fi * b;
            nIm[p] = fr * b + fi * a;
        }
    }

    @Override
    public void close() {
        team.close();
    }
}
