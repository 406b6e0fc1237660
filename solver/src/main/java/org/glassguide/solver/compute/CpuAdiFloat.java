// Generated from solver/src/template/CpuAdi.java.template (sha256 b5ead94f1ee8407ed4275a91f691d1f63feeccfec49e23b8b1b417296c46e07b) by generate.py: edit the template.
package org.glassguide.solver.compute;

import java.util.function.IntConsumer;

/**
 * The CPU ADI stepper in single precision (shared factors computed in double, then rounded). The field lives in two blocked layouts, each of tiles of
 * {@value #BLOCK}-wide rows: L1 (rows y, lanes x) and L2 (rows x, lanes y). A half-step reads one
 * layout and writes the other: the explicit three-point operator runs along rows (whole rows of lanes),
 * each tile of results is transposed in cache, and the tridiagonal solves run in lockstep over the
 * {@value #BLOCK} lines of a block. Every inner loop then indexes all its arrays by the lane alone,
 * which is the form the JIT vectorises (it cannot rule out aliasing between arrays addressed at
 * different offsets). Real and imaginary parts are separate planes for the same reason; the SPI's
 * exchange format stays interleaved.
 *
 * <p>The potential V belongs to P_x alone, so P_y has the same coefficients on every line: its LU
 * factors are one short list per factor, shared by all lines. The x solves, which see V, eliminate on
 * the fly (a complex reciprocal per cell) instead of reading stored per-cell factors: memory traffic,
 * not arithmetic, bounds this kernel, and a step then moves the field twice and V twice, nothing else.
 * Nothing is allocated per step.
 */
final class CpuAdiFloat implements AdiStepper {
    static final int BLOCK = 128;

    private final int nx;
    private final int ny;
    private final int bx;
    private final int by;
    private final LineTeam team;
    /** False when the team is shared with (and closed by) the unsplit solve's vectors. */
    private final boolean ownsTeam;
    // L1[y block][x block][y in block][x lane] and L2[x block][y block][x in block][y lane]: tiles of
    // BLOCK x BLOCK, ordered so that a half-step reads the tiles of its line block contiguously
    private final float[][][][] f1Re;
    private final float[][][][] f1Im;
    private final float[][][][] f2Re;
    private final float[][][][] f2Im;
    // V in the L2 layout: x solves (lines y in lockstep) and the explicit x operator both read it there
    private final float[][][][] vRe;
    private final float[][][][] vIm;
    // the x solve's inverse pivots per cell (L2 layout) for a scalar Peaceman-Rachford step: read in place of V by
    // the first half-step, they spare its complex reciprocal per cell at the same memory traffic; null otherwise
    private float[][][][] ipRe;
    private float[][][][] ipIm;
    private final float[][][] ipRowsRe;
    private final float[][][] ipRowsIm;
    // semi-vectorial runs: the interface ratios of P_x's lower and upper coefficients per cell (L2), else null
    private float[][][][] rl;
    private float[][][][] ru;
    private final float[][][] rlRows;
    private final float[][][] ruRows;
    // per member: rows gathered from the tiles of one line block (outputs, V)
    private final float[][][] oRowsRe;
    private final float[][][] oRowsIm;
    private final float[][][] vRowsRe;
    private final float[][][] vRowsIm;
    private double[] lowX;
    private double[] upX;
    private double[] lowY;
    private double[] upY;
    private double[] c = new double[0];
    private double[] d = new double[0];
    // per factor, x: diagonal without V (1 + d(-low - up)), d low and d up, interleaved per position
    private float[][] diagX;
    private float[][] subX;
    private float[][] supX;
    // per factor, y: multipliers m_v, inverse pivots 1 / piv_v and d up, interleaved per position
    private float[][] mulY;
    private float[][] invY;
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
        this(op, new LineTeam(threads), true);
    }

    /** A stepper on a team of threads it shares (the unsplit solve's preconditioner beside its vector operations). */
    CpuAdiFloat(AdiOperator op, LineTeam shared) {
        this(op, shared, false);
    }

    private CpuAdiFloat(AdiOperator op, LineTeam team, boolean ownsTeam) {
        this.nx = op.nx();
        this.ny = op.ny();
        this.bx = (nx + BLOCK - 1) / BLOCK;
        this.by = (ny + BLOCK - 1) / BLOCK;
        this.team = team;
        this.ownsTeam = ownsTeam;
        f1Re = new float[by][bx][BLOCK][BLOCK];
        f1Im = new float[by][bx][BLOCK][BLOCK];
        f2Re = new float[bx][by][BLOCK][BLOCK];
        f2Im = new float[bx][by][BLOCK][BLOCK];
        vRe = new float[bx][by][BLOCK][BLOCK];
        vIm = new float[bx][by][BLOCK][BLOCK];
        int m = Math.max(nx, ny);
        oRowsRe = new float[team.size()][m][];
        oRowsIm = new float[team.size()][m][];
        vRowsRe = new float[team.size()][m][];
        ipRowsRe = new float[team.size()][m][];
        ipRowsIm = new float[team.size()][m][];
        vRowsIm = new float[team.size()][m][];
        rlRows = new float[team.size()][m][];
        ruRows = new float[team.size()][m][];
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
                row(vRe, i, j / BLOCK)[j % BLOCK] = (float) v[2 * p];
                row(vIm, i, j / BLOCK)[j % BLOCK] = (float) v[2 * p + 1];
            }
        }
        if (op.ratioLowX() == null) {
            rl = null;
            ru = null;
        } else {
            if (rl == null) {
                rl = new float[bx][by][BLOCK][BLOCK];
                ru = new float[bx][by][BLOCK][BLOCK];
            }
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    row(rl, i, j / BLOCK)[j % BLOCK] = (float) op.ratioLowX()[i + nx * j];
                    row(ru, i, j / BLOCK)[j % BLOCK] = (float) op.ratioUpX()[i + nx * j];
                }
            }
        }
        factorise();
    }

    @Override
    public void setFactors(double[] cf, double[] df) {
        lod = AdiStepper.oneDirectional(cf, df);
        c = cf.clone();
        d = df.clone();
        stepCount = 0;
        factorise();
    }

    private void factorise() {
        int k = c.length / 2;
        if (k == 0) {
            return;
        }
        diagX = new float[k][2 * nx];
        subX = new float[k][2 * nx];
        supX = new float[k][2 * nx];
        mulY = new float[k][2 * ny];
        invY = new float[k][2 * ny];
        supY = new float[k][2 * ny];
        pivotsX(k);
        double[] out = new double[4 * ny];
        double[] none = new double[ny];
        for (int f = 0; f < k; f++) {
            double dr = d[2 * f];
            double di = d[2 * f + 1];
            for (int i = 0; i < nx; i++) {
                double sr = -(lowX[2 * i] + upX[2 * i]);
                double si = -(lowX[2 * i + 1] + upX[2 * i + 1]);
                diagX[f][2 * i] = (float) (1 + dr * sr - di * si);
                diagX[f][2 * i + 1] = (float) (dr * si + di * sr);
                subX[f][2 * i] = (float) (dr * lowX[2 * i] - di * lowX[2 * i + 1]);
                subX[f][2 * i + 1] = (float) (dr * lowX[2 * i + 1] + di * lowX[2 * i]);
                supX[f][2 * i] = (float) (dr * upX[2 * i] - di * upX[2 * i + 1]);
                supX[f][2 * i + 1] = (float) (dr * upX[2 * i + 1] + di * upX[2 * i]);
            }
            for (int j = 0; j < ny; j++) {
                supY[f][2 * j] = (float) (dr * upY[2 * j] - di * upY[2 * j + 1]);
                supY[f][2 * j + 1] = (float) (dr * upY[2 * j + 1] + di * upY[2 * j]);
            }
            AdiLu.factor(dr, di, lowY, upY, none, none, null, null, ny, out);
            for (int j = 0; j < ny; j++) {
                mulY[f][2 * j] = (float) out[4 * j];
                mulY[f][2 * j + 1] = (float) out[4 * j + 1];
                invY[f][2 * j] = (float) out[4 * j + 2];
                invY[f][2 * j + 1] = (float) out[4 * j + 3];
            }
        }
    }

    /** The per-cell inverse pivots of the x solve for one scalar factor (Peaceman-Rachford), else none. */
    private void pivotsX(int k) {
        if (k != 1 || rl != null) {
            ipRe = null;
            ipIm = null;
            return;
        }
        if (ipRe == null) {
            ipRe = new float[bx][by][BLOCK][BLOCK];
            ipIm = new float[bx][by][BLOCK][BLOCK];
        }
        double[] hvRe = new double[nx];
        double[] hvIm = new double[nx];
        double[] out = new double[4 * nx];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                hvRe[i] = row(vRe, i, j / BLOCK)[j % BLOCK];
                hvIm[i] = row(vIm, i, j / BLOCK)[j % BLOCK];
            }
            AdiLu.factor(d[0], d[1], lowX, upX, hvRe, hvIm, null, null, nx, out);
            for (int i = 0; i < nx; i++) {
                row(ipRe, i, j / BLOCK)[j % BLOCK] = (float) out[4 * i + 2];
                row(ipIm, i, j / BLOCK)[j % BLOCK] = (float) out[4 * i + 3];
            }
        }
    }

    @Override
    public void setField(double[] psi) {
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int p = i + nx * j;
                row(f1Re, j, i / BLOCK)[i % BLOCK] = (float) psi[2 * p];
                row(f1Im, j, i / BLOCK)[i % BLOCK] = (float) psi[2 * p + 1];
            }
        }
    }

    @Override
    public void getField(double[] out) {
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int p = i + nx * j;
                out[2 * p] = row(f1Re, j, i / BLOCK)[i % BLOCK];
                out[2 * p + 1] = row(f1Im, j, i / BLOCK)[i % BLOCK];
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

    /** Explicit along y on L1 (no V), implicit along x with V (lines y in lockstep); writes L2. */
    private void firstHalf(int member) {
        int f = factor;
        double cr = c[2 * f];
        double ci = c[2 * f + 1];
        for (int rb = team.from(member, by, 1); rb < team.to(member, by, 1); rb++) {
            if (ipRe != null) {
                float[][] ipbRe = gather(ipRe, rb, nx, ipRowsRe[member]);
                float[][] ipbIm = gather(ipIm, rb, nx, ipRowsIm[member]);
                float[][] outRe = gather(f2Re, rb, nx, oRowsRe[member]);
                float[][] outIm = gather(f2Im, rb, nx, oRowsIm[member]);
                explicitRows(f1Re, f1Im, ny, nx, null, null, false, lowY, upY, cr, ci, rb, tRe[member], tIm[member], member, f, ipbRe, ipbIm,
                        null, null, null, null);
                backward(tRe[member], tIm[member], nx, ipbRe, ipbIm, null, supX[f], outRe, outIm);
                continue;
            }
            float[][] vbRe = gather(vRe, rb, nx, vRowsRe[member]);
            float[][] vbIm = gather(vIm, rb, nx, vRowsIm[member]);
            float[][] rlb = rl == null ? null : gather(rl, rb, nx, rlRows[member]);
            float[][] rub = rl == null ? null : gather(ru, rb, nx, ruRows[member]);
            // the inverse pivots live in the output rows until the back substitution overwrites them (in reverse
            // order, so the rows written last, still in cache, are read first): no separate pivot buffer
            float[][] outRe = gather(f2Re, rb, nx, oRowsRe[member]);
            float[][] outIm = gather(f2Im, rb, nx, oRowsIm[member]);
            // the forward elimination follows each tile as it is transposed, while its rows are in cache
            explicitRows(f1Re, f1Im, ny, nx, null, null, false, lowY, upY, cr, ci, rb, tRe[member], tIm[member], member, f, vbRe, vbIm,
                    rlb, rub, outRe, outIm);
            backwardWithPotential(tRe[member], tIm[member], rub, f, outRe, outIm);
        }
    }

    /** Explicit along x with V on L2, implicit along y (lines x in lockstep, shared factors); writes L1. */
    private void secondHalf(int member) {
        int f = factor;
        double cr = c[2 * f];
        double ci = c[2 * f + 1];
        for (int rb = team.from(member, bx, 1); rb < team.to(member, bx, 1); rb++) {
            explicitRows(f2Re, f2Im, nx, ny, vRe, vIm, rl != null, lowX, upX, cr, ci, rb, tRe[member], tIm[member], member, f, null, null,
                    null, null, null, null);
            backward(tRe[member], tIm[member], ny, null, null, invY[f], supY[f], gather(f1Re, rb, ny, oRowsRe[member]), gather(f1Im, rb, ny,
                    oRowsIm[member]));
        }
    }

    /** (1 + d_f P_x)^-1 on x[v][lane] (v along x, lanes the lines y of one block, V from vb), into out. */
    private void solveWithPotential(float[][] xRe, float[][] xIm, float[][] vbRe, float[][] vbIm, float[][] rlb, float[][] rub, int f,
            float[][] outRe, float[][] outIm, int member) {
        forwardWithPotential(xRe, xIm, 0, nx, vbRe, vbIm, rlb, rub, f, member, outRe, outIm);
        backwardWithPotential(xRe, xIm, rub, f, outRe, outIm);
    }

    /**
     * Forward elimination of the x solve (with V) over positions v0..v1-1, as the rows arrive; the inverse
     * pivots go to inv (the output rows, until the back substitution).
     */
    private void forwardWithPotential(float[][] xRe, float[][] xIm, int v0, int v1, float[][] vbRe, float[][] vbIm, float[][] rlb, float[][] rub,
            int f, int member, float[][] invRe, float[][] invIm) {
        if (rlb != null) {
            forwardWithRatios(xRe, xIm, v0, v1, vbRe, vbIm, rlb, rub, (float) d[2 * f], (float) d[2 * f + 1], subX[f], supX[f], invRe, invIm,
                    wRe[member], wIm[member]);
        } else {
            forwardWithPotential(xRe, xIm, v0, v1, vbRe, vbIm, (float) d[2 * f], (float) d[2 * f + 1], diagX[f], subX[f], supX[f], invRe, invIm,
                    wRe[member], wIm[member]);
        }
    }

    /** Back substitution of the x solve into out[v][lane], which holds the inverse pivots until then. */
    private void backwardWithPotential(float[][] xRe, float[][] xIm, float[][] rub, int f, float[][] outRe, float[][] outIm) {
        if (rub != null) {
            backwardWithRatios(xRe, xIm, nx, outRe, outIm, rub, supX[f], outRe, outIm);
        } else {
            backward(xRe, xIm, nx, outRe, outIm, null, supX[f], outRe, outIm);
        }
    }

    /** (1 + d_f P_y)^-1 on x[v][lane] (v along y, lanes the lines x of one block), into out. */
    private void solveShared(float[][] xRe, float[][] xIm, int f, float[][] outRe, float[][] outIm, int member) {
        forwardShared(xRe, xIm, 0, ny, mulY[f]);
        backward(xRe, xIm, ny, null, null, invY[f], supY[f], outRe, outIm);
    }

    /**
     * One-directional factors in place (locally one-dimensional splitting): for the lane blocks cb0..cb1
     * of a layout F[lane block][u][lane], F <- (1 + d P_u)^-1 (1 + c P_u) F along u, all factors in turn.
     * Each such Cayley-type factor is unitary for a real operator when c = conj(d): stable at any step.
     */
    private void lodHalf(boolean alongX, int cb0, int cb1, int member) {
        float[][][][] fRe = alongX ? f2Re : f1Re;
        float[][][][] fIm = alongX ? f2Im : f1Im;
        int nu = alongX ? nx : ny;
        double[] lowU = alongX ? lowX : lowY;
        double[] upU = alongX ? upX : upY;
        float[][] xRe = tRe[member];
        float[][] xIm = tIm[member];
        for (int cb = cb0; cb < cb1; cb++) {
            for (int f = 0; f < c.length / 2; f++) {
                double cr = c[2 * f];
                double ci = c[2 * f + 1];
                float[][] plRe = gather(fRe, cb, nu, oRowsRe[member]);
                float[][] plIm = gather(fIm, cb, nu, oRowsIm[member]);
                float[][] hRe = alongX ? gather(vRe, cb, nu, vRowsRe[member]) : null;
                float[][] hIm = alongX ? gather(vIm, cb, nu, vRowsIm[member]) : null;
                float[][] lb = alongX && rl != null ? gather(rl, cb, nu, rlRows[member]) : null;
                float[][] ub = alongX && rl != null ? gather(ru, cb, nu, ruRows[member]) : null;
                for (int u = 0; u < nu; u++) {
                    if (lb != null) {
                        explicitRowRatios(plRe[u], plIm[u], u > 0 ? plRe[u - 1] : zero, u > 0 ? plIm[u - 1] : zero,
                                u + 1 < nu ? plRe[u + 1] : zero, u + 1 < nu ? plIm[u + 1] : zero, hRe[u], hIm[u], lb[u], ub[u], lowU[2 * u],
                                lowU[2 * u + 1], upU[2 * u], upU[2 * u + 1], cr, ci, xRe[u], xIm[u], wRe[member], wIm[member]);
                        continue;
                    }
                    explicitRow(plRe[u], plIm[u], u > 0 ? plRe[u - 1] : zero, u > 0 ? plIm[u - 1] : zero, u + 1 < nu ? plRe[u + 1] : zero,
                            u + 1 < nu ? plIm[u + 1] : zero, alongX ? hRe[u] : null, alongX ? hIm[u] : null, lowU[2 * u],
                            lowU[2 * u + 1], upU[2 * u], upU[2 * u + 1], cr, ci, xRe[u], xIm[u]);
                }
                if (alongX) {
                    solveWithPotential(xRe, xIm, hRe, hIm, lb, ub, f, plRe, plIm, member);
                } else {
                    solveShared(xRe, xIm, f, plRe, plIm, member);
                }
            }
        }
    }

    /** L1 -> L2 (toL2, for the given x blocks) or back (for the given y blocks). */
    private void transpose(boolean toL2, int b0, int b1) {
        float[][][][] sRe = toL2 ? f1Re : f2Re;
        float[][][][] sIm = toL2 ? f1Im : f2Im;
        float[][][][] dRe = toL2 ? f2Re : f1Re;
        float[][][][] dIm = toL2 ? f2Im : f1Im;
        int rows = toL2 ? ny : nx;
        for (int sb = b0; sb < b1; sb++) {
            int limit = Math.min(BLOCK, (toL2 ? nx : ny) - sb * BLOCK);
            for (int r = 0; r < rows; r++) {
                float[] aRe = row(sRe, r, sb);
                float[] aIm = row(sIm, r, sb);
                float[][] ddRe = dRe[sb][r / BLOCK];
                float[][] ddIm = dIm[sb][r / BLOCK];
                int lane = r % BLOCK;
                for (int b = 0; b < limit; b++) {
                    ddRe[b][lane] = aRe[b];
                    ddIm[b][lane] = aIm[b];
                }
            }
        }
    }

    /** Row u (along the layout's row axis) of lane block cb. */
    private static float[] row(float[][][][] layout, int u, int cb) {
        return layout[u / BLOCK][cb][u % BLOCK];
    }

    /** The rows 0..n-1 of lane block cb, gathered into rows. */
    private static float[][] gather(float[][][][] layout, int cb, int n, float[][] rows) {
        for (int u = 0; u < n; u++) {
            rows[u] = layout[u / BLOCK][cb][u % BLOCK];
        }
        return rows;
    }

    private void lodX(int member) {
        lodHalf(true, team.from(member, by, 1), team.to(member, by, 1), member);
    }

    private void lodY(int member) {
        lodHalf(false, team.from(member, bx, 1), team.to(member, bx, 1), member);
    }

    private void toL2(int member) {
        transpose(true, team.from(member, bx, 1), team.to(member, bx, 1));
    }

    private void toL1(int member) {
        transpose(false, team.from(member, by, 1), team.to(member, by, 1));
    }

    /**
     * For each row u of the line block rb and each v block: r = (1 + c P_u) input, transposed into
     * x[v][u lane]; hv is V in the input's layout, or null where P_u carries none.
     */
    /**
     * ... then the forward elimination of factor f over each transposed tile: the x solve's (with V rows
     * vb, ratios rlb/rub) when vb is given, else the shared y solve's.
     */
    private void explicitRows(float[][][][] inRe, float[][][][] inIm, int nu, int nv, float[][][][] hvRe, float[][][][] hvIm, boolean ratios,
            double[] lowU, double[] upU, double cr, double ci, int rb, float[][] xRe, float[][] xIm, int member, int f, float[][] vbRe,
            float[][] vbIm, float[][] rlb, float[][] rub, float[][] invRe, float[][] invIm) {
        float[][] sRe = rRe[member];
        float[][] sIm = rIm[member];
        int vBlocks = (nv + BLOCK - 1) / BLOCK;
        for (int cb = 0; cb < vBlocks; cb++) {
            for (int uu = 0; uu < BLOCK; uu++) {
                int u = rb * BLOCK + uu;
                float[] oRe = sRe[uu];
                float[] oIm = sIm[uu];
                if (u >= nu) {
                    java.util.Arrays.fill(oRe, (float) 0);
                    java.util.Arrays.fill(oIm, (float) 0);
                    continue;
                }
                if (ratios) {
                    explicitRowRatios(row(inRe, u, cb), row(inIm, u, cb), u > 0 ? row(inRe, u - 1, cb) : zero,
                            u > 0 ? row(inIm, u - 1, cb) : zero, u + 1 < nu ? row(inRe, u + 1, cb) : zero,
                            u + 1 < nu ? row(inIm, u + 1, cb) : zero, row(hvRe, u, cb), row(hvIm, u, cb), row(rl, u, cb), row(ru, u, cb),
                            lowU[2 * u], lowU[2 * u + 1], upU[2 * u], upU[2 * u + 1], cr, ci, oRe, oIm, wRe[member], wIm[member]);
                    continue;
                }
                explicitRow(row(inRe, u, cb), row(inIm, u, cb), u > 0 ? row(inRe, u - 1, cb) : zero, u > 0 ? row(inIm, u - 1, cb) : zero,
                        u + 1 < nu ? row(inRe, u + 1, cb) : zero, u + 1 < nu ? row(inIm, u + 1, cb) : zero,
                        hvRe == null ? null : row(hvRe, u, cb), hvIm == null ? null : row(hvIm, u, cb), lowU[2 * u], lowU[2 * u + 1],
                        upU[2 * u], upU[2 * u + 1], cr, ci, oRe, oIm);
            }
            int lanes = Math.min(BLOCK, nv - cb * BLOCK);
            transposeTile(sRe, sIm, xRe, xIm, cb, lanes);
            if (invRe == null && vbRe != null) {
                // vb holds the precomputed inverse pivots (scalar Peaceman-Rachford x solve)
                forwardPrecomputed(xRe, xIm, cb * BLOCK, cb * BLOCK + lanes, vbRe, vbIm, subX[f], wRe[member], wIm[member]);
            } else if (vbRe != null) {
                forwardWithPotential(xRe, xIm, cb * BLOCK, cb * BLOCK + lanes, vbRe, vbIm, rlb, rub, f, member, invRe, invIm);
            } else {
                forwardShared(xRe, xIm, cb * BLOCK, cb * BLOCK + lanes, mulY[f]);
            }
        }
    }

    /**
     * One row of (1 + c P_u) on the lanes: out = (1 - c(low + up) + c V) a + c low p + c up q, with p and
     * q the neighbouring rows (a zero row at the edges) and w = V (null for none). Two short loops, each
     * loading before it stores: C2 (JDK 17) unrolls, and so vectorises, only small loop bodies, and
     * gives up where a store might alias a later load.
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
        for (int b = 0; b < BLOCK; b++) {
            float pr = pRe[b];
            float pi = pIm[b];
            float qr = qRe[b];
            float qi = qIm[b];
            oRe[b] = f1r * pr - f1i * pi + f2r * qr - f2i * qi;
            oIm[b] = f1r * pi + f1i * pr + f2r * qi + f2i * qr;
        }
        if (wRe == null) {
            for (int b = 0; b < BLOCK; b++) {
                float ar = aRe[b];
                float ai = aIm[b];
                float xr = oRe[b];
                float xi = oIm[b];
                oRe[b] = xr + f0r * ar - f0i * ai;
                oIm[b] = xi + f0r * ai + f0i * ar;
            }
            return;
        }
        float gcr = (float) cr;
        float gci = (float) ci;
        for (int b = 0; b < BLOCK; b++) {
            float wr = wRe[b];
            float wi = wIm[b];
            float ar = aRe[b];
            float ai = aIm[b];
            float xr = oRe[b];
            float xi = oIm[b];
            float gr = f0r + gcr * wr - gci * wi;
            float gi = f0i + gcr * wi + gci * wr;
            oRe[b] = xr + gr * ar - gi * ai;
            oIm[b] = xi + gr * ai + gi * ar;
        }
    }

    /**
     * explicitRow for a semi-vectorial P_x: the coefficients low and up scaled per lane by the interface
     * ratios rl and ru (real), the diagonal -(low rl + up ru) + V; g is a lane buffer.
     */
    private static void explicitRowRatios(float[] aRe, float[] aIm, float[] pRe, float[] pIm, float[] qRe, float[] qIm, float[] wRe, float[] wIm,
            float[] rlo, float[] rup, double lr, double li, double hr, double hi, double cr, double ci, float[] oRe, float[] oIm, float[] gRe,
            float[] gIm) {
        float f1r = (float) (cr * lr - ci * li);
        float f1i = (float) (cr * li + ci * lr);
        float f2r = (float) (cr * hr - ci * hi);
        float f2i = (float) (cr * hi + ci * hr);
        float gcr = (float) cr;
        float gci = (float) ci;
        for (int b = 0; b < BLOCK; b++) {
            float l = rlo[b];
            float u = rup[b];
            float pr = pRe[b];
            float pi = pIm[b];
            float qr = qRe[b];
            float qi = qIm[b];
            oRe[b] = l * (f1r * pr - f1i * pi) + u * (f2r * qr - f2i * qi);
            oIm[b] = l * (f1r * pi + f1i * pr) + u * (f2r * qi + f2i * qr);
        }
        for (int b = 0; b < BLOCK; b++) {
            float l = rlo[b];
            float u = rup[b];
            float wr = wRe[b];
            float wi = wIm[b];
            gRe[b] = 1 - (f1r * l + f2r * u) + gcr * wr - gci * wi;
            gIm[b] = -(f1i * l + f2i * u) + gcr * wi + gci * wr;
        }
        for (int b = 0; b < BLOCK; b++) {
            float gr = gRe[b];
            float gi = gIm[b];
            float ar = aRe[b];
            float ai = aIm[b];
            float xr = oRe[b];
            float xi = oIm[b];
            oRe[b] = xr + gr * ar - gi * ai;
            oIm[b] = xi + gr * ai + gi * ar;
        }
    }

    /**
     * forwardWithPotential for a semi-vectorial P_x: sub_v = d low_v rl_v, sup_v = d up_v ru_v and the
     * pivot's diagonal 1 - d low_v rl_v - d up_v ru_v + d V_v, all per lane.
     */
    private static void forwardWithRatios(float[][] xRe, float[][] xIm, int v0, int v1, float[][] vbRe, float[][] vbIm, float[][] rlb,
            float[][] rub, float dr, float di, float[] sub, float[] sup, float[][] invRe, float[][] invIm, float[] mulRe, float[] mulIm) {
        for (int v = v0; v < v1; v++) {
            float lr = sub[2 * v];
            float li = sub[2 * v + 1];
            float ur = sup[2 * v];
            float ui = sup[2 * v + 1];
            float[] wr = vbRe[v];
            float[] wi = vbIm[v];
            float[] l = rlb[v];
            float[] u = rub[v];
            float[] oRe = invRe[v];
            float[] oIm = invIm[v];
            for (int b = 0; b < BLOCK; b++) {
                float a = l[b];
                float c = u[b];
                float vr = wr[b];
                float vi = wi[b];
                oRe[b] = 1 - (lr * a + ur * c) + dr * vr - di * vi;
                oIm[b] = -(li * a + ui * c) + dr * vi + di * vr;
            }
            if (v > 0) {
                float[] jRe = invRe[v - 1];
                float[] jIm = invIm[v - 1];
                for (int b = 0; b < BLOCK; b++) {
                    float a = l[b];
                    float jr = jRe[b];
                    float ji = jIm[b];
                    mulRe[b] = a * (lr * jr - li * ji);
                    mulIm[b] = a * (lr * ji + li * jr);
                }
                float pr0 = sup[2 * v - 2];
                float pi0 = sup[2 * v - 1];
                float[] up = rub[v - 1];
                for (int b = 0; b < BLOCK; b++) {
                    float mr = mulRe[b];
                    float mi = mulIm[b];
                    float c = up[b];
                    float sr = pr0 * c;
                    float si = pi0 * c;
                    float xr = oRe[b];
                    float xi = oIm[b];
                    oRe[b] = xr - (mr * sr - mi * si);
                    oIm[b] = xi - (mr * si + mi * sr);
                }
            }
            for (int b = 0; b < BLOCK; b++) {
                float pr = oRe[b];
                float pi = oIm[b];
                float q = 1 / (pr * pr + pi * pi);
                oRe[b] = pr * q;
                oIm[b] = -pi * q;
            }
            if (v > 0) {
                eliminate(xRe, xIm, v, mulRe, mulIm);
            }
        }
    }

    /** Back substitution with per-lane sup_v = d up_v ru_v and inverse pivots, into out[v][lane]. */
    private void backwardWithRatios(float[][] xRe, float[][] xIm, int nv, float[][] ibRe, float[][] ibIm, float[][] rub, float[] sup,
            float[][] obRe, float[][] obIm) {
        for (int v = nv - 1; v >= 0; v--) {
            float[] zRe = xRe[v];
            float[] zIm = xIm[v];
            float[] yRe = obRe[v];
            float[] yIm = obIm[v];
            // the intermediate goes back into z (ib may be the output rows themselves)
            if (v + 1 < nv) {
                float sr = sup[2 * v];
                float si = sup[2 * v + 1];
                float[] u = rub[v];
                float[] nRe = obRe[v + 1];
                float[] nIm = obIm[v + 1];
                for (int b = 0; b < BLOCK; b++) {
                    float c = u[b];
                    float nr = nRe[b];
                    float ni = nIm[b];
                    float xr = zRe[b];
                    float xi = zIm[b];
                    zRe[b] = xr - c * (sr * nr - si * ni);
                    zIm[b] = xi - c * (sr * ni + si * nr);
                }
            }
            float[] j1 = ibRe[v];
            float[] j2 = ibIm[v];
            for (int b = 0; b < BLOCK; b++) {
                float ar = zRe[b];
                float ai = zIm[b];
                float i1 = j1[b];
                float i2 = j2[b];
                yRe[b] = ar * i1 - ai * i2;
                yIm[b] = ar * i2 + ai * i1;
            }
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

    /**
     * Forward elimination in place on x[v][lane] with the pivots formed as it goes: piv_v = diag_v + d V_v
     * - m_v sup_{v-1}, m_v = sub_v / piv_{v-1}, z_v = r_v - m_v z_{v-1}; the inverse pivots go to inv[v][lane].
     */
    private static void forwardWithPotential(float[][] xRe, float[][] xIm, int v0, int v1, float[][] vbRe, float[][] vbIm, float dr, float di,
            float[] diag, float[] sub, float[] sup, float[][] invRe, float[][] invIm, float[] mulRe, float[] mulIm) {
        if (v0 == 0) {
            float ar = diag[0];
            float ai = diag[1];
            float[] wr = vbRe[0];
            float[] wi = vbIm[0];
            float[] oRe = invRe[0];
            float[] oIm = invIm[0];
            for (int b = 0; b < BLOCK; b++) {
                float vr = wr[b];
                float vi = wi[b];
                float pr = ar + dr * vr - di * vi;
                float pi = ai + dr * vi + di * vr;
                float q = 1 / (pr * pr + pi * pi);
                oRe[b] = pr * q;
                oIm[b] = -pi * q;
            }
        }
        for (int v = Math.max(v0, 1); v < v1; v++) {
            float ar = diag[2 * v];
            float ai = diag[2 * v + 1];
            float lr = sub[2 * v];
            float li = sub[2 * v + 1];
            float ur = sup[2 * v - 2];
            float ui = sup[2 * v - 1];
            float[] wr = vbRe[v];
            float[] wi = vbIm[v];
            float[] jRe = invRe[v - 1];
            float[] jIm = invIm[v - 1];
            float[] oRe = invRe[v];
            float[] oIm = invIm[v];
            // multipliers (kept in a lane buffer), pivots, their inverses, then the elimination: small
            // loop bodies, which C2 vectorises, where one large one it would not
            for (int b = 0; b < BLOCK; b++) {
                float jr = jRe[b];
                float ji = jIm[b];
                mulRe[b] = lr * jr - li * ji;
                mulIm[b] = lr * ji + li * jr;
            }
            for (int b = 0; b < BLOCK; b++) {
                float mr = mulRe[b];
                float mi = mulIm[b];
                float vr = wr[b];
                float vi = wi[b];
                oRe[b] = ar + dr * vr - di * vi - (mr * ur - mi * ui);
                oIm[b] = ai + dr * vi + di * vr - (mr * ui + mi * ur);
            }
            for (int b = 0; b < BLOCK; b++) {
                float pr = oRe[b];
                float pi = oIm[b];
                float q = 1 / (pr * pr + pi * pi);
                oRe[b] = pr * q;
                oIm[b] = -pi * q;
            }
            eliminate(xRe, xIm, v, mulRe, mulIm);
        }
    }

    /** Forward elimination in place on x[v][lane] with precomputed inverse pivots: z_v = r_v - sub_v ip_{v-1} z_{v-1}. */
    private static void forwardPrecomputed(float[][] xRe, float[][] xIm, int v0, int v1, float[][] ipRe, float[][] ipIm, float[] sub, float[] mulRe,
            float[] mulIm) {
        for (int v = Math.max(v0, 1); v < v1; v++) {
            float lr = sub[2 * v];
            float li = sub[2 * v + 1];
            float[] jRe = ipRe[v - 1];
            float[] jIm = ipIm[v - 1];
            for (int b = 0; b < BLOCK; b++) {
                float jr = jRe[b];
                float ji = jIm[b];
                mulRe[b] = lr * jr - li * ji;
                mulIm[b] = lr * ji + li * jr;
            }
            eliminate(xRe, xIm, v, mulRe, mulIm);
        }
    }

    /** One elimination row with per-lane multipliers: z_v = r_v - m z_{v-1}. */
    private static void eliminate(float[][] xRe, float[][] xIm, int v, float[] mulRe, float[] mulIm) {
        float[] zRe = xRe[v];
        float[] zIm = xIm[v];
        float[] pRe = xRe[v - 1];
        float[] pIm = xIm[v - 1];
        for (int b = 0; b < BLOCK; b++) {
            float mr = mulRe[b];
            float mi = mulIm[b];
            float xr = zRe[b];
            float xi = zIm[b];
            float yr = pRe[b];
            float yi = pIm[b];
            zRe[b] = xr - (mr * yr - mi * yi);
            zIm[b] = xi - (mr * yi + mi * yr);
        }
    }

    /** Forward elimination in place on x[v][lane] with multipliers shared by all lanes: z_v = r_v - m_v z_{v-1}. */
    private static void forwardShared(float[][] xRe, float[][] xIm, int v0, int v1, float[] mul) {
        for (int v = Math.max(v0, 1); v < v1; v++) {
            float mr = mul[2 * v];
            float mi = mul[2 * v + 1];
            float[] zRe = xRe[v];
            float[] zIm = xIm[v];
            float[] pRe = xRe[v - 1];
            float[] pIm = xIm[v - 1];
            for (int b = 0; b < BLOCK; b++) {
                float xr = zRe[b];
                float xi = zIm[b];
                float yr = pRe[b];
                float yi = pIm[b];
                zRe[b] = xr - (mr * yr - mi * yi);
                zIm[b] = xi - (mr * yi + mi * yr);
            }
        }
    }

    /**
     * Back substitution y_v = (z_v - sup_v y_{v+1}) / piv_v into out[v][lane], with the inverse pivots per
     * lane (ib) or shared by all lanes (inv, when ib is null).
     */
    private void backward(float[][] xRe, float[][] xIm, int nv, float[][] ibRe, float[][] ibIm, float[] inv, float[] sup, float[][] obRe,
            float[][] obIm) {
        for (int v = nv - 1; v >= 0; v--) {
            float[] zRe = xRe[v];
            float[] zIm = xIm[v];
            // the last row has no successor: a zero row stands in
            float[] nRe = v + 1 < nv ? obRe[v + 1] : zero;
            float[] nIm = v + 1 < nv ? obIm[v + 1] : zero;
            float sr = v + 1 < nv ? sup[2 * v] : 0;
            float si = v + 1 < nv ? sup[2 * v + 1] : 0;
            float[] yRe = obRe[v];
            float[] yIm = obIm[v];
            if (ibRe == null) {
                float i1 = inv[2 * v];
                float i2 = inv[2 * v + 1];
                for (int b = 0; b < BLOCK; b++) {
                    float nr = nRe[b];
                    float ni = nIm[b];
                    float ar = zRe[b] - (sr * nr - si * ni);
                    float ai = zIm[b] - (sr * ni + si * nr);
                    yRe[b] = ar * i1 - ai * i2;
                    yIm[b] = ar * i2 + ai * i1;
                }
            } else {
                float[] j1 = ibRe[v];
                float[] j2 = ibIm[v];
                for (int b = 0; b < BLOCK; b++) {
                    float nr = nRe[b];
                    float ni = nIm[b];
                    float i1 = j1[b];
                    float i2 = j2[b];
                    float ar = zRe[b] - (sr * nr - si * ni);
                    float ai = zIm[b] - (sr * ni + si * nr);
                    yRe[b] = ar * i1 - ai * i2;
                    yIm[b] = ar * i2 + ai * i1;
                }
            }
        }
    }

    @Override
    public double power(boolean[] mask) {
        double s = 0;
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                if (mask == null || mask[i + nx * j]) {
                    double a = row(f1Re, j, i / BLOCK)[i % BLOCK];
                    double b = row(f1Im, j, i / BLOCK)[i % BLOCK];
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
                float[] rr = row(f1Re, j, i / BLOCK);
                float[] ri = row(f1Im, j, i / BLOCK);
                double a = rr[i % BLOCK];
                double b = ri[i % BLOCK];
                rr[i % BLOCK] = (float) (fr * a - fi * b);
                ri[i % BLOCK] = (float) (fr * b + fi * a);
            }
        }
    }

    @Override
    public void close() {
        if (ownsTeam) {
            team.close();
        }
    }
}
