package org.glassguide.solver.gain;

import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.solver.ProgressMonitor;

/**
 * Solves the two-point boundary-value problem of the rate equations (forward channels given at z = 0, backward ones at
 * z = L). With forward channels only it is an initial-value problem: one classical fourth-order Runge-Kutta march.
 * Otherwise relaxation sweeps (forward channels integrated from 0 to L with RK4 while the backward ones are held at the
 * last sweep's values, interpolated geometrically at midpoints, then the reverse) give a starting point, damped by
 * storing a blend of each sweep with the previous one because strongly coupled counter-propagating waves flip between
 * bleached and absorbed pump; Newton's method on the fourth-order collocation equations ({@link CollocationNewton})
 * then converges from it. Both end in a fourth-order solution on the uniform grid.
 */
public final class GilesSolver {
    /** Largest rate x step allowed: RK4 is accurate well inside its stability limit (2.78). */
    public static final double MAX_RATE_STEP = 0.5;

    /** Powers below this (W) count as zero in the relative change, so empty ASE bins cannot stall convergence. */
    private static final double POWER_FLOOR = 1e-15;
    /**
     * A power's change counts relative to the larger of itself and this fraction of its channel's largest power: a pump
     * absorbed to 1e-20 W at the far end carries no information worth iterating on.
     */
    private static final double RELATIVE_FLOOR = 1e-9;

    /**
     * The smallest output, as a fraction of a channel's launched power, that the iteration resolves (RELATIVE_FLOOR): below
     * it a channel is reported as fully absorbed, not as a number from the floor.
     */
    public static final double RESOLVED_FRACTION = RELATIVE_FLOOR;

    private final int steps;
    private final double tolerance;
    private final int guessSweeps;
    private final int maxNewton = 40;
    /** Newton iterations tried from the full-power relaxation guess before continuation takes over. */
    private final int directNewton = 12;

    /**
     * @param steps uniform z steps (at least 8)
     * @param tolerance largest relative change of any power between sweeps at convergence
     * @param guessSweeps relaxation sweeps at most for Newton's starting point
     */
    public GilesSolver(int steps, double tolerance, int guessSweeps) {
        if (steps < 8 || !(tolerance > 0) || guessSweeps < 1) {
            throw new IllegalArgumentException("need >= 8 steps, a positive tolerance and >= 1 sweep");
        }
        this.steps = steps;
        this.tolerance = tolerance;
        this.guessSweeps = guessSweeps;
    }

    /** The fewest steps that keep rate x step within {@link #MAX_RATE_STEP} for this fiber. */
    public static int requiredSteps(RateEquations eq, double length) {
        return (int) Math.ceil(length * eq.maxRate() / MAX_RATE_STEP);
    }

    public GainProfile solve(RateEquations eq, double length, ProgressMonitor monitor) {
        if (!(length > 0)) {
            throw new IllegalArgumentException("fiber length must be positive");
        }
        int n = eq.n;
        int m = steps;
        double h = length / m;
        if (h * eq.maxRate() > MAX_RATE_STEP) {
            throw new GlassGuideException(Messages.OUT_OF_RANGE, "gain.steps", Integer.toString(m), String.format(java.util.Locale.ROOT,
                    "at least %d steps: a channel can change by a factor e^%.2g per step of %.3g mm (absorption or gain %.3g /m); leave steps out to "
                    + "have them chosen", requiredSteps(eq, length), h * eq.maxRate(), h * 1e3, eq.maxRate()));
        }
        double[] z = new double[m + 1];
        for (int i = 0; i <= m; i++) {
            z[i] = length * i / m;
        }
        double[][] p = new double[n][m + 1];
        boolean anyBackward = false;
        for (int k = 0; k < n; k++) {
            Channel c = eq.channels().get(k);
            if (eq.forward[k]) {
                p[k][0] = c.inputPower();
            } else {
                anyBackward = true;
                // first guess: the backward input everywhere (ASE bins start empty)
                java.util.Arrays.fill(p[k], c.inputPower());
            }
        }
        Work w = new Work(n);
        int sweeps = 0;
        int newton = 0;
        if (!anyBackward) {
            // an initial-value problem: one RK4 march is the solution
            sweepDirection(eq, p, h, true, w, 1);
            sweeps = 1;
        } else {
            // relaxation sweeps, damped against the flip-flop of strongly coupled counter-propagating waves, give the
            // starting point; Newton on the collocation equations then converges from it
            sweeps = relax(eq, p, h, w, monitor);
            monitor.progress(1, 2, "Newton on the collocation equations");
            CollocationNewton solver = new CollocationNewton(eq, m, length);
            newton = solver.solve(p, tolerance, directNewton, monitor);
            if (newton < 0) {
                newton = continuation(solver, eq, p, h, w, monitor);
            }
            if (newton < 0) {
                throw new GlassGuideException(Messages.NUMERICAL_FAILURE, "the rate equations", String.format(java.util.Locale.ROOT,
                        "Newton's method on the boundary-value problem did not converge in %d iterations (from %d relaxation sweeps): "
                        + "raise gain.steps, or approach this pump power from a lower one (gain.study.pump-scale)", maxNewton, sweeps));
            }
        }
        double[] excited = new double[m + 1];
        double[] pz = new double[n];
        for (int i = 0; i <= m; i++) {
            for (int k = 0; k < n; k++) {
                pz[k] = p[k][i];
                if (!Double.isFinite(pz[k])) {
                    throw new GlassGuideException(Messages.NUMERICAL_FAILURE, "the rate equations", "channel " + eq.channels().get(k).label()
                            + " is not finite at z = " + z[i] + " m");
                }
            }
            excited[i] = eq.excitedFraction(pz);
        }
        return new GainProfile(eq, z, p, excited, sweeps, newton);
    }

    /**
     * Continuation in the launched powers: from a thousandth of them, where the equations are nearly linear, up to the
     * full powers in factors of four, each stage starting from the last; a stage that fails is retried with a smaller
     * factor. Returns the total Newton iterations, or -1.
     */
    private int continuation(CollocationNewton solver, RateEquations eq, double[][] p, double h, Work w, ProgressMonitor monitor) {
        double s = 1e-3;
        for (int k = 0; k < p.length; k++) {
            java.util.Arrays.fill(p[k], 0);
            double in = s * eq.channels().get(k).inputPower();
            if (eq.forward[k]) {
                p[k][0] = in;
            } else {
                java.util.Arrays.fill(p[k], in);
            }
        }
        relax(eq, p, h, w, monitor);
        int total = solver.solve(p, s, tolerance, maxNewton, monitor);
        if (total < 0) {
            return -1;
        }
        double factor = 4;
        while (s < 1) {
            double next = Math.min(1, s * factor);
            double[][] keep = copy(p);
            int it = solver.solve(p, next, tolerance, maxNewton, monitor);
            if (it < 0) {
                for (int k = 0; k < p.length; k++) {
                    System.arraycopy(keep[k], 0, p[k], 0, p[k].length);
                }
                factor = Math.sqrt(factor);
                if (factor < 1.01) {
                    return -1;
                }
                continue;
            }
            total += it;
            s = next;
        }
        return total;
    }

    /**
     * Damped relaxation sweeps from the boundary values already in p (forward channels at node 0, backward at node m);
     * returns the sweeps made. The iterate is clipped to what the launched powers allow, so Newton starts sane.
     */
    private int relax(RateEquations eq, double[][] p, double h, Work w, ProgressMonitor monitor) {
        int m = p[0].length - 1;
        double blend = 1;
        double lastChange = Double.MAX_VALUE;
        int sweeps = 0;
        while (sweeps < guessSweeps) {
            monitor.checkCancelled();
            sweeps++;
            double change = Math.max(sweepDirection(eq, p, h, true, w, blend), sweepDirection(eq, p, h, false, w, blend));
            if (!Double.isFinite(change) || change < tolerance) {
                break;
            }
            if (sweeps > 2 && change >= 0.95 * lastChange && blend > 1.0 / 16) {
                blend /= 2;
            }
            lastChange = change;
        }
        // no channel can carry more than everything launched: a wilder iterate (a frozen counter-propagating pump feeding
        // unchecked gain) is clipped
        double total = 0;
        for (int k = 0; k < p.length; k++) {
            total += Math.max(eq.forward[k] ? p[k][0] : p[k][m], 0);
        }
        for (double[] row : p) {
            for (int i = 0; i <= m; i++) {
                if (!Double.isFinite(row[i]) || row[i] > 2 * total) {
                    row[i] = Double.isNaN(row[i]) ? 0 : 2 * total;
                }
            }
        }
        return sweeps;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int k = 0; k < a.length; k++) {
            c[k] = a[k].clone();
        }
        return c;
    }

    /** Scratch arrays for one sweep: allocated once per solve. */
    private static final class Work {
        final double[] y;
        final double[] t;
        final double[] k1;
        final double[] k2;
        final double[] k3;
        final double[] k4;
        final double[] all;
        final double[] scale;

        Work(int n) {
            scale = new double[n];
            y = new double[n];
            t = new double[n];
            k1 = new double[n];
            k2 = new double[n];
            k3 = new double[n];
            k4 = new double[n];
            all = new double[n];
        }
    }

    /**
     * Integrates the channels of one direction across the grid with the others frozen; returns the largest relative change.
     * Backward channels march from i = m down to 0 with the step taken along their direction of travel.
     */
    private static double sweepDirection(RateEquations eq, double[][] p, double h, boolean fwd, Work w, double blend) {
        int n = eq.n;
        int m = p[0].length - 1;
        double change = 0;
        int start = fwd ? 0 : m;
        int dir = fwd ? 1 : -1;
        for (int k = 0; k < n; k++) {
            double mx = 0;
            for (int i = 0; i <= m; i++) {
                mx = Math.max(mx, p[k][i]);
            }
            w.scale[k] = RELATIVE_FLOOR * mx + POWER_FLOOR;
        }
        for (int k = 0; k < n; k++) {
            w.y[k] = p[k][start];
        }
        for (int s = 0; s < m; s++) {
            int i = start + dir * s;
            int j = i + dir;
            // k1 at i, k2 and k3 at the midpoint, k4 at j; the frozen direction is taken from p
            derivative(eq, w.y, p, i, i, fwd, w.k1, w.all);
            axpy(w.t, w.y, 0.5 * h, w.k1, eq, fwd);
            derivative(eq, w.t, p, i, j, fwd, w.k2, w.all);
            axpy(w.t, w.y, 0.5 * h, w.k2, eq, fwd);
            derivative(eq, w.t, p, i, j, fwd, w.k3, w.all);
            axpy(w.t, w.y, h, w.k3, eq, fwd);
            derivative(eq, w.t, p, j, j, fwd, w.k4, w.all);
            for (int k = 0; k < n; k++) {
                if (eq.forward[k] != fwd) {
                    continue;
                }
                double v = w.y[k] + h / 6 * (w.k1[k] + 2 * w.k2[k] + 2 * w.k3[k] + w.k4[k]);
                v = Math.max(v, 0);
                w.y[k] = v;
                double old = p[k][j];
                double stored = v;
                if (blend < 1) {
                    stored = (1 - blend) * old + blend * v;
                }
                p[k][j] = stored;
                double rel = Math.abs(v - old) / Math.max(Math.max(v, old), w.scale[k]);
                if (rel > change || Double.isNaN(rel)) {
                    change = Double.isNaN(rel) ? Double.NaN : rel;
                    if (Double.isNaN(rel)) {
                        return Double.NaN;
                    }
                }
            }
        }
        return change;
    }

    private static void axpy(double[] out, double[] y, double a, double[] k, RateEquations eq, boolean fwd) {
        for (int c = 0; c < out.length; c++) {
            out[c] = eq.forward[c] == fwd ? Math.max(y[c] + a * k[c], 0) : 0;
        }
    }

    /**
     * Derivatives of the sweeping channels at state y, frozen channels read at grid points a and b (a == b: that point;
     * else their geometric midpoint).
     */
    private static void derivative(RateEquations eq, double[] y, double[][] p, int a, int b, boolean fwd, double[] out, double[] all) {
        int n = eq.n;
        for (int k = 0; k < n; k++) {
            if (eq.forward[k] == fwd) {
                all[k] = y[k];
            } else if (a == b) {
                all[k] = p[k][a];
            } else {
                double pa = p[k][a];
                double pb = p[k][b];
                all[k] = pa > 0 && pb > 0 ? Math.sqrt(pa * pb) : 0.5 * (pa + pb);
            }
        }
        double n2 = eq.excitedFraction(all);
        for (int k = 0; k < n; k++) {
            out[k] = eq.forward[k] == fwd ? eq.growth(k, all[k], n2) : 0;
        }
    }
}
