package org.glassguide.solver.compute;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Krylov vectors in the Java heap, in double precision whatever the backend's: the unsplit solve's vectors for the CPU
 * backend, for the fourth-order compact operator on any backend, and the reference for a device's own. Each factor's
 * preconditioner is a backend stepper holding that single factor (c = 0, e): one of its steps applies
 * (1 + e P_y)^-1 (1 + e P_x)^-1 (Peaceman-Rachford with c = 0) in the backend's precision and threads. On large grids the
 * vector operations and products with P share the work among the stepper's threads.
 */
public final class HostKrylovVectors implements KrylovVectors {
    /** Below this many cells the products with P and the vector operations run on one thread: forking would cost more than it saves. */
    static final int PARALLEL_CELLS = 1 << 15;
    /**
     * The vector operations' fixed partition (on large grids): dot products add the chunks' partial sums in chunk order,
     * so a result does not depend on how many threads shared the work.
     */
    private static final int CHUNKS = 16;

    private final int nx;
    private final int ny;
    private final int n;
    private final Function<AdiOperator, AdiStepper> preconditionerFactory;
    private final List<AdiStepper> preconditioners = new ArrayList<>();
    private final List<double[]> vectors = new ArrayList<>();
    private AdiOperator op;
    /** P x while 1 + c P is formed. */
    private final double[] px;
    /** Threads for the vector operations on large grids (one member otherwise). */
    private final LineTeam team;
    /** Team members that take part: all on large grids, the caller alone on small ones. */
    private final int members;
    private final int chunks;
    /** Per chunk: a dot product's partial sums {re, im}. */
    private final double[] partial = new double[2 * CHUNKS];
    // the operands of the operation the team is running (set before each run: the jobs below allocate nothing)
    private double[] opOut;
    private double[] opX;
    private double[] opY;
    private double opAr;
    private double opAi;
    private double opBr;
    private double opBi;
    /** While true, the rows of P x are written as x + (opAr + i opAi) P x. */
    private boolean opPlus;
    private final java.util.function.IntConsumer combineChunk = this::combineChunk;
    private final java.util.function.IntConsumer dotChunk = this::dotChunk;
    private final java.util.function.IntConsumer normChunk = this::normChunk;
    private final java.util.function.IntConsumer combineJob = m -> forChunks(m, combineChunk);
    private final java.util.function.IntConsumer dotJob = m -> forChunks(m, dotChunk);
    private final java.util.function.IntConsumer normJob = m -> forChunks(m, normChunk);
    // products with P: member m takes its share of the rows (x lines) or columns (y lines)
    private final java.util.function.IntConsumer applyJob = this::applyShare;
    private final java.util.function.IntConsumer compactXJob = this::compactXShare;
    private final java.util.function.IntConsumer compactYJob = this::compactYShare;

    /**
     * @param op the operator (scalar or with interface ratios)
     * @param threads threads sharing the products with P and the vector operations on large grids
     * @param preconditionerFactory a backend stepper for an operator (one per factor is made)
     */
    public HostKrylovVectors(AdiOperator op, int threads, Function<AdiOperator, AdiStepper> preconditionerFactory) {
        // a team of their own, one member on a small grid
        this(op, new LineTeam(op.nx() * op.ny() >= PARALLEL_CELLS ? Math.min(Math.max(1, threads), CHUNKS) : 1), preconditionerFactory);
    }

    /**
     * Vectors whose operations run on a team (which the preconditioners' steppers may share, and which these vectors close).
     */
    HostKrylovVectors(AdiOperator op, LineTeam team, Function<AdiOperator, AdiStepper> preconditionerFactory) {
        this.nx = op.nx();
        this.ny = op.ny();
        this.n = nx * ny;
        this.op = op;
        this.preconditionerFactory = preconditionerFactory;
        this.px = new double[2 * n];
        this.chunks = n >= PARALLEL_CELLS ? CHUNKS : 1;
        this.team = team;
        this.members = n >= PARALLEL_CELLS ? Math.min(team.size(), CHUNKS) : 1;
    }

    /** Runs job(member) on the members taking part (members beyond them find no share and return at once). */
    private void run(java.util.function.IntConsumer job) {
        if (members == 1) {
            job.accept(0);
        } else {
            team.run(job);
        }
    }

    /** Runs chunk(c) for the chunks member m owns (c = m, m + members, ...). */
    private void forChunks(int m, java.util.function.IntConsumer chunk) {
        for (int c = m; c < chunks; c += members) {
            chunk.accept(c);
        }
    }

    private void applyShare(int m) {
        applyP(opX, opOut, share(m, ny), share(m + 1, ny));
    }

    private void compactXShare(int m) {
        compactX(opX, opOut, share(m, ny), share(m + 1, ny));
    }

    private void compactYShare(int m) {
        compactY(opX, opOut, share(m, nx), share(m + 1, nx));
    }

    /** Start of member m's share of count lines. */
    private int share(int m, int count) {
        return (int) ((long) count * Math.min(m, members) / members);
    }

    private int chunkStart(int c) {
        return (int) ((long) n * c / chunks);
    }

    /** Cells of chunk c: opOut = a opX + b opY. */
    private void combineChunk(int c) {
        double[] o = opOut;
        double[] a = opX;
        double[] b = opY;
        double ar = opAr;
        double ai = opAi;
        double br = opBr;
        double bi = opBi;
        for (int q = 2 * chunkStart(c), end = 2 * chunkStart(c + 1); q < end; q += 2) {
            double xr = a[q];
            double xi = a[q + 1];
            double yr = b[q];
            double yi = b[q + 1];
            o[q] = ar * xr - ai * xi + br * yr - bi * yi;
            o[q + 1] = ar * xi + ai * xr + br * yi + bi * yr;
        }
    }

    /** Chunk c's share of sum conj(opX) opY. */
    private void dotChunk(int c) {
        double[] u = opX;
        double[] v = opY;
        double re = 0;
        double im = 0;
        for (int q = 2 * chunkStart(c), end = 2 * chunkStart(c + 1); q < end; q += 2) {
            re += u[q] * v[q] + u[q + 1] * v[q + 1];
            im += u[q] * v[q + 1] - u[q + 1] * v[q];
        }
        partial[2 * c] = re;
        partial[2 * c + 1] = im;
    }

    /** Chunk c's share of sum |opX|^2. */
    private void normChunk(int c) {
        double[] u = opX;
        double s = 0;
        for (int q = 2 * chunkStart(c), end = 2 * chunkStart(c + 1); q < end; q++) {
            s += u[q] * u[q];
        }
        partial[2 * c] = s;
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
    public String where() {
        return "host";
    }

    @Override
    public void reserve(int count) {
        while (vectors.size() < count) {
            vectors.add(new double[2 * n]);
        }
    }

    @Override
    public AdiOperator operator() {
        return op;
    }

    @Override
    public void setOperator(AdiOperator o) {
        if (o.nx() != nx || o.ny() != ny) {
            throw new IllegalArgumentException("a new operator must keep the " + nx + " x " + ny + " grid");
        }
        this.op = o;
        for (AdiStepper s : preconditioners) {
            s.setOperator(o);
        }
        if (compact) {
            factorCompact();
        }
    }

    @Override
    public void setPreconditioners(double[] d) {
        int factors = d.length / 2;
        while (preconditioners.size() < factors) {
            preconditioners.add(preconditionerFactory.apply(op));
        }
        while (preconditioners.size() > factors) {
            preconditioners.remove(preconditioners.size() - 1).close();
        }
        for (int k = 0; k < factors; k++) {
            preconditioners.get(k).setFactors(new double[] {0, 0}, new double[] {d[2 * k], d[2 * k + 1]});
        }
    }

    @Override
    public void precondition(int k, int in, int out) {
        AdiStepper m = preconditioners.get(k);
        m.setField(vectors.get(in));
        m.step(1);
        m.getField(vectors.get(out));
    }

    @Override
    public void onePlusP(int x, double cr, double ci, int out) {
        double[] a = vectors.get(x);
        double[] o = vectors.get(out);
        if (compact) {
            applyP(a, px);
            combine(o, 1, 0, a, cr, ci, px);
            return;
        }
        // one pass: out = x + c (P x), cell by cell
        opX = a;
        opOut = o;
        opPlus = true;
        opAr = cr;
        opAi = ci;
        try {
            run(applyJob);
        } finally {
            opPlus = false;
        }
    }

    @Override
    public void combine(int out, double ar, double ai, int x, double br, double bi, int y) {
        combine(vectors.get(out), ar, ai, vectors.get(x), br, bi, vectors.get(y));
    }

    private void combine(double[] o, double ar, double ai, double[] a, double br, double bi, double[] b) {
        opOut = o;
        opX = a;
        opY = b;
        opAr = ar;
        opAi = ai;
        opBr = br;
        opBi = bi;
        run(combineJob);
    }

    @Override
    public void dot(int a, int b, double[] reIm) {
        opX = vectors.get(a);
        opY = vectors.get(b);
        run(dotJob);
        double re = 0;
        double im = 0;
        for (int c = 0; c < chunks; c++) {
            re += partial[2 * c];
            im += partial[2 * c + 1];
        }
        reIm[0] = re;
        reIm[1] = im;
    }

    @Override
    public double norm2(int a) {
        opX = vectors.get(a);
        run(normJob);
        double s = 0;
        for (int c = 0; c < chunks; c++) {
            s += partial[2 * c];
        }
        return s;
    }

    @Override
    public void load(int v, double[] field) {
        System.arraycopy(field, 0, vectors.get(v), 0, 2 * n);
    }

    @Override
    public void store(int v, double[] field) {
        System.arraycopy(vectors.get(v), 0, field, 0, 2 * n);
    }

    @Override
    public double power(int v, boolean[] mask) {
        double[] psi = vectors.get(v);
        double s = 0;
        for (int cell = 0; cell < n; cell++) {
            if (mask == null || mask[cell]) {
                s += psi[2 * cell] * psi[2 * cell] + psi[2 * cell + 1] * psi[2 * cell + 1];
            }
        }
        return s;
    }

    @Override
    public void multiply(int v, double[] factor, double re, double im) {
        double[] psi = vectors.get(v);
        for (int cell = 0; cell < n; cell++) {
            double fr = re;
            double fi = im;
            if (factor != null) {
                double gr = factor[2 * cell];
                double gi = factor[2 * cell + 1];
                fr = re * gr - im * gi;
                fi = re * gi + im * gr;
            }
            double xr = psi[2 * cell];
            double xi = psi[2 * cell + 1];
            psi[2 * cell] = fr * xr - fi * xi;
            psi[2 * cell + 1] = fr * xi + fi * xr;
        }
    }

    /**
     * out = P x with P = P_x + P_y + V exactly as the operator states it (the interface ratios on the x couplings of a
     * semi-vectorial operator); the field is zero outside the grid.
     */
    public void applyP(double[] x, double[] out) {
        if (compact) {
            applyCompactP(x, out);
            return;
        }
        opX = x;
        opOut = out;
        run(applyJob);
    }

    /** Rows j0 to j1 of P x. */
    private void applyP(double[] x, double[] out, int j0, int j1) {
        double[] lx = op.lowX();
        double[] ux = op.upX();
        double[] ly = op.lowY();
        double[] uy = op.upY();
        double[] pot = op.potential();
        double[] rl = op.ratioLowX();
        double[] ru = op.ratioUpX();
        boolean plus = opPlus;
        double cr = opAr;
        double ci = opAi;
        for (int j = j0; j < j1; j++) {
            double lyr = ly[2 * j];
            double lyi = ly[2 * j + 1];
            double uyr = uy[2 * j];
            double uyi = uy[2 * j + 1];
            for (int i = 0; i < nx; i++) {
                int cell = i + nx * j;
                int q = 2 * cell;
                double lxr = lx[2 * i];
                double lxi = lx[2 * i + 1];
                double uxr = ux[2 * i];
                double uxi = ux[2 * i + 1];
                if (rl != null) {
                    lxr *= rl[cell];
                    lxi *= rl[cell];
                    uxr *= ru[cell];
                    uxi *= ru[cell];
                }
                double xr = x[q];
                double xi = x[q + 1];
                // diagonal: V - (lowX + upX) - (lowY + upY)
                double gr = pot[q] - lxr - uxr - lyr - uyr;
                double gi = pot[q + 1] - lxi - uxi - lyi - uyi;
                double sr = gr * xr - gi * xi;
                double si = gr * xi + gi * xr;
                if (i > 0) {
                    sr += lxr * x[q - 2] - lxi * x[q - 1];
                    si += lxr * x[q - 1] + lxi * x[q - 2];
                }
                if (i + 1 < nx) {
                    sr += uxr * x[q + 2] - uxi * x[q + 3];
                    si += uxr * x[q + 3] + uxi * x[q + 2];
                }
                if (j > 0) {
                    int o = q - 2 * nx;
                    sr += lyr * x[o] - lyi * x[o + 1];
                    si += lyr * x[o + 1] + lyi * x[o];
                }
                if (j + 1 < ny) {
                    int o = q + 2 * nx;
                    sr += uyr * x[o] - uyi * x[o + 1];
                    si += uyr * x[o + 1] + uyi * x[o];
                }
                if (plus) {
                    out[q] = xr + cr * sr - ci * si;
                    out[q + 1] = xi + cr * si + ci * sr;
                } else {
                    out[q] = sr;
                    out[q + 1] = si;
                }
            }
        }
    }

    /** Whether P is the fourth-order compact operator (see {@link #setFourthOrder}). */
    private boolean compact;
    /** Per axis, the LU factors of M = 1 + (h^2 / 12) D ({@link AdiLu}: per position the multiplier and the inverse pivot). */
    private double[] mx;
    private double[] my;
    private double hx2;
    private double hy2;
    /** The y part of P x while it is being formed (line by line across the grid). */
    private double[] yPart;

    /**
     * Makes P the fourth-order compact (Numerov) transverse operator P = M_x^-1 D_x + M_y^-1 D_y + V, with D the
     * 3-point second difference (PML stretch included) and M = 1 + (h^2 / 12) D: the 3-point stencil sees a wave of
     * k_perp h = theta as (2 - 2 cos theta) / h^2, low by theta^2 / 12 relatively; the compact one divides that by
     * 1 - (2 - 2 cos theta) / 12 and is low by theta^4 / 240 (at 8 points per period 0.08 % in k_perp instead of 2.5 %).
     * The preconditioner stays the second-order split product, whose spectrum differs from this one by at most
     * a factor 1.5 (at the grid's Nyquist frequency). Scalar operators only.
     *
     * @param dx cell width (m)
     * @param dy cell height (m); unused on a one-row (x-z) grid
     */
    @Override
    public boolean setFourthOrder(double dx, double dy) {
        if (op.ratioLowX() != null) {
            throw new IllegalArgumentException("the fourth-order transverse operator is scalar only");
        }
        if (!(dx > 0) || !(dy > 0)) {
            throw new IllegalArgumentException("cell sizes must be positive");
        }
        compact = true;
        hx2 = dx * dx;
        hy2 = dy * dy;
        yPart = new double[2 * n];
        factorCompact();
        return true;
    }

    /** Whether P is the fourth-order compact operator. */
    public boolean fourthOrder() {
        return compact;
    }

    private void factorCompact() {
        // M is the ADI line factor 1 + d P with d = h^2 / 12 and no potential: diagonally dominant (5/6 against 1/12 and 1/12
        // away from the PML)
        mx = new double[4 * nx];
        AdiLu.factor(hx2 / 12, 0, op.lowX(), op.upX(), new double[nx], new double[nx], null, null, nx, mx);
        my = new double[4 * ny];
        AdiLu.factor(hy2 / 12, 0, op.lowY(), op.upY(), new double[ny], new double[ny], null, null, ny, my);
    }

    /** out = (M_x^-1 D_x + M_y^-1 D_y + V) x: x lines by rows, y lines by columns, on the team's threads. */
    private void applyCompactP(double[] x, double[] out) {
        opX = x;
        opOut = out;
        run(compactXJob);
        run(compactYJob);
    }

    /** Rows j0 to j1: out = M_x^-1 D_x x + V x. */
    private void compactX(double[] x, double[] out, int j0, int j1) {
        double[] lx = op.lowX();
        double[] ux = op.upX();
        double[] pot = op.potential();
        double s = hx2 / 12;
        for (int j = j0; j < j1; j++) {
            int row = 2 * nx * j;
            // forward: y_i = (D_x x)_i - m_i y_{i-1}
            double yr = 0;
            double yi = 0;
            for (int i = 0; i < nx; i++) {
                int q = row + 2 * i;
                double lr = lx[2 * i];
                double li = lx[2 * i + 1];
                double ur = ux[2 * i];
                double ui = ux[2 * i + 1];
                double xr = x[q];
                double xi = x[q + 1];
                double tr = -(lr + ur) * xr + (li + ui) * xi;
                double ti = -(lr + ur) * xi - (li + ui) * xr;
                if (i > 0) {
                    tr += lr * x[q - 2] - li * x[q - 1];
                    ti += lr * x[q - 1] + li * x[q - 2];
                }
                if (i + 1 < nx) {
                    tr += ur * x[q + 2] - ui * x[q + 3];
                    ti += ur * x[q + 3] + ui * x[q + 2];
                }
                double mr = mx[4 * i];
                double mi = mx[4 * i + 1];
                double nr = tr - (mr * yr - mi * yi);
                double ni = ti - (mr * yi + mi * yr);
                yr = nr;
                yi = ni;
                out[q] = yr;
                out[q + 1] = yi;
            }
            // back: x_i = (y_i - s up_i x_{i+1}) / piv_i; then + V x
            double nr = 0;
            double ni = 0;
            for (int i = nx - 1; i >= 0; i--) {
                int q = row + 2 * i;
                double vr = out[q] - s * (ux[2 * i] * nr - ux[2 * i + 1] * ni);
                double vi = out[q + 1] - s * (ux[2 * i] * ni + ux[2 * i + 1] * nr);
                double pr = mx[4 * i + 2];
                double pi = mx[4 * i + 3];
                nr = vr * pr - vi * pi;
                ni = vr * pi + vi * pr;
                out[q] = nr + pot[q] * x[q] - pot[q + 1] * x[q + 1];
                out[q + 1] = ni + pot[q] * x[q + 1] + pot[q + 1] * x[q];
            }
        }
    }

    /** Columns i0 to i1: out += M_y^-1 D_y x, swept along y for the whole range of columns at once (rows stay contiguous). */
    private void compactY(double[] x, double[] out, int i0, int i1) {
        if (ny == 1) {
            // a one-row (x-z) grid has no y derivative
            return;
        }
        double[] ly = op.lowY();
        double[] uy = op.upY();
        double s = hy2 / 12;
        double[] w = yPart;
        // forward: w_j = (D_y x)_j - m_j w_{j-1}
        for (int j = 0; j < ny; j++) {
            double lr = ly[2 * j];
            double li = ly[2 * j + 1];
            double ur = uy[2 * j];
            double ui = uy[2 * j + 1];
            double mr = my[4 * j];
            double mi = my[4 * j + 1];
            for (int i = i0; i < i1; i++) {
                int q = 2 * (i + nx * j);
                double xr = x[q];
                double xi = x[q + 1];
                double tr = -(lr + ur) * xr + (li + ui) * xi;
                double ti = -(lr + ur) * xi - (li + ui) * xr;
                if (j > 0) {
                    int o = q - 2 * nx;
                    tr += lr * x[o] - li * x[o + 1];
                    ti += lr * x[o + 1] + li * x[o];
                    tr -= mr * w[o] - mi * w[o + 1];
                    ti -= mr * w[o + 1] + mi * w[o];
                }
                if (j + 1 < ny) {
                    int o = q + 2 * nx;
                    tr += ur * x[o] - ui * x[o + 1];
                    ti += ur * x[o + 1] + ui * x[o];
                }
                w[q] = tr;
                w[q + 1] = ti;
            }
        }
        // back: w_j = (w_j - s up_j w_{j+1}) / piv_j, added to out
        for (int j = ny - 1; j >= 0; j--) {
            double sr = s * uy[2 * j];
            double si = s * uy[2 * j + 1];
            double pr = my[4 * j + 2];
            double pi = my[4 * j + 3];
            for (int i = i0; i < i1; i++) {
                int q = 2 * (i + nx * j);
                double vr = w[q];
                double vi = w[q + 1];
                if (j + 1 < ny) {
                    int o = q + 2 * nx;
                    vr -= sr * w[o] - si * w[o + 1];
                    vi -= sr * w[o + 1] + si * w[o];
                }
                double rr = vr * pr - vi * pi;
                double ri = vr * pi + vi * pr;
                w[q] = rr;
                w[q + 1] = ri;
                out[q] += rr;
                out[q + 1] += ri;
            }
        }
    }

    @Override
    public void close() {
        for (AdiStepper s : preconditioners) {
            s.close();
        }
        preconditioners.clear();
        team.close();
    }
}
