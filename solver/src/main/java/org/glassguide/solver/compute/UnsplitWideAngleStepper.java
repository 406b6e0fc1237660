package org.glassguide.solver.compute;

import java.util.function.Function;

import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;

/**
 * The wide-angle step without the ADI splitting error: each factor solves (1 + d P) psi' = (1 + c P) psi with
 * P = P_x + P_y + V as one 2D operator. The split product (1 + d P_x)(1 + d P_y) = 1 + d P + d^2 P_x P_y is exact
 * for the paraxial step up to O(dz^3), but for a Pade factor d is of order 1/k^2, and the dropped d^2 P_x P_y shifts
 * a guided mode's beta by about ||P_y psi||^2 / (4 k^3) at any dz (-0.026 in n_eff at 2.0/1.44). Here the split
 * product is only the preconditioner M: restarted GMRES, started from the split step's own answer, drives the
 * preconditioned residual ||M^-1 ((1 + c P) psi - (1 + d P) psi')|| below {@link #tolerance()} times ||M^-1 (1 + c P) psi||,
 * an estimate of the new field's relative error.
 * <p>
 * The preconditioner is one Peaceman-Rachford step with a tuned shift: writing 1 + d P = H + W with H = 1/2 + d P_x,
 * W = 1/2 + d P_y, one step from zero with shift w is, up to a constant, (1 + e P_y)^-1 (1 + e P_x)^-1 with e = d / (w + 1/2)
 * (w = 1/2 is the plain split product). For commuting parts the preconditioned spectrum lies in the disc |lambda - 1| &lt;= rho^2,
 * rho = max |(w - z)/(w + z)| over the 1D spectra z = 1/2 - d t, t in [tMin, tMax] ({@link AdiOperator#transverseSpectrum});
 * for a segment of z the best single shift is the geometric mean of its ends, w = sqrt(z(tMin) z(tMax)). With w = 1/2 the
 * grid-scale checkerboards, where d t is far from small in both directions, came out near zero, and GMRES needed 2.5-4x as
 * many iterations (measured on a 2.0/1.44 channel, 0.04 um cells: Pade (1,1) 124 to 41, Pade (2,2) 338 to 88, random
 * right-hand sides; the Pade (2,2) semi-vectorial solve, which stalled at 2e-4, converges).
 * <p>
 * The field and every vector of the solve live in {@link KrylovVectors}: the Java heap in double precision for the CPU
 * backend, the device's memory (in the run's precision) for a GPU, so that only the scalars of the Gram-Schmidt
 * process and of the small least-squares problem cross to the host. Each factor's preconditioner is the backend's
 * split step holding that single factor (c = 0, and e in place of d: see above). The vectors are allocated once, with the stepper.
 */
public final class UnsplitWideAngleStepper implements AdiStepper {
    /** Iterations allowed per factor solve before the run stops: a converging solve needs a handful. */
    static final int MAX_ITERATIONS = 400;

    /** Heap (or device memory) per cell this stepper adds to a propagation: the GMRES basis and its work vectors, 16 bytes each, and one more preconditioner. */
    public static final double BYTES_PER_CELL = 16.0 * (31 + 10) + 150;

    /** Krylov basis size of a GMRES cycle. */
    private static final int RESTART = 30;
    // the vectors' numbers: the field, the right-hand side, residual, work vectors, the basis, then each factor's correction
    private static final int PSI = 0;
    private static final int B = 1;
    private static final int R = 2;
    private static final int W = 3;
    private static final int Z = 4;
    private static final int T = 5;
    private static final int BASIS = 6;
    private static final int CORRECTION = BASIS + RESTART + 1;

    private final int nx;
    private final int ny;
    private final Precision precision;
    private final KrylovVectors vec;
    private double tolerance;
    /** k_ref^2, only to state the factors in the units of the Pade formulas when a solve fails. */
    private double kRef2 = 1;
    private double[] c = new double[0];
    private double[] d = new double[0];
    /** The preconditioners' coefficients e_k = d_k / (w_k + 1/2). */
    private double[] e = new double[0];
    /** False: the plain split product (w = 1/2), for comparison in tests. */
    private boolean shifted = true;
    /** The small dense arrays of a GMRES cycle (Hessenberg, rotations, right-hand side, solution) and a dot product's result. */
    private final double[][] hRe = new double[RESTART + 1][RESTART];
    private final double[][] hIm = new double[RESTART + 1][RESTART];
    private final double[] givC = new double[2 * RESTART];
    private final double[] givS = new double[RESTART];
    private final double[] g = new double[2 * RESTART + 2];
    private final double[] y = new double[2 * RESTART];
    private final double[] dotOut = new double[2];
    // what the solves did, for the run's report
    private long solves;
    private long iterations;
    private int maxIterations;
    private double maxResidual;

    /**
     * Host vectors (double precision) over a backend's preconditioner.
     *
     * @param op the operator (scalar or with interface ratios)
     * @param precision the preconditioner's precision: the residual target is 1e-8 (double) or 1e-5 (float)
     * @param preconditionerFactory a backend stepper for an operator (one per factor is made)
     */
    public UnsplitWideAngleStepper(AdiOperator op, Precision precision, Function<AdiOperator, AdiStepper> preconditionerFactory) {
        this(new HostKrylovVectors(op, 1, preconditionerFactory), precision);
    }

    /**
     * @param vectors where the field and the solve's vectors live (a backend's {@link ComputeBackend#krylovVectors})
     * @param precision the run's precision: the residual target is 1e-8 (double) or 1e-5 (float)
     */
    public UnsplitWideAngleStepper(KrylovVectors vectors, Precision precision) {
        this.vec = vectors;
        this.nx = vectors.nx();
        this.ny = vectors.ny();
        this.precision = precision;
        this.tolerance = precision == Precision.DOUBLE ? 1e-8 : 1e-5;
        try {
            vectors.reserve(CORRECTION);
        } catch (RuntimeException e) {
            // out of (device) memory: what was allocated goes back before the message does
            vectors.close();
            throw e;
        }
    }

    public void setReference(double kRef) {
        this.kRef2 = kRef * kRef;
    }

    /** Where the solve's vectors live ("host", "gpu:0"). */
    public String where() {
        return vec.where();
    }

    /**
     * Makes P the fourth-order compact transverse operator ({@link HostKrylovVectors#setFourthOrder}); the vectors
     * must be host vectors.
     */
    public void setFourthOrder(double dx, double dy) {
        if (!vec.setFourthOrder(dx, dy)) {
            throw new IllegalArgumentException("the fourth-order operator needs host vectors; these are on " + vec.where());
        }
    }

    /** out = P x (host vectors only: for tests). */
    void applyP(double[] x, double[] out) {
        ((HostKrylovVectors) vec).applyP(x, out);
    }

    /** Whether the preconditioner takes the tuned shift (the default) or is the plain split product; before {@link #setFactors}. */
    void setShifted(boolean on) {
        this.shifted = on;
    }

    /** The relative residual each factor solve reaches. */
    public double tolerance() {
        return tolerance;
    }

    /**
     * Sets the residual target for a run of {@code steps} steps: the solves' errors, added up over the whole run at
     * worst, stay below 1e-4 of the field (so below 2e-4 in power and far below 1e-6 in n_eff): 1e-4 / steps,
     * within 1e-10 to 1e-6; a float preconditioner cannot push below 1e-5.
     */
    public void setTolerance(long steps) {
        double t = Math.min(2e-6, Math.max(1e-9, 1e-4 / Math.max(1, steps)));
        this.tolerance = precision == Precision.DOUBLE ? t : Math.max(t, 1e-5);
    }

    /** Factor solves made so far. */
    public long solves() {
        return solves;
    }

    /** GMRES iterations over all solves. */
    public long iterations() {
        return iterations;
    }

    /** The most iterations one solve needed. */
    public int maxIterations() {
        return maxIterations;
    }

    /** The largest relative residual a solve ended with. */
    public double maxResidual() {
        return maxResidual;
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
        return precision;
    }

    @Override
    public void setOperator(AdiOperator op) {
        if (op.nx() != nx || op.ny() != ny) {
            throw new IllegalArgumentException("a new operator must keep the " + nx + " x " + ny + " grid");
        }
        vec.setOperator(op);
        if (d.length > 0) {
            double[] next = coefficients(op);
            if (!java.util.Arrays.equals(next, e)) {
                e = next;
                vec.setPreconditioners(e);
            }
        }
    }

    /** The preconditioners' coefficients for this stepper's factors on the operator op. */
    private double[] coefficients(AdiOperator op) {
        return shifted ? preconditionerCoefficients(d, op) : d.clone();
    }

    /**
     * The preconditioners' coefficients for the factors d (interleaved complex): e_k = d_k / (w_k + 1/2) with the
     * Peaceman-Rachford shift w_k = sqrt(z(tMin) z(tMax)), z(t) = 1/2 - d_k t, over the operator's 1D spectra (see the
     * class comment); e = d where P_y vanishes (a 2D problem: the split product is then exact).
     */
    static double[] preconditionerCoefficients(double[] d, AdiOperator op) {
        if (op.oneDimensional()) {
            return d.clone();
        }
        double[] t = op.transverseSpectrum();
        double[] e = new double[d.length];
        for (int k = 0; k < d.length / 2; k++) {
            double[] w = shift(d[2 * k], d[2 * k + 1], t[0], t[1]);
            // e = d / (w + 1/2)
            double ar = w[0] + 0.5;
            double ai = w[1];
            double den = ar * ar + ai * ai;
            e[2 * k] = (d[2 * k] * ar + d[2 * k + 1] * ai) / den;
            e[2 * k + 1] = (d[2 * k + 1] * ar - d[2 * k] * ai) / den;
        }
        return e;
    }

    /** The Peaceman-Rachford shift w = sqrt(z(tMin) z(tMax)) with Re w &gt; 0, z(t) = 1/2 - d t, d = dr + i di. */
    static double[] shift(double dr, double di, double tMin, double tMax) {
        double ar = 0.5 - dr * tMin;
        double ai = -di * tMin;
        double br = 0.5 - dr * tMax;
        double bi = -di * tMax;
        double pr = ar * br - ai * bi;
        double pi = ar * bi + ai * br;
        // principal square root: Re >= 0
        double m = Math.hypot(pr, pi);
        double wr = Math.sqrt(0.5 * (m + pr));
        double wi = wr > 0 ? pi / (2 * wr) : Math.sqrt(0.5 * (m - pr));
        return new double[] {wr, wi};
    }

    @Override
    public void setFactors(double[] c, double[] d) {
        AdiStepper.oneDirectional(c, d);
        this.c = c.clone();
        this.d = d.clone();
        int factors = c.length / 2;
        vec.reserve(CORRECTION + factors);
        this.e = coefficients(vec.operator());
        vec.setPreconditioners(this.e);
    }

    @Override
    public void setField(double[] in) {
        vec.load(PSI, in);
    }

    @Override
    public void getField(double[] out) {
        vec.store(PSI, out);
    }

    @Override
    public void step(int steps) {
        for (int s = 0; s < steps; s++) {
            for (int k = 0; k < c.length / 2; k++) {
                solveFactor(k);
            }
        }
        // returning after the device has finished keeps the caller's timing honest
        vec.finish();
    }

    /**
     * psi <- (1 + d_k P)^-1 (1 + c_k P) psi, to the tolerance, by left-preconditioned restarted GMRES(m): the
     * preconditioned residual ||M^-1 (b - A x)|| / ||M^-1 b||, an estimate of the field's own relative error, falls
     * monotonically (BiCGSTAB stalls on these complex spectra); one preconditioner solve and one product with P per
     * iteration.
     */
    private void solveFactor(int k) {
        double cr = c[2 * k];
        double ci = c[2 * k + 1];
        double dr = d[2 * k];
        double di = d[2 * k + 1];
        int cor = CORRECTION + k;
        // b = (1 + c P) psi
        vec.onePlusP(PSI, cr, ci, B);
        if (vec.norm2(B) == 0) {
            return;
        }
        // start from the split step's answer plus the correction the previous step's solve needed (psi holds x from
        // here on): along a z-invariant guide the correction repeats nearly unchanged, so few iterations remain
        vec.precondition(k, B, PSI);
        // the scale of the criterion: ||M^-1 b||, the split step's own field
        double bNorm = Math.sqrt(vec.norm2(PSI));
        // x = x0 + correction; the correction's vector keeps -x0 until the solve ends (then + x: the new correction)
        vec.combine(T, 1, 0, PSI, 0, 0, PSI);
        vec.combine(PSI, 1, 0, PSI, 1, 0, cor);
        vec.combine(cor, -1, 0, T, 0, 0, T);
        int it = 0;
        double res;
        while (true) {
            // r = M^-1 (b - A x): the preconditioned residual, which estimates the error of the field itself (the raw
            // residual is dominated by grid-scale evanescent components that M^-1 damps and the field hardly holds)
            vec.onePlusP(PSI, dr, di, T);
            vec.combine(T, 1, 0, B, -1, 0, T);
            vec.precondition(k, T, R);
            double beta = Math.sqrt(vec.norm2(R));
            res = beta / bNorm;
            if (res <= tolerance) {
                break;
            }
            if (it >= MAX_ITERATIONS || !Double.isFinite(res)) {
                throw new GlassGuideException(Messages.NUMERICAL_FAILURE, "the unsplit wide-angle step", String.format(java.util.Locale.ROOT,
                        "its linear solve stopped at a relative residual of %.2e after %d iterations (target %.0e): the factor 1 + d P"
                                + " (d = (%.3g%+.3gi)/k^2) is nearly singular for evanescent waves; rotate the branch cut (propagation.branch-cut:"
                                + " 10 deg or more: the solve converges faster, at some cost in accuracy), use wide-angle: pade11, or a coarser grid",
                                res, it, tolerance, dr * kRef2, di * kRef2));
            }
            vec.combine(BASIS, 1 / beta, 0, R, 0, 0, R);
            java.util.Arrays.fill(g, 0);
            g[0] = beta;
            int j = 0;
            for (; j < RESTART && it < MAX_ITERATIONS; j++, it++) {
                // w = M^-1 A v_j, orthogonalised against v_0..v_j (modified Gram-Schmidt)
                vec.onePlusP(BASIS + j, dr, di, Z);
                vec.precondition(k, Z, W);
                for (int i = 0; i <= j; i++) {
                    vec.dot(BASIS + i, W, dotOut);
                    hRe[i][j] = dotOut[0];
                    hIm[i][j] = dotOut[1];
                    vec.combine(W, 1, 0, W, -dotOut[0], -dotOut[1], BASIS + i);
                }
                double hn = Math.sqrt(vec.norm2(W));
                hRe[j + 1][j] = hn;
                hIm[j + 1][j] = 0;
                if (hn > 0) {
                    vec.combine(BASIS + j + 1, 1 / hn, 0, W, 0, 0, W);
                }
                // apply the earlier Givens rotations to column j, then make the rotation that zeroes h(j+1, j)
                for (int i = 0; i < j; i++) {
                    rotate(i, j);
                }
                double ar = hRe[j][j];
                double ai = hIm[j][j];
                double den = Math.sqrt(ar * ar + ai * ai + hn * hn);
                // c = h_jj / den (complex), s = h_{j+1,j} / den (real)
                givC[2 * j] = ar / den;
                givC[2 * j + 1] = ai / den;
                givS[j] = hn / den;
                rotate(j, j);
                // the residual vector g: g_{j+1} = -s g_j, g_j = conj(c) g_j (real-valued magnitude tracking)
                double gjr = g[2 * j];
                double gji = g[2 * j + 1];
                g[2 * j] = givC[2 * j] * gjr + givC[2 * j + 1] * gji;
                g[2 * j + 1] = givC[2 * j] * gji - givC[2 * j + 1] * gjr;
                g[2 * j + 2] = -givS[j] * gjr;
                g[2 * j + 3] = -givS[j] * gji;
                if (Math.hypot(g[2 * j + 2], g[2 * j + 3]) / bNorm <= tolerance || hn == 0) {
                    j++;
                    it++;
                    break;
                }
            }
            // y = H^-1 g (upper triangular j x j), x += V y
            for (int i = j - 1; i >= 0; i--) {
                double sr = g[2 * i];
                double si = g[2 * i + 1];
                for (int l = i + 1; l < j; l++) {
                    sr -= hRe[i][l] * y[2 * l] - hIm[i][l] * y[2 * l + 1];
                    si -= hRe[i][l] * y[2 * l + 1] + hIm[i][l] * y[2 * l];
                }
                double hr = hRe[i][i];
                double hi = hIm[i][i];
                double dd = hr * hr + hi * hi;
                y[2 * i] = (sr * hr + si * hi) / dd;
                y[2 * i + 1] = (si * hr - sr * hi) / dd;
            }
            for (int i = 0; i < j; i++) {
                vec.combine(PSI, 1, 0, PSI, y[2 * i], y[2 * i + 1], BASIS + i);
            }
            // GMRES's own residual |g_j| is ||M^-1 (b - A x)|| for the new x (the Arnoldi relation; the basis is kept in
            // double): below the target the solve ends without recomputing it (one preconditioner step and product fewer)
            double estimate = Math.hypot(g[2 * j], g[2 * j + 1]) / bNorm;
            if (estimate <= tolerance) {
                res = estimate;
                break;
            }
        }
        vec.combine(cor, 1, 0, cor, 1, 0, PSI);
        solves++;
        iterations += it;
        maxIterations = Math.max(maxIterations, it);
        maxResidual = Math.max(maxResidual, res);
    }

    /** Applies Givens rotation i to rows i, i+1 of Hessenberg column j: [conj(c) s; -s c]. */
    private void rotate(int i, int j) {
        double cr = givC[2 * i];
        double ci = givC[2 * i + 1];
        double sn = givS[i];
        double ar = hRe[i][j];
        double ai = hIm[i][j];
        double br = hRe[i + 1][j];
        double bi = hIm[i + 1][j];
        // a' = conj(c) a + s b ; b' = -s a + c b
        hRe[i][j] = cr * ar + ci * ai + sn * br;
        hIm[i][j] = cr * ai - ci * ar + sn * bi;
        hRe[i + 1][j] = -sn * ar + cr * br - ci * bi;
        hIm[i + 1][j] = -sn * ai + cr * bi + ci * br;
    }

    @Override
    public double power(boolean[] mask) {
        return vec.power(PSI, mask);
    }

    @Override
    public void multiply(double[] factor, double re, double im) {
        vec.multiply(PSI, factor, re, im);
    }

    @Override
    public void close() {
        vec.close();
    }
}
