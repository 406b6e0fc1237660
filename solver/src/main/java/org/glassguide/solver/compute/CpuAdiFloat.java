package org.glassguide.solver.compute;

import java.util.function.IntConsumer;

/**
 * The CPU ADI stepper in single precision: the double variant with float storage and arithmetic (the
 * factorisations are computed in double). Fields live in two planar layouts (split re/im so that the
 * inner loops vectorise): normal, index i + nx j, and transposed, index j + ny i. A half-step reads
 * one layout and writes the other: the explicit three-point operator runs along rows of the input
 * (contiguous), and the tridiagonal solves along the other axis run in lockstep over blocks of
 * {@value #BLOCK} lines, whose right-hand sides are transposed in cache so that the Thomas recurrences
 * vectorise across lines. The LU factors of every tridiagonal system are computed once per operator
 * and factor set. Per step nothing is allocated.
 */
final class CpuAdiFloat implements AdiStepper {
    static final int BLOCK = 32;

    private final int nx;
    private final int ny;
    private final LineTeam team;
    private final float[] nRe;
    private final float[] nIm;
    private final float[] tRe;
    private final float[] tIm;
    // V/2 in both layouts
    private final float[] vnRe;
    private final float[] vnIm;
    private final float[] vtRe;
    private final float[] vtIm;
    private double[] lowX;
    private double[] upX;
    private double[] lowY;
    private double[] upY;
    private double[] c = new double[0];
    private double[] d = new double[0];
    // per factor: x solves (lockstep over j) stored [i][j]; y solves stored [j][i]
    private float[][] mxRe;
    private float[][] mxIm;
    private float[][] ipxRe;
    private float[][] ipxIm;
    private float[][] myRe;
    private float[][] myIm;
    private float[][] ipyRe;
    private float[][] ipyIm;
    private float[][] supX; // per factor: d * upX, interleaved, per i
    private float[][] supY;
    private final float[][] rRe;
    private final float[][] rIm;
    private final float[][] cRe;
    private final float[][] cIm;
    private final float[] zero;
    private int factor;
    private final IntConsumer firstHalf = this::firstHalf;
    private final IntConsumer secondHalf = this::secondHalf;

    CpuAdiFloat(AdiOperator op, int threads) {
        this.nx = op.nx();
        this.ny = op.ny();
        this.team = new LineTeam(threads);
        int n = nx * ny;
        nRe = new float[n];
        nIm = new float[n];
        tRe = new float[n];
        tIm = new float[n];
        vnRe = new float[n];
        vnIm = new float[n];
        vtRe = new float[n];
        vtIm = new float[n];
        int m = Math.max(nx, ny);
        rRe = new float[team.size()][BLOCK * m];
        rIm = new float[team.size()][BLOCK * m];
        cRe = new float[team.size()][BLOCK * m];
        cIm = new float[team.size()][BLOCK * m];
        zero = new float[m];
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
        return Precision.FLOAT;
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
                vnRe[p] = (float) (0.5 * v[2 * p]);
                vnIm[p] = (float) (0.5 * v[2 * p + 1]);
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
        mxRe = new float[k][n];
        mxIm = new float[k][n];
        ipxRe = new float[k][n];
        ipxIm = new float[k][n];
        myRe = new float[k][n];
        myIm = new float[k][n];
        ipyRe = new float[k][n];
        ipyIm = new float[k][n];
        supX = new float[k][2 * nx];
        supY = new float[k][2 * ny];
        for (int f = 0; f < k; f++) {
            double dr = d[2 * f];
            double di = d[2 * f + 1];
            for (int i = 0; i < nx; i++) {
                supX[f][2 * i] = (float) (dr * upX[2 * i] - di * upX[2 * i + 1]);
                supX[f][2 * i + 1] = (float) (dr * upX[2 * i + 1] + di * upX[2 * i]);
            }
            for (int j = 0; j < ny; j++) {
                supY[f][2 * j] = (float) (dr * upY[2 * j] - di * upY[2 * j + 1]);
                supY[f][2 * j + 1] = (float) (dr * upY[2 * j + 1] + di * upY[2 * j]);
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
    private static void thomas(double dr, double di, double[] low, double[] up, float[] hvRe, float[] hvIm, int vBase, int vStride,
            int nv, float[] mRe, float[] mIm, float[] ipRe, float[] ipIm, int line, int lines) {
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
            mRe[at] = (float) mr;
            mIm[at] = (float) mi;
            double den = diagRe * diagRe + diagIm * diagIm;
            if (!(den > 0)) {
                throw new ArithmeticException("singular tridiagonal system in the ADI step: reduce dz");
            }
            ipRe[at] = (float) (diagRe / den);
            ipIm[at] = (float) (-diagIm / den);
            prevPivRe = diagRe;
            prevPivIm = diagIm;
        }
    }

    @Override
    public void setField(double[] psi) {
        for (int p = 0; p < nx * ny; p++) {
            nRe[p] = (float) psi[2 * p];
            nIm[p] = (float) psi[2 * p + 1];
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
    private void half(float[] inRe, float[] inIm, int nu, int nv, float[] hvRe, float[] hvIm, double[] lowU, double[] upU, double cr,
            double ci, float[] mRe, float[] mIm, float[] ipRe, float[] ipIm, float[] sup, float[] outRe, float[] outIm, int u0, int u1,
            int member) {
        float[] bRe = rRe[member];
        float[] bIm = rIm[member];
        float[] xRe = cRe[member];
        float[] xIm = cIm[member];
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
                float f1r = (float) e1r;
                float f1i = (float) e1i;
                float f2r = (float) e2r;
                float f2i = (float) e2i;
                float f0r = (float) (1 - (e1r + e2r));
                float f0i = (float) -(e1i + e2i);
                float gr = (float) cr;
                float gi = (float) ci;
                float[] pRe = u > 0 ? inRe : zero;
                float[] pIm = u > 0 ? inIm : zero;
                float[] qRe = u + 1 < nu ? inRe : zero;
                float[] qIm = u + 1 < nu ? inIm : zero;
                int row = u * nv;
                int prow = u > 0 ? row - nv : 0;
                int qrow = u + 1 < nu ? row + nv : 0;
                int out = b * nv;
                for (int v = 0; v < nv; v++) {
                    float ar = inRe[row + v];
                    float ai = inIm[row + v];
                    float wr = f0r + gr * hvRe[row + v] - gi * hvIm[row + v];
                    float wi = f0i + gr * hvIm[row + v] + gi * hvRe[row + v];
                    float pr = pRe[prow + v];
                    float pi = pIm[prow + v];
                    float qr = qRe[qrow + v];
                    float qi = qIm[qrow + v];
                    bRe[out + v] = wr * ar - wi * ai + f1r * pr - f1i * pi + f2r * qr - f2i * qi;
                    bIm[out + v] = wr * ai + wi * ar + f1r * pi + f1i * pr + f2r * qi + f2i * qr;
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
                    float mr = mRe[at + b];
                    float mi = mIm[at + b];
                    float zr = xRe[xp + b];
                    float zi = xIm[xp + b];
                    xRe[x0 + b] -= mr * zr - mi * zi;
                    xIm[x0 + b] -= mr * zi + mi * zr;
                }
            }
            // back substitution, writing the output rows [v][u]
            int last = (nv - 1) * BLOCK;
            int lastAt = (nv - 1) * nu + ub;
            for (int b = 0; b < bs; b++) {
                float zr = xRe[last + b];
                float zi = xIm[last + b];
                float ir = ipRe[lastAt + b];
                float ii = ipIm[lastAt + b];
                float yr = zr * ir - zi * ii;
                float yi = zr * ii + zi * ir;
                xRe[last + b] = yr;
                xIm[last + b] = yi;
                outRe[lastAt + b] = yr;
                outIm[lastAt + b] = yi;
            }
            for (int v = nv - 2; v >= 0; v--) {
                int at = v * nu + ub;
                int x0 = v * BLOCK;
                int xn = x0 + BLOCK;
                float sr = sup[2 * v];
                float si = sup[2 * v + 1];
                for (int b = 0; b < bs; b++) {
                    float nr = xRe[xn + b];
                    float ni = xIm[xn + b];
                    float zr = xRe[x0 + b] - (sr * nr - si * ni);
                    float zi = xIm[x0 + b] - (sr * ni + si * nr);
                    float ir = ipRe[at + b];
                    float ii = ipIm[at + b];
                    float yr = zr * ir - zi * ii;
                    float yi = zr * ii + zi * ir;
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
            nRe[p] = (float) (fr * a - fi * b);
            nIm[p] = (float) (fr * b + fi * a);
        }
    }

    @Override
    public void close() {
        team.close();
    }
}
