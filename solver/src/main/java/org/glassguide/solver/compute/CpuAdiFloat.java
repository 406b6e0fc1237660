// Generated from solver/src/template/CpuAdi.java.template by generate.py: edit the template.
package org.glassguide.solver.compute;

import java.util.function.IntConsumer;

/**
 * The CPU ADI stepper in single precision (factorisations computed in double, then rounded). The field lives in two blocked layouts, each an array of
 * {@value #BLOCK}-wide rows: L1[x block][y][x lane] and L2[y block][x][y lane]. A half-step reads one
 * layout and writes the other: the explicit three-point operator runs along rows (whole rows of lanes),
 * each tile of results is transposed in cache, and the tridiagonal solves run in lockstep over the
 * {@value #BLOCK} lines of a block. Every inner loop then indexes all its arrays by the lane alone,
 * which is the form the JIT vectorises (it cannot rule out aliasing between arrays addressed at
 * different offsets). Real and imaginary parts are separate planes for the same reason; the SPI's
 * exchange format stays interleaved. LU factors of every line are computed once per operator and
 * factor set; nothing is allocated per step.
 */
final class CpuAdiFloat implements AdiStepper {
    static final int BLOCK = 32;

    private final int nx;
    private final int ny;
    private final int bx;
    private final int by;
    private final LineTeam team;
    private final float[][][] f1Re;
    private final float[][][] f1Im;
    private final float[][][] f2Re;
    private final float[][][] f2Im;
    private final float[][][] v1Re;
    private final float[][][] v1Im;
    private final float[][][] v2Re;
    private final float[][][] v2Im;
    private double[] lowX;
    private double[] upX;
    private double[] lowY;
    private double[] upY;
    private double[] c = new double[0];
    private double[] d = new double[0];
    // per factor: x solves (lines y) in L2; y solves (lines x) in L1
    private float[][][][] mxRe;
    private float[][][][] mxIm;
    private float[][][][] ipxRe;
    private float[][][][] ipxIm;
    private float[][][][] myRe;
    private float[][][][] myIm;
    private float[][][][] ipyRe;
    private float[][][][] ipyIm;
    private float[][] supX;
    private float[][] supY;
    private final float[][][] tRe;
    private final float[][][] tIm;
    private final float[][][] rRe;
    private final float[][][] rIm;
    private final float[] zero = new float[BLOCK];
    private final float[][] wRe;
    private final float[][] wIm;

    private int factor;
    private boolean lod;
    private long stepCount;
    private final IntConsumer lodXJob = this::lodX;
    private final IntConsumer lodYJob = this::lodY;
    private final IntConsumer toL2Job = this::toL2;
    private final IntConsumer toL1Job = this::toL1;
    private final IntConsumer firstHalf = this::firstHalf;
    private final IntConsumer secondHalf = this::secondHalf;

    CpuAdiFloat(AdiOperator op, int threads) {
        this.nx = op.nx();
        this.ny = op.ny();
        this.bx = (nx + BLOCK - 1) / BLOCK;
        this.by = (ny + BLOCK - 1) / BLOCK;
        this.team = new LineTeam(threads);
        f1Re = new float[bx][ny][BLOCK];
        f1Im = new float[bx][ny][BLOCK];
        f2Re = new float[by][nx][BLOCK];
        f2Im = new float[by][nx][BLOCK];
        v1Re = new float[bx][ny][BLOCK];
        v1Im = new float[bx][ny][BLOCK];
        v2Re = new float[by][nx][BLOCK];
        v2Im = new float[by][nx][BLOCK];
        int m = Math.max(nx, ny);
        tRe = new float[team.size()][m][BLOCK];
        tIm = new float[team.size()][m][BLOCK];
        rRe = new float[team.size()][BLOCK][BLOCK];
        rIm = new float[team.size()][BLOCK][BLOCK];
        wRe = new float[team.size()][BLOCK];
        wIm = new float[team.size()][BLOCK];
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
                // V is shared between P_x (L2 copy) and P_y (L1 copy); a 2D problem puts it all in P_x,
                // which makes each factor an exact tridiagonal step
                double wx = ny == 1 ? 1 : 0.5;
                v1Re[i / BLOCK][j][i % BLOCK] = (float) ((1 - wx) * v[2 * p]);
                v1Im[i / BLOCK][j][i % BLOCK] = (float) ((1 - wx) * v[2 * p + 1]);
                v2Re[j / BLOCK][i][j % BLOCK] = (float) (wx * v[2 * p]);
                v2Im[j / BLOCK][i][j % BLOCK] = (float) (wx * v[2 * p + 1]);
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
        // one factor (Crank-Nicolson, paraxial or Pade (1,1)): Peaceman-Rachford ADI, whose splitting
        // error vanishes as dz^3 per step; several factors (multistep): their ADI chain is not stable
        // (c_1 and d_2 are no conjugate pair), so the locally one-dimensional splitting, whose 1D factors
        // stay unitary, takes over
        lod = c.length / 2 > 1;
        stepCount = 0;
        factorise();
    }

    private void factorise() {
        int k = c.length / 2;
        if (k == 0) {
            return;
        }
        mxRe = new float[k][by][nx][BLOCK];
        mxIm = new float[k][by][nx][BLOCK];
        ipxRe = new float[k][by][nx][BLOCK];
        ipxIm = new float[k][by][nx][BLOCK];
        myRe = new float[k][bx][ny][BLOCK];
        myIm = new float[k][bx][ny][BLOCK];
        ipyRe = new float[k][bx][ny][BLOCK];
        ipyIm = new float[k][bx][ny][BLOCK];
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
            // padded lanes: identity rows, so that their zero field stays zero
            for (float[][] plane : ipxRe[f]) {
                for (float[] row : plane) {
                    java.util.Arrays.fill(row, 1);
                }
            }
            for (float[][] plane : ipyRe[f]) {
                for (float[] row : plane) {
                    java.util.Arrays.fill(row, 1);
                }
            }
            double[] hr = new double[Math.max(nx, ny)];
            double[] hi = new double[hr.length];
            double[] out = new double[4 * hr.length];
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    hr[i] = v2Re[j / BLOCK][i][j % BLOCK];
                    hi[i] = v2Im[j / BLOCK][i][j % BLOCK];
                }
                thomas(dr, di, lowX, upX, hr, hi, nx, out);
                for (int i = 0; i < nx; i++) {
                    mxRe[f][j / BLOCK][i][j % BLOCK] = (float) out[4 * i];
                    mxIm[f][j / BLOCK][i][j % BLOCK] = (float) out[4 * i + 1];
                    ipxRe[f][j / BLOCK][i][j % BLOCK] = (float) out[4 * i + 2];
                    ipxIm[f][j / BLOCK][i][j % BLOCK] = (float) out[4 * i + 3];
                }
            }
            for (int i = 0; i < nx; i++) {
                for (int j = 0; j < ny; j++) {
                    hr[j] = v1Re[i / BLOCK][j][i % BLOCK];
                    hi[j] = v1Im[i / BLOCK][j][i % BLOCK];
                }
                thomas(dr, di, lowY, upY, hr, hi, ny, out);
                for (int j = 0; j < ny; j++) {
                    myRe[f][i / BLOCK][j][i % BLOCK] = (float) out[4 * j];
                    myIm[f][i / BLOCK][j][i % BLOCK] = (float) out[4 * j + 1];
                    ipyRe[f][i / BLOCK][j][i % BLOCK] = (float) out[4 * j + 2];
                    ipyIm[f][i / BLOCK][j][i % BLOCK] = (float) out[4 * j + 3];
                }
            }
        }
    }

    /**
     * LU of (1 + d P) along one line: diag 1 + d(-(low + up) + V/2), sub d low, super d up; out holds
     * per position the multiplier m_v = sub_v / piv_{v-1} and 1 / piv_v (re, im, re, im).
     */
    static void thomas(double dr, double di, double[] low, double[] up, double[] hvRe, double[] hvIm, int nv, double[] out) {
        double prevPivRe = 0;
        double prevPivIm = 0;
        for (int v = 0; v < nv; v++) {
            double sr = -(low[2 * v] + up[2 * v]) + hvRe[v];
            double si = -(low[2 * v + 1] + up[2 * v + 1]) + hvIm[v];
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
                double supRe = dr * up[2 * v - 2] - di * up[2 * v - 1];
                double supIm = dr * up[2 * v - 1] + di * up[2 * v - 2];
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

    @Override
    public void setField(double[] psi) {
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int p = i + nx * j;
                f1Re[i / BLOCK][j][i % BLOCK] = (float) psi[2 * p];
                f1Im[i / BLOCK][j][i % BLOCK] = (float) psi[2 * p + 1];
            }
        }
    }

    @Override
    public void getField(double[] out) {
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int p = i + nx * j;
                out[2 * p] = f1Re[i / BLOCK][j][i % BLOCK];
                out[2 * p + 1] = f1Im[i / BLOCK][j][i % BLOCK];
            }
        }
    }

    @Override
    public void step(int steps) {
        if (c.length == 0) {
            throw new IllegalStateException("no propagation factors set");
        }
        for (int s = 0; s < steps; s++) {
            if (lod) {
                // x then y on even steps, y then x on odd ones: the alternation cancels the splitting's
                // first-order error over each pair of steps
                if ((stepCount & 1) == 0) {
                    team.run(toL2Job);
                    team.run(lodXJob);
                    team.run(toL1Job);
                    team.run(lodYJob);
                } else {
                    team.run(lodYJob);
                    team.run(toL2Job);
                    team.run(lodXJob);
                    team.run(toL1Job);
                }
            } else {
                for (int f = 0; f < c.length / 2; f++) {
                    factor = f;
                    team.run(firstHalf);
                    team.run(secondHalf);
                }
            }
            stepCount++;
        }
    }

    /** Explicit along y on L1, implicit along x (lines y in lockstep); writes L2. */
    private void firstHalf(int member) {
        int f = factor;
        half(f1Re, f1Im, ny, nx, v1Re, v1Im, lowY, upY, c[2 * f], c[2 * f + 1], mxRe[f], mxIm[f], ipxRe[f], ipxIm[f], supX[f], f2Re, f2Im,
                team.from(member, by, 1), team.to(member, by, 1), member);
    }

    /** Explicit along x on L2, implicit along y (lines x in lockstep); writes L1. */
    private void secondHalf(int member) {
        int f = factor;
        half(f2Re, f2Im, nx, ny, v2Re, v2Im, lowX, upX, c[2 * f], c[2 * f + 1], myRe[f], myIm[f], ipyRe[f], ipyIm[f], supY[f], f1Re, f1Im,
                team.from(member, bx, 1), team.to(member, bx, 1), member);
    }

    /**
     * One half-step for the line blocks rb0..rb1: input[v block][u][lane], r = (1 + c P_u) input,
     * then (1 + d P_v) out = r along v for each line u, out[u block][v][lane].
     */
    private void half(float[][][] inRe, float[][][] inIm, int nu, int nv, float[][][] hvRe, float[][][] hvIm, double[] lowU, double[] upU,
            double cr, double ci, float[][][] mRe, float[][][] mIm, float[][][] ipRe, float[][][] ipIm, float[] sup, float[][][] outRe,
            float[][][] outIm, int rb0, int rb1, int member) {
        for (int rb = rb0; rb < rb1; rb++) {
            explicitRows(inRe, inIm, nu, nv, hvRe, hvIm, lowU, upU, cr, ci, rb, tRe[member], tIm[member], member);
            forward(tRe[member], tIm[member], nv, mRe[rb], mIm[rb]);
            backward(tRe[member], tIm[member], nv, ipRe[rb], ipIm[rb], sup, outRe[rb], outIm[rb], member);
        }
    }

    /**
     * One-directional factor in place (locally one-dimensional splitting): for the lane blocks of a
     * layout F[lane block][u][lane], F <- (1 + d P_u)^-1 (1 + c P_u) F along u, all factors in turn.
     * Each such Cayley-type factor is unitary for a real operator when c = conj(d): stable at any step.
     */
    private void lodHalf(float[][][] fRe, float[][][] fIm, int nu, float[][][] hvRe, float[][][] hvIm, double[] lowU, double[] upU,
            float[][][][] mRe, float[][][][] mIm, float[][][][] ipRe, float[][][][] ipIm, float[][] sup, int cb0, int cb1, int member) {
        float[][] xRe = tRe[member];
        float[][] xIm = tIm[member];
        for (int cb = cb0; cb < cb1; cb++) {
            for (int f = 0; f < c.length / 2; f++) {
                double cr = c[2 * f];
                double ci = c[2 * f + 1];
                float[][] plRe = fRe[cb];
                float[][] plIm = fIm[cb];
                for (int u = 0; u < nu; u++) {
                    explicitRow(plRe[u], plIm[u], u > 0 ? plRe[u - 1] : zero, u > 0 ? plIm[u - 1] : zero, u + 1 < nu ? plRe[u + 1] : zero,
                            u + 1 < nu ? plIm[u + 1] : zero, hvRe[cb][u], hvIm[cb][u], lowU[2 * u], lowU[2 * u + 1], upU[2 * u], upU[2 * u + 1],
                            cr, ci, xRe[u], xIm[u]);
                }
                forward(xRe, xIm, nu, mRe[f][cb], mIm[f][cb]);
                backward(xRe, xIm, nu, ipRe[f][cb], ipIm[f][cb], sup[f], plRe, plIm, member);
            }
        }
    }

    /** L1[x block][y][x lane] -> L2[y block][x][y lane] (toL2) or back, for the given source blocks. */
    private void transpose(boolean toL2, int b0, int b1) {
        float[][][] sRe = toL2 ? f1Re : f2Re;
        float[][][] sIm = toL2 ? f1Im : f2Im;
        float[][][] dRe = toL2 ? f2Re : f1Re;
        float[][][] dIm = toL2 ? f2Im : f1Im;
        int rows = toL2 ? ny : nx;
        for (int sb = b0; sb < b1; sb++) {
            for (int r = 0; r < rows; r++) {
                float[] aRe = sRe[sb][r];
                float[] aIm = sIm[sb][r];
                float[][] ddRe = dRe[r / BLOCK];
                float[][] ddIm = dIm[r / BLOCK];
                int lane = r % BLOCK;
                int limit = Math.min(BLOCK, (toL2 ? nx : ny) - sb * BLOCK);
                for (int b = 0; b < limit; b++) {
                    ddRe[sb * BLOCK + b][lane] = aRe[b];
                    ddIm[sb * BLOCK + b][lane] = aIm[b];
                }
            }
        }
    }

    private void lodX(int member) {
        lodHalf(f2Re, f2Im, nx, v2Re, v2Im, lowX, upX, mxRe, mxIm, ipxRe, ipxIm, supX, team.from(member, by, 1), team.to(member, by, 1), member);
    }

    private void lodY(int member) {
        lodHalf(f1Re, f1Im, ny, v1Re, v1Im, lowY, upY, myRe, myIm, ipyRe, ipyIm, supY, team.from(member, bx, 1), team.to(member, bx, 1), member);
    }

    private void toL2(int member) {
        transpose(true, team.from(member, bx, 1), team.to(member, bx, 1));
    }

    private void toL1(int member) {
        transpose(false, team.from(member, by, 1), team.to(member, by, 1));
    }

    /** For each row u of the line block rb and each v block: r = (1 + c P_u) input, transposed into x[v][u lane]. */
    private void explicitRows(float[][][] inRe, float[][][] inIm, int nu, int nv, float[][][] hvRe, float[][][] hvIm, double[] lowU,
            double[] upU, double cr, double ci, int rb, float[][] xRe, float[][] xIm, int member) {
        float[][] sRe = rRe[member];
        float[][] sIm = rIm[member];
        int vBlocks = (nv + BLOCK - 1) / BLOCK;
        for (int cb = 0; cb < vBlocks; cb++) {
            float[][] plRe = inRe[cb];
            float[][] plIm = inIm[cb];
            for (int uu = 0; uu < BLOCK; uu++) {
                int u = rb * BLOCK + uu;
                float[] oRe = sRe[uu];
                float[] oIm = sIm[uu];
                if (u >= nu) {
                    java.util.Arrays.fill(oRe, (float) 0);
                    java.util.Arrays.fill(oIm, (float) 0);
                    continue;
                }
                explicitRow(plRe[u], plIm[u], u > 0 ? plRe[u - 1] : zero, u > 0 ? plIm[u - 1] : zero, u + 1 < nu ? plRe[u + 1] : zero,
                        u + 1 < nu ? plIm[u + 1] : zero, hvRe[cb][u], hvIm[cb][u], lowU[2 * u], lowU[2 * u + 1], upU[2 * u], upU[2 * u + 1], cr, ci,
                        oRe, oIm);
            }
            transposeTile(sRe, sIm, xRe, xIm, cb, Math.min(BLOCK, nv - cb * BLOCK));
        }
    }

    /**
     * One row of (1 + c P_u) on the lanes: out = (1 - c(low + up) + c V) a + c low p + c up q, with p and
     * q the neighbouring rows (a zero row at the edges).
     */
    private static void explicitRow(float[] aRe, float[] aIm, float[] pRe, float[] pIm, float[] qRe, float[] qIm, float[] wRe, float[] wIm,
            double lr, double li, double hr, double hi, double cr, double ci, float[] oRe, float[] oIm) {
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
        float gcr = (float) cr;
        float gci = (float) ci;
        for (int b = 0; b < BLOCK; b++) {
            float gr = f0r + gcr * wRe[b] - gci * wIm[b];
            float gi = f0i + gcr * wIm[b] + gci * wRe[b];
            oRe[b] = gr * aRe[b] - gi * aIm[b] + f1r * pRe[b] - f1i * pIm[b] + f2r * qRe[b] - f2i * qIm[b];
            oIm[b] = gr * aIm[b] + gi * aRe[b] + f1r * pIm[b] + f1i * pRe[b] + f2r * qIm[b] + f2i * qRe[b];
        }
    }

    private static void transposeTile(float[][] sRe, float[][] sIm, float[][] xRe, float[][] xIm, int cb, int lanes) {
        for (int lane = 0; lane < lanes; lane++) {
            float[] dRe = xRe[cb * BLOCK + lane];
            float[] dIm = xIm[cb * BLOCK + lane];
            for (int uu = 0; uu < BLOCK; uu++) {
                dRe[uu] = sRe[uu][lane];
                dIm[uu] = sIm[uu][lane];
            }
        }
    }

    /** Forward elimination in place on x[v][lane]: z_v = r_v - m_v z_{v-1}. */
    private static void forward(float[][] xRe, float[][] xIm, int nv, float[][] mbRe, float[][] mbIm) {
        for (int v = 1; v < nv; v++) {
            float[] zRe = xRe[v];
            float[] zIm = xIm[v];
            float[] pRe = xRe[v - 1];
            float[] pIm = xIm[v - 1];
            float[] m1 = mbRe[v];
            float[] m2 = mbIm[v];
            for (int b = 0; b < BLOCK; b++) {
                float ar = zRe[b] - (m1[b] * pRe[b] - m2[b] * pIm[b]);
                float ai = zIm[b] - (m1[b] * pIm[b] + m2[b] * pRe[b]);
                zRe[b] = ar;
                zIm[b] = ai;
            }
        }
    }

    /** Back substitution y_v = (z_v - sup_v y_{v+1}) / piv_v into out[v][lane], the previous y kept in a lane buffer. */
    private void backward(float[][] xRe, float[][] xIm, int nv, float[][] ibRe, float[][] ibIm, float[] sup, float[][] obRe, float[][] obIm,
            int member) {
        float[] nRe = wRe[member];
        float[] nIm = wIm[member];
        java.util.Arrays.fill(nRe, (float) 0);
        java.util.Arrays.fill(nIm, (float) 0);
        for (int v = nv - 1; v >= 0; v--) {
            float sr = v + 1 < nv ? sup[2 * v] : 0;
            float si = v + 1 < nv ? sup[2 * v + 1] : 0;
            float[] zRe = xRe[v];
            float[] zIm = xIm[v];
            float[] i1 = ibRe[v];
            float[] i2 = ibIm[v];
            float[] yRe = obRe[v];
            float[] yIm = obIm[v];
            for (int b = 0; b < BLOCK; b++) {
                float ar = zRe[b] - (sr * nRe[b] - si * nIm[b]);
                float ai = zIm[b] - (sr * nIm[b] + si * nRe[b]);
                float tr = ar * i1[b] - ai * i2[b];
                float ti = ar * i2[b] + ai * i1[b];
                nRe[b] = tr;
                nIm[b] = ti;
                yRe[b] = tr;
                yIm[b] = ti;
            }
        }
    }

    @Override
    public double power(boolean[] mask) {
        double s = 0;
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                if (mask == null || mask[i + nx * j]) {
                    double a = f1Re[i / BLOCK][j][i % BLOCK];
                    double b = f1Im[i / BLOCK][j][i % BLOCK];
                    s += a * a + b * b;
                }
            }
        }
        return s;
    }

    @Override
    public void multiply(double[] factorArray, double re, double im) {
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int p = i + nx * j;
                double fr = re;
                double fi = im;
                if (factorArray != null) {
                    fr = factorArray[2 * p] * re - factorArray[2 * p + 1] * im;
                    fi = factorArray[2 * p] * im + factorArray[2 * p + 1] * re;
                }
                double a = f1Re[i / BLOCK][j][i % BLOCK];
                double b = f1Im[i / BLOCK][j][i % BLOCK];
                f1Re[i / BLOCK][j][i % BLOCK] = (float) (fr * a - fi * b);
                f1Im[i / BLOCK][j][i % BLOCK] = (float) (fr * b + fi * a);
            }
        }
    }

    @Override
    public void close() {
        team.close();
    }
}
