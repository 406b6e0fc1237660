// Generated from solver/src/template/CpuAdi.java.template (sha256 b5ead94f1ee8407ed4275a91f691d1f63feeccfec49e23b8b1b417296c46e07b) by generate.py: edit the template.
package org.glassguide.solver.compute;

import java.util.function.IntConsumer;

/**
 * The CPU ADI stepper in double precision. The field lives in two blocked layouts, each of tiles of
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
final class CpuAdiDouble implements AdiStepper {
    static final int BLOCK = 64;

    private final int nx;
    private final int ny;
    private final int bx;
    private final int by;
    private final LineTeam team;
    /** False when the team is shared with (and closed by) the unsplit solve's vectors. */
    private final boolean ownsTeam;
    // L1[y block][x block][y in block][x lane] and L2[x block][y block][x in block][y lane]: tiles of
    // BLOCK x BLOCK, ordered so that a half-step reads the tiles of its line block contiguously
    private final double[][][][] f1Re;
    private final double[][][][] f1Im;
    private final double[][][][] f2Re;
    private final double[][][][] f2Im;
    // V in the L2 layout: x solves (lines y in lockstep) and the explicit x operator both read it there
    private final double[][][][] vRe;
    private final double[][][][] vIm;
    // the x solve's inverse pivots per cell (L2 layout) for a scalar Peaceman-Rachford step: read in place of V by
    // the first half-step, they spare its complex reciprocal per cell at the same memory traffic; null otherwise
    private double[][][][] ipRe;
    private double[][][][] ipIm;
    private final double[][][] ipRowsRe;
    private final double[][][] ipRowsIm;
    // semi-vectorial runs: the interface ratios of P_x's lower and upper coefficients per cell (L2), else null
    private double[][][][] rl;
    private double[][][][] ru;
    private final double[][][] rlRows;
    private final double[][][] ruRows;
    // per member: rows gathered from the tiles of one line block (outputs, V)
    private final double[][][] oRowsRe;
    private final double[][][] oRowsIm;
    private final double[][][] vRowsRe;
    private final double[][][] vRowsIm;
    private double[] lowX;
    private double[] upX;
    private double[] lowY;
    private double[] upY;
    private double[] c = new double[0];
    private double[] d = new double[0];
    // per factor, x: diagonal without V (1 + d(-low - up)), d low and d up, interleaved per position
    private double[][] diagX;
    private double[][] subX;
    private double[][] supX;
    // per factor, y: multipliers m_v, inverse pivots 1 / piv_v and d up, interleaved per position
    private double[][] mulY;
    private double[][] invY;
    private double[][] supY;
    private final double[][][] tRe;
    private final double[][][] tIm;
    private final double[][][] rRe;
    private final double[][][] rIm;
    private final double[] zero = new double[BLOCK];
    private final double[][] wRe;
    private final double[][] wIm;

    private int factor;
    private boolean lod;
    private long stepCount;
    private final IntConsumer lodXJob = this::lodX;
    private final IntConsumer lodYJob = this::lodY;
    private final IntConsumer toL2Job = this::toL2;
    private final IntConsumer toL1Job = this::toL1;
    private final IntConsumer firstHalf = this::firstHalf;
    private final IntConsumer secondHalf = this::secondHalf;

    CpuAdiDouble(AdiOperator op, int threads) {
        this(op, new LineTeam(threads), true);
    }

    /** A stepper on a team of threads it shares (the unsplit solve's preconditioner beside its vector operations). */
    CpuAdiDouble(AdiOperator op, LineTeam shared) {
        this(op, shared, false);
    }

    private CpuAdiDouble(AdiOperator op, LineTeam team, boolean ownsTeam) {
        this.nx = op.nx();
        this.ny = op.ny();
        this.bx = (nx + BLOCK - 1) / BLOCK;
        this.by = (ny + BLOCK - 1) / BLOCK;
        this.team = team;
        this.ownsTeam = ownsTeam;
        f1Re = new double[by][bx][BLOCK][BLOCK];
        f1Im = new double[by][bx][BLOCK][BLOCK];
        f2Re = new double[bx][by][BLOCK][BLOCK];
        f2Im = new double[bx][by][BLOCK][BLOCK];
        vRe = new double[bx][by][BLOCK][BLOCK];
        vIm = new double[bx][by][BLOCK][BLOCK];
        int m = Math.max(nx, ny);
        oRowsRe = new double[team.size()][m][];
        oRowsIm = new double[team.size()][m][];
        vRowsRe = new double[team.size()][m][];
        ipRowsRe = new double[team.size()][m][];
        ipRowsIm = new double[team.size()][m][];
        vRowsIm = new double[team.size()][m][];
        rlRows = new double[team.size()][m][];
        ruRows = new double[team.size()][m][];
        tRe = new double[team.size()][m][BLOCK];
        tIm = new double[team.size()][m][BLOCK];
        rRe = new double[team.size()][BLOCK][BLOCK];
        rIm = new double[team.size()][BLOCK][BLOCK];
        wRe = new double[team.size()][BLOCK];
        wIm = new double[team.size()][BLOCK];
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
                row(vRe, i, j / BLOCK)[j % BLOCK] = v[2 * p];
                row(vIm, i, j / BLOCK)[j % BLOCK] = v[2 * p + 1];
            }
        }
        if (op.ratioLowX() == null) {
            rl = null;
            ru = null;
        } else {
            if (rl == null) {
                rl = new double[bx][by][BLOCK][BLOCK];
                ru = new double[bx][by][BLOCK][BLOCK];
            }
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    row(rl, i, j / BLOCK)[j % BLOCK] = op.ratioLowX()[i + nx * j];
                    row(ru, i, j / BLOCK)[j % BLOCK] = op.ratioUpX()[i + nx * j];
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
        diagX = new double[k][2 * nx];
        subX = new double[k][2 * nx];
        supX = new double[k][2 * nx];
        mulY = new double[k][2 * ny];
        invY = new double[k][2 * ny];
        supY = new double[k][2 * ny];
        pivotsX(k);
        double[] out = new double[4 * ny];
        double[] none = new double[ny];
        for (int f = 0; f < k; f++) {
            double dr = d[2 * f];
            double di = d[2 * f + 1];
            for (int i = 0; i < nx; i++) {
                double sr = -(lowX[2 * i] + upX[2 * i]);
                double si = -(lowX[2 * i + 1] + upX[2 * i + 1]);
                diagX[f][2 * i] = (1 + dr * sr - di * si);
                diagX[f][2 * i + 1] = (dr * si + di * sr);
                subX[f][2 * i] = (dr * lowX[2 * i] - di * lowX[2 * i + 1]);
                subX[f][2 * i + 1] = (dr * lowX[2 * i + 1] + di * lowX[2 * i]);
                supX[f][2 * i] = (dr * upX[2 * i] - di * upX[2 * i + 1]);
                supX[f][2 * i + 1] = (dr * upX[2 * i + 1] + di * upX[2 * i]);
            }
            for (int j = 0; j < ny; j++) {
                supY[f][2 * j] = (dr * upY[2 * j] - di * upY[2 * j + 1]);
                supY[f][2 * j + 1] = (dr * upY[2 * j + 1] + di * upY[2 * j]);
            }
            AdiLu.factor(dr, di, lowY, upY, none, none, null, null, ny, out);
            for (int j = 0; j < ny; j++) {
                mulY[f][2 * j] = out[4 * j];
                mulY[f][2 * j + 1] = out[4 * j + 1];
                invY[f][2 * j] = out[4 * j + 2];
                invY[f][2 * j + 1] = out[4 * j + 3];
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
            ipRe = new double[bx][by][BLOCK][BLOCK];
            ipIm = new double[bx][by][BLOCK][BLOCK];
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
                row(ipRe, i, j / BLOCK)[j % BLOCK] = out[4 * i + 2];
                row(ipIm, i, j / BLOCK)[j % BLOCK] = out[4 * i + 3];
            }
        }
    }

    @Override
    public void setField(double[] psi) {
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int p = i + nx * j;
                row(f1Re, j, i / BLOCK)[i % BLOCK] = psi[2 * p];
                row(f1Im, j, i / BLOCK)[i % BLOCK] = psi[2 * p + 1];
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
                double[][] ipbRe = gather(ipRe, rb, nx, ipRowsRe[member]);
                double[][] ipbIm = gather(ipIm, rb, nx, ipRowsIm[member]);
                double[][] outRe = gather(f2Re, rb, nx, oRowsRe[member]);
                double[][] outIm = gather(f2Im, rb, nx, oRowsIm[member]);
                explicitRows(f1Re, f1Im, ny, nx, null, null, false, lowY, upY, cr, ci, rb, tRe[member], tIm[member], member, f, ipbRe, ipbIm,
                        null, null, null, null);
                backward(tRe[member], tIm[member], nx, ipbRe, ipbIm, null, supX[f], outRe, outIm);
                continue;
            }
            double[][] vbRe = gather(vRe, rb, nx, vRowsRe[member]);
            double[][] vbIm = gather(vIm, rb, nx, vRowsIm[member]);
            double[][] rlb = rl == null ? null : gather(rl, rb, nx, rlRows[member]);
            double[][] rub = rl == null ? null : gather(ru, rb, nx, ruRows[member]);
            // the inverse pivots live in the output rows until the back substitution overwrites them (in reverse
            // order, so the rows written last, still in cache, are read first): no separate pivot buffer
            double[][] outRe = gather(f2Re, rb, nx, oRowsRe[member]);
            double[][] outIm = gather(f2Im, rb, nx, oRowsIm[member]);
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
    private void solveWithPotential(double[][] xRe, double[][] xIm, double[][] vbRe, double[][] vbIm, double[][] rlb, double[][] rub, int f,
            double[][] outRe, double[][] outIm, int member) {
        forwardWithPotential(xRe, xIm, 0, nx, vbRe, vbIm, rlb, rub, f, member, outRe, outIm);
        backwardWithPotential(xRe, xIm, rub, f, outRe, outIm);
    }

    /**
     * Forward elimination of the x solve (with V) over positions v0..v1-1, as the rows arrive; the inverse
     * pivots go to inv (the output rows, until the back substitution).
     */
    private void forwardWithPotential(double[][] xRe, double[][] xIm, int v0, int v1, double[][] vbRe, double[][] vbIm, double[][] rlb, double[][] rub,
            int f, int member, double[][] invRe, double[][] invIm) {
        if (rlb != null) {
            forwardWithRatios(xRe, xIm, v0, v1, vbRe, vbIm, rlb, rub, d[2 * f], d[2 * f + 1], subX[f], supX[f], invRe, invIm,
                    wRe[member], wIm[member]);
        } else {
            forwardWithPotential(xRe, xIm, v0, v1, vbRe, vbIm, d[2 * f], d[2 * f + 1], diagX[f], subX[f], supX[f], invRe, invIm,
                    wRe[member], wIm[member]);
        }
    }

    /** Back substitution of the x solve into out[v][lane], which holds the inverse pivots until then. */
    private void backwardWithPotential(double[][] xRe, double[][] xIm, double[][] rub, int f, double[][] outRe, double[][] outIm) {
        if (rub != null) {
            backwardWithRatios(xRe, xIm, nx, outRe, outIm, rub, supX[f], outRe, outIm);
        } else {
            backward(xRe, xIm, nx, outRe, outIm, null, supX[f], outRe, outIm);
        }
    }

    /** (1 + d_f P_y)^-1 on x[v][lane] (v along y, lanes the lines x of one block), into out. */
    private void solveShared(double[][] xRe, double[][] xIm, int f, double[][] outRe, double[][] outIm, int member) {
        forwardShared(xRe, xIm, 0, ny, mulY[f]);
        backward(xRe, xIm, ny, null, null, invY[f], supY[f], outRe, outIm);
    }

    /**
     * One-directional factors in place (locally one-dimensional splitting): for the lane blocks cb0..cb1
     * of a layout F[lane block][u][lane], F <- (1 + d P_u)^-1 (1 + c P_u) F along u, all factors in turn.
     * Each such Cayley-type factor is unitary for a real operator when c = conj(d): stable at any step.
     */
    private void lodHalf(boolean alongX, int cb0, int cb1, int member) {
        double[][][][] fRe = alongX ? f2Re : f1Re;
        double[][][][] fIm = alongX ? f2Im : f1Im;
        int nu = alongX ? nx : ny;
        double[] lowU = alongX ? lowX : lowY;
        double[] upU = alongX ? upX : upY;
        double[][] xRe = tRe[member];
        double[][] xIm = tIm[member];
        for (int cb = cb0; cb < cb1; cb++) {
            for (int f = 0; f < c.length / 2; f++) {
                double cr = c[2 * f];
                double ci = c[2 * f + 1];
                double[][] plRe = gather(fRe, cb, nu, oRowsRe[member]);
                double[][] plIm = gather(fIm, cb, nu, oRowsIm[member]);
                double[][] hRe = alongX ? gather(vRe, cb, nu, vRowsRe[member]) : null;
                double[][] hIm = alongX ? gather(vIm, cb, nu, vRowsIm[member]) : null;
                double[][] lb = alongX && rl != null ? gather(rl, cb, nu, rlRows[member]) : null;
                double[][] ub = alongX && rl != null ? gather(ru, cb, nu, ruRows[member]) : null;
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
        double[][][][] sRe = toL2 ? f1Re : f2Re;
        double[][][][] sIm = toL2 ? f1Im : f2Im;
        double[][][][] dRe = toL2 ? f2Re : f1Re;
        double[][][][] dIm = toL2 ? f2Im : f1Im;
        int rows = toL2 ? ny : nx;
        for (int sb = b0; sb < b1; sb++) {
            int limit = Math.min(BLOCK, (toL2 ? nx : ny) - sb * BLOCK);
            for (int r = 0; r < rows; r++) {
                double[] aRe = row(sRe, r, sb);
                double[] aIm = row(sIm, r, sb);
                double[][] ddRe = dRe[sb][r / BLOCK];
                double[][] ddIm = dIm[sb][r / BLOCK];
                int lane = r % BLOCK;
                for (int b = 0; b < limit; b++) {
                    ddRe[b][lane] = aRe[b];
                    ddIm[b][lane] = aIm[b];
                }
            }
        }
    }

    /** Row u (along the layout's row axis) of lane block cb. */
    private static double[] row(double[][][][] layout, int u, int cb) {
        return layout[u / BLOCK][cb][u % BLOCK];
    }

    /** The rows 0..n-1 of lane block cb, gathered into rows. */
    private static double[][] gather(double[][][][] layout, int cb, int n, double[][] rows) {
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
    private void explicitRows(double[][][][] inRe, double[][][][] inIm, int nu, int nv, double[][][][] hvRe, double[][][][] hvIm, boolean ratios,
            double[] lowU, double[] upU, double cr, double ci, int rb, double[][] xRe, double[][] xIm, int member, int f, double[][] vbRe,
            double[][] vbIm, double[][] rlb, double[][] rub, double[][] invRe, double[][] invIm) {
        double[][] sRe = rRe[member];
        double[][] sIm = rIm[member];
        int vBlocks = (nv + BLOCK - 1) / BLOCK;
        for (int cb = 0; cb < vBlocks; cb++) {
            for (int uu = 0; uu < BLOCK; uu++) {
                int u = rb * BLOCK + uu;
                double[] oRe = sRe[uu];
                double[] oIm = sIm[uu];
                if (u >= nu) {
                    java.util.Arrays.fill(oRe, 0);
                    java.util.Arrays.fill(oIm, 0);
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
    private static void explicitRow(double[] aRe, double[] aIm, double[] pRe, double[] pIm, double[] qRe, double[] qIm, double[] wRe, double[] wIm,
            double lr, double li, double hr, double hi, double cr, double ci, double[] oRe, double[] oIm) {
        double e1r = cr * lr - ci * li;
        double e1i = cr * li + ci * lr;
        double e2r = cr * hr - ci * hi;
        double e2i = cr * hi + ci * hr;
        double f1r = e1r;
        double f1i = e1i;
        double f2r = e2r;
        double f2i = e2i;
        double f0r = (1 - (e1r + e2r));
        double f0i = -(e1i + e2i);
        for (int b = 0; b < BLOCK; b++) {
            double pr = pRe[b];
            double pi = pIm[b];
            double qr = qRe[b];
            double qi = qIm[b];
            oRe[b] = f1r * pr - f1i * pi + f2r * qr - f2i * qi;
            oIm[b] = f1r * pi + f1i * pr + f2r * qi + f2i * qr;
        }
        if (wRe == null) {
            for (int b = 0; b < BLOCK; b++) {
                double ar = aRe[b];
                double ai = aIm[b];
                double xr = oRe[b];
                double xi = oIm[b];
                oRe[b] = xr + f0r * ar - f0i * ai;
                oIm[b] = xi + f0r * ai + f0i * ar;
            }
            return;
        }
        double gcr = cr;
        double gci = ci;
        for (int b = 0; b < BLOCK; b++) {
            double wr = wRe[b];
            double wi = wIm[b];
            double ar = aRe[b];
            double ai = aIm[b];
            double xr = oRe[b];
            double xi = oIm[b];
            double gr = f0r + gcr * wr - gci * wi;
            double gi = f0i + gcr * wi + gci * wr;
            oRe[b] = xr + gr * ar - gi * ai;
            oIm[b] = xi + gr * ai + gi * ar;
        }
    }

    /**
     * explicitRow for a semi-vectorial P_x: the coefficients low and up scaled per lane by the interface
     * ratios rl and ru (real), the diagonal -(low rl + up ru) + V; g is a lane buffer.
     */
    private static void explicitRowRatios(double[] aRe, double[] aIm, double[] pRe, double[] pIm, double[] qRe, double[] qIm, double[] wRe, double[] wIm,
            double[] rlo, double[] rup, double lr, double li, double hr, double hi, double cr, double ci, double[] oRe, double[] oIm, double[] gRe,
            double[] gIm) {
        double f1r = (cr * lr - ci * li);
        double f1i = (cr * li + ci * lr);
        double f2r = (cr * hr - ci * hi);
        double f2i = (cr * hi + ci * hr);
        double gcr = cr;
        double gci = ci;
        for (int b = 0; b < BLOCK; b++) {
            double l = rlo[b];
            double u = rup[b];
            double pr = pRe[b];
            double pi = pIm[b];
            double qr = qRe[b];
            double qi = qIm[b];
            oRe[b] = l * (f1r * pr - f1i * pi) + u * (f2r * qr - f2i * qi);
            oIm[b] = l * (f1r * pi + f1i * pr) + u * (f2r * qi + f2i * qr);
        }
        for (int b = 0; b < BLOCK; b++) {
            double l = rlo[b];
            double u = rup[b];
            double wr = wRe[b];
            double wi = wIm[b];
            gRe[b] = 1 - (f1r * l + f2r * u) + gcr * wr - gci * wi;
            gIm[b] = -(f1i * l + f2i * u) + gcr * wi + gci * wr;
        }
        for (int b = 0; b < BLOCK; b++) {
            double gr = gRe[b];
            double gi = gIm[b];
            double ar = aRe[b];
            double ai = aIm[b];
            double xr = oRe[b];
            double xi = oIm[b];
            oRe[b] = xr + gr * ar - gi * ai;
            oIm[b] = xi + gr * ai + gi * ar;
        }
    }

    /**
     * forwardWithPotential for a semi-vectorial P_x: sub_v = d low_v rl_v, sup_v = d up_v ru_v and the
     * pivot's diagonal 1 - d low_v rl_v - d up_v ru_v + d V_v, all per lane.
     */
    private static void forwardWithRatios(double[][] xRe, double[][] xIm, int v0, int v1, double[][] vbRe, double[][] vbIm, double[][] rlb,
            double[][] rub, double dr, double di, double[] sub, double[] sup, double[][] invRe, double[][] invIm, double[] mulRe, double[] mulIm) {
        for (int v = v0; v < v1; v++) {
            double lr = sub[2 * v];
            double li = sub[2 * v + 1];
            double ur = sup[2 * v];
            double ui = sup[2 * v + 1];
            double[] wr = vbRe[v];
            double[] wi = vbIm[v];
            double[] l = rlb[v];
            double[] u = rub[v];
            double[] oRe = invRe[v];
            double[] oIm = invIm[v];
            for (int b = 0; b < BLOCK; b++) {
                double a = l[b];
                double c = u[b];
                double vr = wr[b];
                double vi = wi[b];
                oRe[b] = 1 - (lr * a + ur * c) + dr * vr - di * vi;
                oIm[b] = -(li * a + ui * c) + dr * vi + di * vr;
            }
            if (v > 0) {
                double[] jRe = invRe[v - 1];
                double[] jIm = invIm[v - 1];
                for (int b = 0; b < BLOCK; b++) {
                    double a = l[b];
                    double jr = jRe[b];
                    double ji = jIm[b];
                    mulRe[b] = a * (lr * jr - li * ji);
                    mulIm[b] = a * (lr * ji + li * jr);
                }
                double pr0 = sup[2 * v - 2];
                double pi0 = sup[2 * v - 1];
                double[] up = rub[v - 1];
                for (int b = 0; b < BLOCK; b++) {
                    double mr = mulRe[b];
                    double mi = mulIm[b];
                    double c = up[b];
                    double sr = pr0 * c;
                    double si = pi0 * c;
                    double xr = oRe[b];
                    double xi = oIm[b];
                    oRe[b] = xr - (mr * sr - mi * si);
                    oIm[b] = xi - (mr * si + mi * sr);
                }
            }
            for (int b = 0; b < BLOCK; b++) {
                double pr = oRe[b];
                double pi = oIm[b];
                double q = 1 / (pr * pr + pi * pi);
                oRe[b] = pr * q;
                oIm[b] = -pi * q;
            }
            if (v > 0) {
                eliminate(xRe, xIm, v, mulRe, mulIm);
            }
        }
    }

    /** Back substitution with per-lane sup_v = d up_v ru_v and inverse pivots, into out[v][lane]. */
    private void backwardWithRatios(double[][] xRe, double[][] xIm, int nv, double[][] ibRe, double[][] ibIm, double[][] rub, double[] sup,
            double[][] obRe, double[][] obIm) {
        for (int v = nv - 1; v >= 0; v--) {
            double[] zRe = xRe[v];
            double[] zIm = xIm[v];
            double[] yRe = obRe[v];
            double[] yIm = obIm[v];
            // the intermediate goes back into z (ib may be the output rows themselves)
            if (v + 1 < nv) {
                double sr = sup[2 * v];
                double si = sup[2 * v + 1];
                double[] u = rub[v];
                double[] nRe = obRe[v + 1];
                double[] nIm = obIm[v + 1];
                for (int b = 0; b < BLOCK; b++) {
                    double c = u[b];
                    double nr = nRe[b];
                    double ni = nIm[b];
                    double xr = zRe[b];
                    double xi = zIm[b];
                    zRe[b] = xr - c * (sr * nr - si * ni);
                    zIm[b] = xi - c * (sr * ni + si * nr);
                }
            }
            double[] j1 = ibRe[v];
            double[] j2 = ibIm[v];
            for (int b = 0; b < BLOCK; b++) {
                double ar = zRe[b];
                double ai = zIm[b];
                double i1 = j1[b];
                double i2 = j2[b];
                yRe[b] = ar * i1 - ai * i2;
                yIm[b] = ar * i2 + ai * i1;
            }
        }
    }

    private static void transposeTile(double[][] sRe, double[][] sIm, double[][] xRe, double[][] xIm, int cb, int lanes) {
        for (int lane = 0; lane < lanes; lane++) {
            double[] dRe = xRe[cb * BLOCK + lane];
            double[] dIm = xIm[cb * BLOCK + lane];
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
    private static void forwardWithPotential(double[][] xRe, double[][] xIm, int v0, int v1, double[][] vbRe, double[][] vbIm, double dr, double di,
            double[] diag, double[] sub, double[] sup, double[][] invRe, double[][] invIm, double[] mulRe, double[] mulIm) {
        if (v0 == 0) {
            double ar = diag[0];
            double ai = diag[1];
            double[] wr = vbRe[0];
            double[] wi = vbIm[0];
            double[] oRe = invRe[0];
            double[] oIm = invIm[0];
            for (int b = 0; b < BLOCK; b++) {
                double vr = wr[b];
                double vi = wi[b];
                double pr = ar + dr * vr - di * vi;
                double pi = ai + dr * vi + di * vr;
                double q = 1 / (pr * pr + pi * pi);
                oRe[b] = pr * q;
                oIm[b] = -pi * q;
            }
        }
        for (int v = Math.max(v0, 1); v < v1; v++) {
            double ar = diag[2 * v];
            double ai = diag[2 * v + 1];
            double lr = sub[2 * v];
            double li = sub[2 * v + 1];
            double ur = sup[2 * v - 2];
            double ui = sup[2 * v - 1];
            double[] wr = vbRe[v];
            double[] wi = vbIm[v];
            double[] jRe = invRe[v - 1];
            double[] jIm = invIm[v - 1];
            double[] oRe = invRe[v];
            double[] oIm = invIm[v];
            // multipliers (kept in a lane buffer), pivots, their inverses, then the elimination: small
            // loop bodies, which C2 vectorises, where one large one it would not
            for (int b = 0; b < BLOCK; b++) {
                double jr = jRe[b];
                double ji = jIm[b];
                mulRe[b] = lr * jr - li * ji;
                mulIm[b] = lr * ji + li * jr;
            }
            for (int b = 0; b < BLOCK; b++) {
                double mr = mulRe[b];
                double mi = mulIm[b];
                double vr = wr[b];
                double vi = wi[b];
                oRe[b] = ar + dr * vr - di * vi - (mr * ur - mi * ui);
                oIm[b] = ai + dr * vi + di * vr - (mr * ui + mi * ur);
            }
            for (int b = 0; b < BLOCK; b++) {
                double pr = oRe[b];
                double pi = oIm[b];
                double q = 1 / (pr * pr + pi * pi);
                oRe[b] = pr * q;
                oIm[b] = -pi * q;
            }
            eliminate(xRe, xIm, v, mulRe, mulIm);
        }
    }

    /** Forward elimination in place on x[v][lane] with precomputed inverse pivots: z_v = r_v - sub_v ip_{v-1} z_{v-1}. */
    private static void forwardPrecomputed(double[][] xRe, double[][] xIm, int v0, int v1, double[][] ipRe, double[][] ipIm, double[] sub, double[] mulRe,
            double[] mulIm) {
        for (int v = Math.max(v0, 1); v < v1; v++) {
            double lr = sub[2 * v];
            double li = sub[2 * v + 1];
            double[] jRe = ipRe[v - 1];
            double[] jIm = ipIm[v - 1];
            for (int b = 0; b < BLOCK; b++) {
                double jr = jRe[b];
                double ji = jIm[b];
                mulRe[b] = lr * jr - li * ji;
                mulIm[b] = lr * ji + li * jr;
            }
            eliminate(xRe, xIm, v, mulRe, mulIm);
        }
    }

    /** One elimination row with per-lane multipliers: z_v = r_v - m z_{v-1}. */
    private static void eliminate(double[][] xRe, double[][] xIm, int v, double[] mulRe, double[] mulIm) {
        double[] zRe = xRe[v];
        double[] zIm = xIm[v];
        double[] pRe = xRe[v - 1];
        double[] pIm = xIm[v - 1];
        for (int b = 0; b < BLOCK; b++) {
            double mr = mulRe[b];
            double mi = mulIm[b];
            double xr = zRe[b];
            double xi = zIm[b];
            double yr = pRe[b];
            double yi = pIm[b];
            zRe[b] = xr - (mr * yr - mi * yi);
            zIm[b] = xi - (mr * yi + mi * yr);
        }
    }

    /** Forward elimination in place on x[v][lane] with multipliers shared by all lanes: z_v = r_v - m_v z_{v-1}. */
    private static void forwardShared(double[][] xRe, double[][] xIm, int v0, int v1, double[] mul) {
        for (int v = Math.max(v0, 1); v < v1; v++) {
            double mr = mul[2 * v];
            double mi = mul[2 * v + 1];
            double[] zRe = xRe[v];
            double[] zIm = xIm[v];
            double[] pRe = xRe[v - 1];
            double[] pIm = xIm[v - 1];
            for (int b = 0; b < BLOCK; b++) {
                double xr = zRe[b];
                double xi = zIm[b];
                double yr = pRe[b];
                double yi = pIm[b];
                zRe[b] = xr - (mr * yr - mi * yi);
                zIm[b] = xi - (mr * yi + mi * yr);
            }
        }
    }

    /**
     * Back substitution y_v = (z_v - sup_v y_{v+1}) / piv_v into out[v][lane], with the inverse pivots per
     * lane (ib) or shared by all lanes (inv, when ib is null).
     */
    private void backward(double[][] xRe, double[][] xIm, int nv, double[][] ibRe, double[][] ibIm, double[] inv, double[] sup, double[][] obRe,
            double[][] obIm) {
        for (int v = nv - 1; v >= 0; v--) {
            double[] zRe = xRe[v];
            double[] zIm = xIm[v];
            // the last row has no successor: a zero row stands in
            double[] nRe = v + 1 < nv ? obRe[v + 1] : zero;
            double[] nIm = v + 1 < nv ? obIm[v + 1] : zero;
            double sr = v + 1 < nv ? sup[2 * v] : 0;
            double si = v + 1 < nv ? sup[2 * v + 1] : 0;
            double[] yRe = obRe[v];
            double[] yIm = obIm[v];
            if (ibRe == null) {
                double i1 = inv[2 * v];
                double i2 = inv[2 * v + 1];
                for (int b = 0; b < BLOCK; b++) {
                    double nr = nRe[b];
                    double ni = nIm[b];
                    double ar = zRe[b] - (sr * nr - si * ni);
                    double ai = zIm[b] - (sr * ni + si * nr);
                    yRe[b] = ar * i1 - ai * i2;
                    yIm[b] = ar * i2 + ai * i1;
                }
            } else {
                double[] j1 = ibRe[v];
                double[] j2 = ibIm[v];
                for (int b = 0; b < BLOCK; b++) {
                    double nr = nRe[b];
                    double ni = nIm[b];
                    double i1 = j1[b];
                    double i2 = j2[b];
                    double ar = zRe[b] - (sr * nr - si * ni);
                    double ai = zIm[b] - (sr * ni + si * nr);
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
                double[] rr = row(f1Re, j, i / BLOCK);
                double[] ri = row(f1Im, j, i / BLOCK);
                double a = rr[i % BLOCK];
                double b = ri[i % BLOCK];
                rr[i % BLOCK] = (fr * a - fi * b);
                ri[i % BLOCK] = (fr * b + fi * a);
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
