package org.glassguide.solver.bpm;

import java.util.List;
import java.util.Locale;

import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.fd.CrossSection;
import org.glassguide.solver.fd.FdScalarModeSolver;

/**
 * The guided modes a propagation launches and finds, solved on the propagation's own grid (a 2D cross-section, or the
 * slab line of an x-z run) by the finite-difference mode solver with the same field model.
 *
 * <p>In a bend the conformal map n (1 + x / R) raises the index towards the outside until it passes the core's: the
 * highest eigenvalues of the bent operator are then modes of the outer wall, and neither the largest-n_eff mode nor
 * imaginary-distance propagation finds the guide's mode. The bend mode k is therefore sought next to the straight
 * guide's mode k (its n_eff the shift), with the run's PML on, among the few modes nearest that shift; those with half
 * their power or more in the PML are the PML's own, and of the rest the one most like the straight mode k (largest
 * normalised overlap) is taken, the least power in the PML deciding between near-equal overlaps.
 */
final class PropagationModes {
    private PropagationModes() {
    }

    /** Modes solved next to the straight guide's mode in a bend: the PML's box modes crowd the shift. */
    private static final int BEND_CANDIDATES = 6;

    /**
     * A chosen mode: the solver's mode, the straight guide's n_eff it was sought next to (NaN when straight), its
     * normalised overlap with the straight mode (1 when straight), the share of |psi|^2 in the core and in the PML.
     */
    record Chosen(FdScalarModeSolver.Mode mode, double straightNEff, double overlap, double coreFraction) {
        double pmlFraction() {
            return mode.pmlFraction();
        }
    }

    /** The mode solver's grid for the propagation grid (one row for an x-z run). */
    static FdScalarModeSolver.Grid grid(BpmGrid g) {
        return g.is2d() ? FdScalarModeSolver.Grid.slab(g.x0(), g.dx(), g.nx())
                : new FdScalarModeSolver.Grid(g.x0(), g.y0(), g.dx(), g.dy(), g.nx(), g.ny());
    }

    /**
     * Mode k (from 1) of the guide.
     *
     * @param cs the structure the light sees (bent when radius > 0)
     * @param plain the straight structure (the same object when not bent)
     * @param bendRadius the bend radius, 0 for a straight guide
     * @param pmlCells the run's PML in cells (a bent mode is solved with it on)
     * @param core the core cells, for the core's share of the mode
     */
    static Chosen mode(CrossSection cs, CrossSection plain, double bendRadius, BpmGrid g, double wavelength, double nMax, int k,
            int pmlCells, FdScalarModeSolver.Polarization pol, boolean[] core, java.util.function.Consumer<String> sink, ProgressMonitor monitor) {
        FdScalarModeSolver.Grid fg = grid(g);
        FdScalarModeSolver solver = new FdScalarModeSolver().withPolarization(pol);
        List<FdScalarModeSolver.Mode> straight = solver.solve(plain, wavelength, fg, new FdScalarModeSolver.Pml(0, 8), k, nMax, monitor);
        if (straight.size() < k) {
            throw new GlassGuideException(Messages.OUT_OF_RANGE, "propagation.launch.mode", k, "at most " + straight.size());
        }
        FdScalarModeSolver.Mode sk = straight.get(k - 1);
        if (!(bendRadius > 0)) {
            return new Chosen(sk, Double.NaN, 1, share(sk.field(), core));
        }
        double[] edge = new double[2];
        double halfWidth = g.x0() + g.nx() * g.dx();
        plain.eps(halfWidth, 0, edge);
        String caustic = org.glassguide.solver.fd.FdAnalysis.pmlInsideCaustic("propagation.window", bendRadius, sk.nEff(),
                Math.sqrt(Math.max(edge[0], 1e-12)), halfWidth, pmlCells * g.dx());
        if (caustic != null) {
            sink.accept(caustic);
        }
        List<FdScalarModeSolver.Mode> bent = solver.solve(cs, wavelength, fg, new FdScalarModeSolver.Pml(pmlCells, 8), BEND_CANDIDATES,
                sk.nEff(), monitor);
        double best = 0;
        double[] overlaps = new double[bent.size()];
        for (int q = 0; q < bent.size(); q++) {
            FdScalarModeSolver.Mode m = bent.get(q);
            overlaps[q] = m.pmlFraction() < 0.5 ? overlap(sk.field(), m.field()) : 0;
            best = Math.max(best, overlaps[q]);
        }
        if (!(best > 0)) {
            throw new GlassGuideException(Messages.NUMERICAL_FAILURE, "the bend-mode search", String.format(Locale.ROOT,
                    "the %d modes of the bent guide (R = %.4g um) nearest the straight mode's n_eff %.6f all live in the PML: the bend radiates"
                    + " the mode within a wavelength, or the window is too narrow for it; use a larger bend-radius or window",
                    bent.size(), bendRadius * 1e6, sk.nEff()));
        }
        FdScalarModeSolver.Mode chosen = null;
        double chosenOverlap = 0;
        for (int q = 0; q < bent.size(); q++) {
            FdScalarModeSolver.Mode m = bent.get(q);
            if (overlaps[q] >= 0.9 * best && (chosen == null || m.pmlFraction() < chosen.pmlFraction())) {
                chosen = m;
                chosenOverlap = overlaps[q];
            }
        }
        return new Chosen(chosen, sk.nEff(), chosenOverlap, share(chosen.field(), core));
    }

    /** |<a|b>|^2 / (<a|a> <b|b>). */
    static double overlap(double[] a, double[] b) {
        double[] ab = Launch.overlap(a, b);
        double aa = Launch.overlap(a, a)[0];
        double bb = Launch.overlap(b, b)[0];
        return (ab[0] * ab[0] + ab[1] * ab[1]) / (aa * bb);
    }

    /** The share of |f|^2 on the flagged cells. */
    static double share(double[] f, boolean[] cells) {
        double in = 0;
        double all = 0;
        for (int p = 0; p < cells.length; p++) {
            double v = f[2 * p] * f[2 * p] + f[2 * p + 1] * f[2 * p + 1];
            all += v;
            if (cells[p]) {
                in += v;
            }
        }
        return all > 0 ? in / all : 0;
    }
}
