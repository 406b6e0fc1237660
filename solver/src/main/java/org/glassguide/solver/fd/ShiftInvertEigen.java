package org.glassguide.solver.fd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;

import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.special.ComplexMath;

/**
 * The eigenpairs A v = lambda B v (B diagonal, lambda = n_eff^2) nearest a shift sigma: block Krylov-Schur on
 * (A - sigma B)^-1 B with the shifted matrix factorised once by {@link NestedDissectionLu}. Blocks of two vectors
 * from a random start (both partners of a degenerate pair, which a single-vector Krylov space can never hold, lie in
 * the span of a random block), Rayleigh-Ritz on the block Arnoldi matrix, Ritz vectors of clustered Ritz values taken
 * as a basis of their invariant subspace ({@link DenseComplexEigen}), and a thick restart that keeps an orthonormal
 * basis of the wanted invariant subspace with the Arnoldi relation intact (the Krylov-Schur restart), until every
 * wanted Ritz pair that belongs to a waveguide mode has a true relative residual ||A y - lambda B y|| / (|lambda| ||B y||)
 * below 1e-9.
 */
final class ShiftInvertEigen {
    private ShiftInvertEigen() {
    }

    /** An eigenpair: n_eff = sqrt(lambda), the unit-norm eigenvector, and its weight in the PML. */
    record Pair(double nEff, double nEffImag, double[] vector, double pmlFraction) {
    }

    private static final int MAX_CYCLES = 40;

    /**
     * Refuses, before anything is sampled or allocated, a 2D mode solve that cannot fit in memory: the operator and
     * its shifted copy (9 neighbours x dof complex entries per unknown), the sparse factors, the Arnoldi basis and
     * the sampled cross-section.
     */
    static void requireMemory(String solver, double nx, double ny, int dof, int wanted) {
        double n = nx * ny * dof;
        // the Krylov-Schur basis (about 1.2 x wanted + 12 vectors, the kept ones and two blocks) and its restart copy
        double m = 2 * (Math.max(wanted + Math.min(KEEP_EXTRA, Math.max(2, wanted / 2)) + 4 * BLOCK, Math.max(1.2 * wanted + 12, 24)) + 2 * BLOCK);
        double bytes = 2 * n * 9 * dof * 16 + (Double.isFinite(n) && nx < 1e9 && ny < 1e9 ? NestedDissectionLu.estimatedBytes((long) nx, (long) ny, dof)
                : Double.POSITIVE_INFINITY) + m * 16 * n + 64 * nx * ny;
        org.glassguide.solver.MemoryBudget.require(String.format(java.util.Locale.ROOT, "the %s on a %.0f x %.0f grid", solver, nx, ny), bytes,
                "use a coarser grid (a larger step), a smaller window or a symmetry wall");
    }

    /**
     * @param a the operator A on the grid
     * @param b the diagonal of B, interleaved re/im (zero for unknowns that carry no field)
     * @param sigma the shift (target n_eff squared)
     * @param pmlFraction the share of a vector's weight inside the PML
     * @param radiationBelow Re n_eff below which modes belong to the radiation continuum
     */
    static List<Pair> solve(GridMatrix a, double[] b, double sigma, int wanted, ToDoubleFunction<double[]> pmlFraction,
            double radiationBelow, ProgressMonitor monitor) {
        return solve(a, b, sigma, wanted, pmlFraction, radiationBelow, null, monitor);
    }

    /**
     * As above; the two vectors of each degenerate pair (any unitary combination of which is as much a mode) are
     * rotated to the eigenvectors of the 2 x 2 Hermitian form sum_q w_q |v_q|^2 on their span, larger first, so that a
     * report does not depend on which combination the iteration happened to return (w: x^2 - y^2 separates a scalar
     * pair into lobes along x and along y; +1 on E_x and -1 on E_y a vector pair into x- and y-polarised modes).
     *
     * @param pairForm the weight per unknown, or null to leave pairs as found
     */
    static List<Pair> solve(GridMatrix a, double[] b, double sigma, int wanted, ToDoubleFunction<double[]> pmlFraction,
            double radiationBelow, double[] pairForm, ProgressMonitor monitor) {
        return solve(a, b, sigma, wanted, pmlFraction, radiationBelow, pairForm, s -> { }, monitor);
    }

    /** As above, reporting what the solve cost to {@code statistics}. */
    static List<Pair> solve(GridMatrix a, double[] b, double sigma, int wanted, ToDoubleFunction<double[]> pmlFraction,
            double radiationBelow, double[] pairForm, java.util.function.Consumer<EigenStatistics> statistics, ProgressMonitor monitor) {
        List<Pair> found = solveRaw(a, b, sigma, wanted, pmlFraction, radiationBelow, statistics, monitor);
        return pairForm == null ? found : canonicalPairs(found, pairForm, pmlFraction);
    }

    /** Degenerate partners: eigenvalues equal to this, relative (the solve's own tolerance is 1e-9 in the residual). */
    private static final double DEGENERATE = 1e-8;

    private static List<Pair> canonicalPairs(List<Pair> modes, double[] w, ToDoubleFunction<double[]> pmlFraction) {
        List<Pair> out = new ArrayList<>(modes);
        for (int q = 0; q + 1 < out.size(); q++) {
            Pair p1 = out.get(q);
            Pair p2 = out.get(q + 1);
            double scale = Math.hypot(p1.nEff(), p1.nEffImag());
            if (Math.hypot(p1.nEff() - p2.nEff(), p1.nEffImag() - p2.nEffImag()) > DEGENERATE * scale) {
                continue;
            }
            double[] u = normalised(p1.vector());
            double[] v = p2.vector().clone();
            double[] c = dot(u, v);
            axpy(-c[0], -c[1], u, v);
            double nv = Math.sqrt(dot(v, v)[0]);
            if (!(nv > 1e-8)) {
                continue;
            }
            v = scale(v, 1 / nv);
            // Q = [[<u|W|u>, <u|W|v>], [<v|W|u>, <v|W|v>]]
            double quu = 0;
            double qvv = 0;
            double qr = 0;
            double qi = 0;
            for (int k = 0; k < w.length; k++) {
                double ur = u[2 * k];
                double ui = u[2 * k + 1];
                double vr = v[2 * k];
                double vi = v[2 * k + 1];
                quu += w[k] * (ur * ur + ui * ui);
                qvv += w[k] * (vr * vr + vi * vi);
                // conj(u) v
                qr += w[k] * (ur * vr + ui * vi);
                qi += w[k] * (ur * vi - ui * vr);
            }
            // the larger eigenvalue's vector: (r, mu - quu) with r = Q_uv, mu the larger root
            double mean = 0.5 * (quu + qvv);
            double half = 0.5 * (quu - qvv);
            double mod = Math.hypot(qr, qi);
            double mu = mean + Math.hypot(half, mod);
            double[] e1;
            if (mod < 1e-300) {
                e1 = quu >= qvv ? new double[] {1, 0, 0, 0} : new double[] {0, 0, 1, 0};
            } else {
                // (Q - mu) x = 0: x = (Q_uv, mu - Q_uu)
                double n1 = Math.sqrt(qr * qr + qi * qi + (mu - quu) * (mu - quu));
                e1 = new double[] {qr / n1, qi / n1, (mu - quu) / n1, 0};
            }
            // the second vector is orthogonal to the first: (-conj(x2), conj(x1))
            double[] e2 = {-e1[2], e1[3], e1[0], -e1[1]};
            double[] a1 = new double[u.length];
            axpy(e1[0], e1[1], u, a1);
            axpy(e1[2], e1[3], v, a1);
            double[] a2 = new double[u.length];
            axpy(e2[0], e2[1], u, a2);
            axpy(e2[2], e2[3], v, a2);
            out.set(q, new Pair(p1.nEff(), p1.nEffImag(), a1, pmlFraction.applyAsDouble(a1)));
            out.set(q + 1, new Pair(p2.nEff(), p2.nEffImag(), a2, pmlFraction.applyAsDouble(a2)));
            q++;
        }
        return out;
    }

    private static List<Pair> solveRaw(GridMatrix a, double[] b, double sigma, int wanted, ToDoubleFunction<double[]> pmlFraction,
            double radiationBelow, java.util.function.Consumer<EigenStatistics> statistics, ProgressMonitor monitor) {
        return new Session(a, b, sigma, pmlFraction, radiationBelow, null, monitor).nearest(wanted, statistics, monitor);
    }

    /**
     * The shift-invert Krylov-Schur iteration on one factorised operator, kept so that it can be asked for more modes:
     * a later, larger request resumes from the basis and the factor it has (the next restart keeps more Ritz vectors)
     * instead of starting again.
     */
    static final class Session {
        private final GridMatrix a;
        private final double[] b;
        private final double sigma;
        private final ToDoubleFunction<double[]> pmlFraction;
        private final double radiationBelow;
        private final double[] pairForm;
        private final int n;
        private final NestedDissectionLu lu;
        private final int active;
        private final long factorEntries;
        private final double factorFlops;
        private double factorSeconds;
        private final Random rnd = new Random(11);
        private final double[] tmp;
        private double[][] ritzBuf = new double[0][];
        /** Ritz pairs shown converged by their true residual: theta (re, im), residual, PML share, relation residual. */
        private final List<double[]> settled = new ArrayList<>();
        private final double[] ayBuf;
        private int wanted;
        private int bw;
        private int keep;
        private int mTarget;
        private double[][] w;
        private double[][] hr;
        private double[][] hi;
        private int size;
        /** The vectors before this index have their images in the relation; the block from here is next to be applied. */
        private int applied;
        private List<Pair> last;

        /** Factorises A - sigma B (B diagonal: b interleaved re/im, zero for unknowns that carry no field). */
        Session(GridMatrix a, double[] b, double sigma, ToDoubleFunction<double[]> pmlFraction, double radiationBelow, double[] pairForm,
                ProgressMonitor monitor) {
            long started = System.nanoTime();
            this.a = a;
            this.b = b;
            this.sigma = sigma;
            this.pmlFraction = pmlFraction;
            this.radiationBelow = radiationBelow;
            this.pairForm = pairForm;
            this.n = a.size;
            GridMatrix shifted = a.copy();
            shifted.addDiagonal(-sigma, 0, b);
            monitor.progress(0, 3, "factorising");
            lu = new NestedDissectionLu(shifted);
            try {
                lu.factor(monitor);
            } catch (ArithmeticException ex) {
                throw new GlassGuideException(Messages.NUMERICAL_FAILURE, "2D mode solver",
                        "the target n_eff is an exact eigenvalue of the grid operator; move solver.target slightly");
            }
            factorSeconds = (System.nanoTime() - started) * 1e-9;
            factorEntries = lu.storedEntries();
            factorFlops = lu.factorFlops();
            int act = 0;
            for (int q = 0; q < n; q++) {
                if (b[2 * q] != 0 || b[2 * q + 1] != 0) {
                    act++;
                }
            }
            active = act;
            tmp = new double[2 * n];
            ayBuf = new double[2 * n];
        }

        /** The modes asked for so far, with degenerate pairs in their canonical basis. */
        List<Pair> nearest(int count, java.util.function.Consumer<EigenStatistics> statistics, ProgressMonitor monitor) {
            List<Pair> found = iterate(count, statistics, monitor);
            return pairForm == null ? found : canonicalPairs(found, pairForm, pmlFraction);
        }

        private List<Pair> iterate(int count, java.util.function.Consumer<EigenStatistics> statistics, ProgressMonitor monitor) {
            long started = System.nanoTime();
            if (last != null && count <= wanted) {
                // the count nearest the shift among those found, highest n_eff first
                List<Pair> near = new ArrayList<>(last);
                near.sort(Comparator.comparingDouble(p -> Math.hypot(p.nEff() * p.nEff() - p.nEffImag() * p.nEffImag() - sigma,
                        2 * p.nEff() * p.nEffImag())));
                near = new ArrayList<>(near.subList(0, Math.min(count, near.size())));
                near.sort(Comparator.comparingDouble(Pair::nEff).reversed());
                return near;
            }
            // block Krylov-Schur: blocks of BLOCK vectors (at least any multiplicity: both partners of a degenerate pair,
            // which a single-vector Krylov space never holds, lie in the span of a random block), a basis of about
            // 1.2 x wanted + 12, and a thick restart that keeps the wanted invariant subspace and the Arnoldi relation;
            // one mode asked for: any vector of a degenerate pair will do, and a single-vector space reaches twice the degree
            int newBw = count == 1 ? 1 : Math.min(BLOCK, Math.max(1, active / 4));
            boolean resume = last != null && newBw == bw;
            wanted = count;
            bw = newBw;
            keep = Math.min(wanted + Math.min(KEEP_EXTRA, Math.max(2, wanted / 2)), Math.max(1, active / 2 - bw));
            // measured on the bench cases: a basis of about 1.2 x wanted + 12 restarts more often but costs less than 2 x wanted + 20
            mTarget = Math.max(keep + 4 * bw, Math.max(6 * wanted / 5 + 12, 24));
            mTarget = Math.min(mTarget, active - bw - 1);
            if (keep < Math.min(wanted, active) || mTarget < keep + bw) {
                throw new GlassGuideException(Messages.OUT_OF_RANGE, "2D grid", n, "a grid with more unknowns than about twice the modes asked for");
            }
            long solves = 0;
            monitor.checkCancelled();
            monitor.progress(1, 3, "Arnoldi");
            if (resume) {
                // the last cycle's relation, restarted keeping more Ritz vectors
                w = java.util.Arrays.copyOf(w, Math.max(w.length, mTarget + 2 * bw));
                hr = grow(hr, w.length, Math.max(hr[0].length, mTarget + bw));
                hi = grow(hi, w.length, Math.max(hi[0].length, mTarget + bw));
                restart(DenseComplexEigen.ritzPairs(head(hr, applied), head(hi, applied), keep), applied);
            } else {
                w = new double[mTarget + 2 * bw][];
                hr = new double[mTarget + 2 * bw][mTarget + bw];
                hi = new double[mTarget + 2 * bw][mTarget + bw];
                double[][] first = new double[bw][];
                for (int j = 0; j < bw; j++) {
                    double[] r = new double[2 * n];
                    for (int i = 0; i < r.length; i++) {
                        r[i] = rnd.nextDouble() - 0.5;
                    }
                    // the range of (A - sigma B)^-1 B: unknowns without field stay out
                    first[j] = apply(lu, b, r);
                }
                solves = bw;
                size = appendOrthonormal(first, w, 0, null, null, -1, rnd);
                applied = 0;
            }
            List<Pair> best = null;
            double worst = Double.NaN;
            int converged = 0;
            List<Double> recent = new ArrayList<>();
            int cycles = 0;
            for (int cycle = 0; cycle < MAX_CYCLES; cycle++) {
                cycles = cycle + 1;
                monitor.checkCancelled();
                monitor.progress(1, 3, String.format(java.util.Locale.ROOT, "Krylov-Schur cycle %d", cycle + 1));
                while (applied < size && applied + Math.min(bw, size - applied) <= mTarget) {
                    int chunk = Math.min(bw, size - applied);
                    if (size + chunk > w.length) {
                        w = java.util.Arrays.copyOf(w, size + chunk + bw);
                        hr = grow(hr, w.length, Math.max(hr[0].length, mTarget + bw));
                        hi = grow(hi, w.length, Math.max(hi[0].length, mTarget + bw));
                    }
                    double[][] z = new double[chunk][];
                    monitor.checkCancelled();
                    applyBlock(lu, b, w, applied, z);
                    solves += chunk;
                    size = appendOrthonormal(z, w, size, hr, hi, applied, rnd);
                    applied += chunk;
                }
                int m = applied;
                double[][][] ritz = DenseComplexEigen.ritzPairs(head(hr, m), head(hi, m), keep);
                int pairsNow = Math.min(wanted, ritz.length);
                double[][] found = new double[pairsNow][];
                worst = 0;
                converged = 0;
                // the Krylov relation's own residual, ||T y - theta y|| / |theta| with T = (A - sigma B)^-1 B, costs no
                // product with A; measured 4 to 11 times below the true residual wherever that is above the roundoff floor
                // (square core, 300^2 full-vectorial, 210 Ritz pairs), so a pair it puts above the stall ceiling can be neither
                // converged nor stalled: the true residual is formed only below it (and on the last cycle, for the message).
                // A pair already shown converged (same Ritz value to 1e-11, relation residual not grown) is not checked again.
                double[] est = new double[pairsNow];
                double[][] known = new double[pairsNow][];
                List<Integer> form = new ArrayList<>();
                for (int q = 0; q < pairsNow; q++) {
                    double tr = ritz[q][0][0];
                    double ti = ritz[q][0][1];
                    est[q] = relationResidual(ritz[q][1], m) / Math.hypot(tr, ti);
                    known[q] = cycle == MAX_CYCLES - 1 ? null : settledMatch(tr, ti, est[q]);
                    if (known[q] == null) {
                        form.add(q);
                    }
                }
                // the Ritz vectors still to check, in reused buffers, all in one pass over the basis
                double[][] coefNow = new double[form.size()][];
                if (ritzBuf.length < form.size()) {
                    int had = ritzBuf.length;
                    ritzBuf = java.util.Arrays.copyOf(ritzBuf, form.size());
                    for (int q = had; q < ritzBuf.length; q++) {
                        ritzBuf[q] = new double[2 * n];
                    }
                }
                for (int f = 0; f < form.size(); f++) {
                    coefNow[f] = ritz[form.get(f)][1];
                }
                if (!form.isEmpty()) {
                    combineInto(w, m, coefNow, ritzBuf);
                }
                for (int q = 0, f = 0; q < pairsNow; q++) {
                    double tr = ritz[q][0][0];
                    double ti = ritz[q][0][1];
                    // lambda = sigma + 1/theta
                    double den = tr * tr + ti * ti;
                    double lr = sigma + tr / den;
                    double li = -ti / den;
                    double res;
                    double inPml;
                    if (known[q] != null) {
                        res = known[q][2];
                        inPml = known[q][3];
                    } else {
                        double[] y = ritzBuf[f++];
                        double norm = Math.sqrt(dot(y, y)[0]);
                        for (int e = 0; e < y.length; e++) {
                            y[e] /= norm;
                        }
                        res = est[q];
                        if (est[q] < STALL_CEILING || cycle == MAX_CYCLES - 1) {
                            double[] ay = ayBuf;
                            a.multiply(y, ay);
                            diag(b, y, tmp);
                            double bn = Math.sqrt(dot(tmp, tmp)[0]);
                            axpy(-lr, -li, tmp, ay);
                            res = Math.sqrt(dot(ay, ay)[0]) / (Math.hypot(lr, li) * bn);
                        }
                        inPml = pmlFraction.applyAsDouble(y);
                        if (res < TOLERANCE) {
                            settled.add(new double[] {tr, ti, res, inPml, est[q]});
                        }
                    }
                    double[] ne = ComplexMath.sqrt(new double[] {lr, li});
                    // the PML's own box modes converge slowly and are dropped by callers: only waveguide modes decide convergence
                    if (inPml < 0.5 && ne[0] >= radiationBelow) {
                        worst = Math.max(worst, res);
                        converged += res < TOLERANCE ? 1 : 0;
                    }
                    found[q] = ne;
                }
                // below 1e-7 and no longer halving over three cycles: the residuals sit at the accuracy the factorised operator
                // allows (measured: 1.1e-9 to 1.3e-9 for 27 cycles on the square core's 10 scalar modes), not worth more cycles
                boolean stalled = worst < STALL_CEILING && recent.size() >= 3 && worst > 0.5 * recent.stream().mapToDouble(Double::doubleValue)
                        .min().orElse(0);
                recent.add(worst);
                if (recent.size() > 3) {
                    recent.remove(0);
                }
                if (worst < TOLERANCE || stalled || cycle == MAX_CYCLES - 1) {
                    best = new ArrayList<>();
                    double[][] coef = new double[pairsNow][];
                    for (int q = 0; q < pairsNow; q++) {
                        coef[q] = ritz[q][1];
                    }
                    double[][] vectors = combineAll(w, m, coef, n);
                    for (int q = 0; q < pairsNow; q++) {
                        double[] y = normalised(vectors[q]);
                        best.add(new Pair(found[q][0], found[q][1], y, pmlFraction.applyAsDouble(y)));
                    }
                    break;
                }
                restart(ritz, m);
            }
            statistics.accept(new EigenStatistics(cycles, solves, factorEntries, factorSeconds > 0 ? factorFlops : 0, factorSeconds,
                    (System.nanoTime() - started) * 1e-9));
            factorSeconds = 0;
            if (!(worst < 1e-6)) {
                throw new GlassGuideException(Messages.NUMERICAL_FAILURE, "2D mode solver", String.format(java.util.Locale.ROOT,
                        "the eigen-solve converged %d of the %d modes nearest n_eff = %.5f in %d Krylov-Schur cycles (worst residual %.1e); ask for"
                        + " fewer modes, move solver.target nearer them, or use a symmetry wall", converged, wanted, Math.sqrt(Math.max(sigma, 0)),
                        MAX_CYCLES, worst));
            }
            best.sort(Comparator.comparingDouble(Pair::nEff).reversed());
            last = best;
            monitor.progress(3, 3, "done");
            return new ArrayList<>(best);
        }

        /** The settled pair with this Ritz value (to 1e-11) whose relation residual was at least a tenth of est now, or null. */
        private double[] settledMatch(double tr, double ti, double est) {
            double mag = Math.hypot(tr, ti);
            for (double[] p : settled) {
                if (Math.hypot(tr - p[0], ti - p[1]) <= 1e-11 * mag && est <= 10 * p[4]) {
                    return p;
                }
            }
            return null;
        }

        /**
         * ||E s|| / ||s||: the part of T W s outside the basis' first m vectors, E being the rows of the relation below them
         * (the next block's coefficients), for the Ritz vector W s.
         */
        private double relationResidual(double[] s, int m) {
            double er = 0;
            for (int r = 0; r < size - m; r++) {
                double sr = 0;
                double si = 0;
                for (int j = 0; j < m; j++) {
                    sr += hr[m + r][j] * s[2 * j] - hi[m + r][j] * s[2 * j + 1];
                    si += hr[m + r][j] * s[2 * j + 1] + hi[m + r][j] * s[2 * j];
                }
                er += sr * sr + si * si;
            }
            double sn = 0;
            for (int j = 0; j < 2 * m; j++) {
                sn += s[j] * s[j];
            }
            return Math.sqrt(er / sn);
        }

        /**
         * Thick restart from the Ritz pairs of the relation's first m vectors: S, an orthonormal basis of the kept Ritz
         * vectors' subspace of H, T = S* H S; the part of H S outside S (D = H S - S T: the eigenvectors' own error, up to
         * 1e-8 early on) is kept as extra basis vectors Z = W orth(D), so that the relation A [W S] = [W S, Z, W_next]
         * [T; G* D; E S] stays exact.
         */
        private void restart(double[][][] ritz, int m) {
            int k = ritz.length;
            double[][] sv = new double[k][];
            for (int q = 0; q < k; q++) {
                sv[q] = ritz[q][1].clone();
            }
            k = orthonormalColumns(sv);
            double[][] hs = new double[k][2 * m];
            double hNorm = 0;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    hNorm += hr[i][j] * hr[i][j] + hi[i][j] * hi[i][j];
                }
            }
            hNorm = Math.sqrt(hNorm);
            double[][] t = new double[k][];
            double[][] dcols = new double[k][];
            for (int q = 0; q < k; q++) {
                for (int i = 0; i < m; i++) {
                    double sr = 0;
                    double si = 0;
                    for (int j = 0; j < m; j++) {
                        sr += hr[i][j] * sv[q][2 * j] - hi[i][j] * sv[q][2 * j + 1];
                        si += hr[i][j] * sv[q][2 * j + 1] + hi[i][j] * sv[q][2 * j];
                    }
                    hs[q][2 * i] = sr;
                    hs[q][2 * i + 1] = si;
                }
                t[q] = new double[2 * k];
                double[] dq = hs[q].clone();
                for (int p2 = 0; p2 < k; p2++) {
                    double[] d = dot(sv[p2], hs[q]);
                    t[q][2 * p2] = d[0];
                    t[q][2 * p2 + 1] = d[1];
                    axpy(-d[0], -d[1], sv[p2], dq);
                }
                dcols[q] = dq;
            }
            // the directions of D, against S (twice) and each other; those below 1e-10 of H (a relation error far below the
            // tolerance) are dropped
            double[][] g = new double[k][];
            int kz = 0;
            for (int q = 0; q < k; q++) {
                double[] x = dcols[q].clone();
                for (int pass = 0; pass < 2; pass++) {
                    for (int p2 = 0; p2 < k; p2++) {
                        double[] c = dot(sv[p2], x);
                        axpy(-c[0], -c[1], sv[p2], x);
                    }
                    for (int p2 = 0; p2 < kz; p2++) {
                        double[] c = dot(g[p2], x);
                        axpy(-c[0], -c[1], g[p2], x);
                    }
                }
                double norm = Math.sqrt(dot(x, x)[0]);
                if (norm > 1e-10 * hNorm) {
                    g[kz++] = scale(x, 1 / norm);
                }
            }
            int next = size - m;
            double[][] nw = new double[w.length + kz][];
            double[][] coef = new double[k + kz][];
            System.arraycopy(sv, 0, coef, 0, k);
            System.arraycopy(g, 0, coef, k, kz);
            double[][] fresh = combineAll(w, m, coef, n);
            System.arraycopy(fresh, 0, nw, 0, k + kz);
            for (int r = 0; r < next; r++) {
                nw[k + kz + r] = w[m + r];
            }
            double[][] nr = new double[nw.length][hr[0].length + kz];
            double[][] ni = new double[nw.length][hr[0].length + kz];
            for (int q = 0; q < k; q++) {
                for (int p2 = 0; p2 < k; p2++) {
                    nr[p2][q] = t[q][2 * p2];
                    ni[p2][q] = t[q][2 * p2 + 1];
                }
                for (int p2 = 0; p2 < kz; p2++) {
                    double[] d = dot(g[p2], dcols[q]);
                    nr[k + p2][q] = d[0];
                    ni[k + p2][q] = d[1];
                }
                for (int r = 0; r < next; r++) {
                    double sr = 0;
                    double si = 0;
                    for (int j = 0; j < m; j++) {
                        sr += hr[m + r][j] * sv[q][2 * j] - hi[m + r][j] * sv[q][2 * j + 1];
                        si += hr[m + r][j] * sv[q][2 * j + 1] + hi[m + r][j] * sv[q][2 * j];
                    }
                    nr[k + kz + r][q] = sr;
                    ni[k + kz + r][q] = si;
                }
            }
            w = nw;
            hr = nr;
            hi = ni;
            size = k + kz + next;
            applied = k;
        }
    }

    /** The leading m x m block of H. */
    private static double[][] head(double[][] h, int m) {
        double[][] out = new double[m][m];
        for (int i = 0; i < m; i++) {
            System.arraycopy(h[i], 0, out[i], 0, m);
        }
        return out;
    }

    /**
     * W c_q for every coefficient vector c_q (interleaved) at once: tile by tile over the entries, so that each basis
     * vector is read from memory once for all of them (one W c at a time read the whole basis once per output: the
     * restarts and Ritz vectors of a 20-mode 300^2 full-vectorial solve spent 14 s there); the halves on two threads.
     */
    private static double[][] combineAll(double[][] w, int m, double[][] c, int n) {
        double[][] y = new double[c.length][2 * n];
        combineInto(w, m, c, y);
        return y;
    }

    /** The same into y's first c.length vectors (overwritten). */
    private static void combineInto(double[][] w, int m, double[][] c, double[][] y) {
        inHalves(y[0].length, (lo, hiEnd) -> {
            for (int q = 0; q < c.length; q++) {
                java.util.Arrays.fill(y[q], lo, hiEnd, 0.0);
            }
            combineTiles(w, m, c, y, lo, hiEnd);
        });
    }

    /** Entries doubles at a time: a tile of every output and of one basis vector stay in the first-level cache. */
    private static final int TILE = 2048;

    private static void combineTiles(double[][] w, int m, double[][] c, double[][] y, int lo, int hi) {
        for (int t0 = lo; t0 < hi; t0 += TILE) {
            int t1 = Math.min(hi, t0 + TILE);
            for (int j = 0; j < m; j++) {
                double[] x = w[j];
                for (int q = 0; q < c.length; q++) {
                    double ar = c[q][2 * j];
                    double ai = c[q][2 * j + 1];
                    if (ar == 0 && ai == 0) {
                        continue;
                    }
                    double[] out = y[q];
                    for (int e = t0; e < t1; e += 2) {
                        out[e] += ar * x[e] - ai * x[e + 1];
                        out[e + 1] += ar * x[e + 1] + ai * x[e];
                    }
                }
            }
        }
    }

    /** A copy of the matrix enlarged to rows x cols (zeros added). */
    private static double[][] grow(double[][] h, int rows, int cols) {
        double[][] g = new double[rows][cols];
        for (int i = 0; i < Math.min(rows, h.length); i++) {
            System.arraycopy(h[i], 0, g[i], 0, Math.min(cols, h[i].length));
        }
        return g;
    }

    /** Vectors per block: covers any multiplicity a waveguide's cross-section gives its modes. */
    private static final int BLOCK = 2;

    /** Ritz vectors kept at a restart beyond the wanted ones: a guard against the wanted set's edge converging slowly. */
    private static final int KEEP_EXTRA = 8;

    /**
     * Orthonormalises the columns in place (modified Gram-Schmidt, twice), dropping any that collapse; returns how many
     * remain (at the front).
     */
    private static int orthonormalColumns(double[][] v) {
        int kept = 0;
        for (int q = 0; q < v.length; q++) {
            double[] x = v[q];
            double before = Math.sqrt(dot(x, x)[0]);
            for (int pass = 0; pass < 2; pass++) {
                for (int j = 0; j < kept; j++) {
                    double[] c = dot(v[j], x);
                    axpy(-c[0], -c[1], v[j], x);
                }
            }
            double norm = Math.sqrt(dot(x, x)[0]);
            if (norm > 1e-8 * before) {
                v[kept++] = scale(x, 1 / norm);
            }
        }
        return kept;
    }

    /** A worst residual below this that stops improving ends the iteration (see the stall rule in the loop). */
    private static final double STALL_CEILING = 1e-7;

    /** Relative residual ||A y - lambda B y|| / (|lambda| ||B y||) that counts as converged. */
    private static final double TOLERANCE = 1e-9;

    /**
     * z_j = (A - sigma B)^-1 B w_(from + j) for the block: the right-hand sides solved together (in pairs, each factor entry
     * read once for both; the factor's own solve uses both cores).
     */
    private static void applyBlock(NestedDissectionLu lu, double[] b, double[][] w, int from, double[][] z) {
        for (int j = 0; j < z.length; j++) {
            z[j] = new double[w[from + j].length];
            diag(b, w[from + j], z[j]);
        }
        // the factor solves the block's vectors in pairs, on both cores
        lu.solve(z);
    }

    /** (A - sigma B)^-1 B x. */
    private static double[] apply(NestedDissectionLu lu, double[] b, double[] x) {
        double[] y = new double[x.length];
        diag(b, x, y);
        lu.solve(y);
        return y;
    }

    /**
     * Appends the vectors z to the orthonormal basis w (which holds {@code size} vectors), each orthogonalised against
     * all before it by modified Gram-Schmidt, twice; with h, the coefficients go to column (from + j) of the block
     * Hessenberg matrix (the Arnoldi relation A w_from+j = sum_i h_ij w_i). A vector that collapses (rank loss) is
     * replaced by a random one orthogonal to the basis, its coefficients left zero. Returns the new size.
     */
    private static int appendOrthonormal(double[][] z, double[][] w, int size, double[][] hr, double[][] hi, int from, Random rnd) {
        int nz = z.length;
        double[][] v = new double[nz][];
        double[] before = new double[nz];
        // the block's vectors are the caller's to give: orthogonalised in place and kept as basis vectors
        for (int j = 0; j < nz; j++) {
            v[j] = z[j];
            before[j] = Math.sqrt(dot(v[j], v[j])[0]);
        }
        // against the basis: block classical Gram-Schmidt, twice (as stable as modified Gram-Schmidt twice), each basis
        // vector read once per pass for the whole block, the vectors' two halves on two threads
        int old = size;
        for (int pass = 0; pass < 2 && old > 0; pass++) {
            double[] c = new double[2 * old * nz];
            double[] c2 = new double[2 * old * nz];
            inHalves(v[0].length, (lo, hiEnd) -> blockDots(w, old, v, lo, hiEnd, lo == 0 ? c : c2));
            for (int t = 0; t < c.length; t++) {
                c[t] += c2[t];
            }
            inHalves(v[0].length, (lo, hiEnd) -> blockUpdate(w, old, v, c, lo, hiEnd));
            if (hr != null) {
                for (int i = 0; i < old && i < hr.length; i++) {
                    for (int j = 0; j < nz; j++) {
                        hr[i][from + j] += c[2 * (i * nz + j)];
                        hi[i][from + j] += c[2 * (i * nz + j) + 1];
                    }
                }
            }
        }
        // within the block: modified Gram-Schmidt, twice
        for (int j = 0; j < nz && size < w.length; j++) {
            double[] x = v[j];
            for (int pass = 0; pass < 2; pass++) {
                for (int i = old; i < size; i++) {
                    double[] c = dot(w[i], x);
                    if (hr != null && i < hr.length) {
                        hr[i][from + j] += c[0];
                        hi[i][from + j] += c[1];
                    }
                    axpy(-c[0], -c[1], w[i], x);
                }
            }
            double norm = Math.sqrt(dot(x, x)[0]);
            if (!(norm > 1e-10 * before[j])) {
                // no new direction: a random one keeps the block full (its coefficient in the relation is zero)
                x = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    x[i] = z[j][i] != 0 ? rnd.nextDouble() - 0.5 : 0;
                }
                for (int pass = 0; pass < 2; pass++) {
                    for (int i = 0; i < size; i++) {
                        double[] c = dot(w[i], x);
                        axpy(-c[0], -c[1], w[i], x);
                    }
                }
                norm = Math.sqrt(dot(x, x)[0]);
                if (!(norm > 0)) {
                    continue;
                }
            } else if (hr != null && size < hr.length) {
                hr[size][from + j] = norm;
            }
            for (int e = 0; e < x.length; e++) {
                x[e] /= norm;
            }
            w[size++] = x;
        }
        return size;
    }

    /** Below this many doubles a vector operation stays on one thread. */
    private static final int SPLIT_LENGTH = 1 << 15;

    /** Runs work(lo, hi) on [0, mid) here and [mid, len) on a second thread (one call for short vectors). */
    private static void inHalves(int len, java.util.function.BiConsumer<Integer, Integer> work) {
        if (len < SPLIT_LENGTH || Runtime.getRuntime().availableProcessors() < 2) {
            work.accept(0, len);
            return;
        }
        int mid = (len / 4) * 2;
        java.util.concurrent.CompletableFuture<Void> other = SecondCore.run(() -> work.accept(mid, len));
        work.accept(0, mid);
        other.join();
    }

    /**
     * c[2 (i nz + j)], c[.. + 1] += conj(w_i) . v_j over the entries [lo, hi) (interleaved re/im), for i < m; tile by
     * tile, so that the block's tiles stay in cache while the basis streams past once.
     */
    private static void blockDots(double[][] w, int m, double[][] v, int lo, int hi, double[] c) {
        int nz = v.length;
        for (int t0 = lo; t0 < hi; t0 += TILE) {
            int t1 = Math.min(hi, t0 + TILE);
            for (int i = 0; i < m; i++) {
                double[] a = w[i];
                for (int j = 0; j < nz; j++) {
                    double[] b = v[j];
                    double r0 = 0;
                    double i0 = 0;
                    double r1 = 0;
                    double i1 = 0;
                    int e = t0;
                    for (; e + 3 < t1; e += 4) {
                        r0 += a[e] * b[e] + a[e + 1] * b[e + 1];
                        i0 += a[e] * b[e + 1] - a[e + 1] * b[e];
                        r1 += a[e + 2] * b[e + 2] + a[e + 3] * b[e + 3];
                        i1 += a[e + 2] * b[e + 3] - a[e + 3] * b[e + 2];
                    }
                    for (; e < t1; e += 2) {
                        r0 += a[e] * b[e] + a[e + 1] * b[e + 1];
                        i0 += a[e] * b[e + 1] - a[e + 1] * b[e];
                    }
                    c[2 * (i * nz + j)] += r0 + r1;
                    c[2 * (i * nz + j) + 1] += i0 + i1;
                }
            }
        }
    }

    /** v_j -= sum_i c_ij w_i over the entries [lo, hi), tile by tile as {@link #blockDots}. */
    private static void blockUpdate(double[][] w, int m, double[][] v, double[] c, int lo, int hi) {
        int nz = v.length;
        for (int t0 = lo; t0 < hi; t0 += TILE) {
            int t1 = Math.min(hi, t0 + TILE);
            for (int i = 0; i < m; i++) {
                double[] a = w[i];
                for (int j = 0; j < nz; j++) {
                    double cr = c[2 * (i * nz + j)];
                    double ci = c[2 * (i * nz + j) + 1];
                    double[] b = v[j];
                    for (int e = t0; e < t1; e += 2) {
                        b[e] -= cr * a[e] - ci * a[e + 1];
                        b[e + 1] -= cr * a[e + 1] + ci * a[e];
                    }
                }
            }
        }
    }

    private static void diag(double[] d, double[] x, double[] y) {
        for (int q = 0; q < x.length; q += 2) {
            y[q] = d[q] * x[q] - d[q + 1] * x[q + 1];
            y[q + 1] = d[q] * x[q + 1] + d[q + 1] * x[q];
        }
    }

    private static double[] dot(double[] a, double[] b) {
        return ComplexMath.conjDot(a, b);
    }

    private static void axpy(double ar, double ai, double[] x, double[] y) {
        for (int i = 0; i < x.length; i += 2) {
            y[i] += ar * x[i] - ai * x[i + 1];
            y[i + 1] += ar * x[i + 1] + ai * x[i];
        }
    }

    private static double[] scale(double[] x, double f) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] * f;
        }
        return y;
    }

    private static double[] normalised(double[] x) {
        return scale(x, 1 / Math.sqrt(dot(x, x)[0]));
    }
}
