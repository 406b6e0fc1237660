package org.glassguide.ui.fx.viewmodel;

import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.fiber.StepIndexFiber;
import org.glassguide.solver.fiber.StepIndexModeSolver;
import org.glassguide.solver.fiber.StepIndexModes;

/**
 * NA, V and mode counts of a step-index fiber, quick enough to recompute on every keystroke: exact LP groups and
 * modes below V = 60, Gloge's V^2/2 guided modes (V^2/8 LP groups) above (the mode table gives the exact count).
 */
public record FiberNumbers(double na, double acceptanceDeg, double v, long lpGroups, long modes, boolean exact) {
    public static final double EXACT_BELOW_V = 60;

    public static FiberNumbers of(double coreRadius, double n1, double n2, double wavelength, double nLaunch) {
        StepIndexFiber f = new StepIndexFiber(coreRadius, n1, n2, wavelength);
        double na = f.numericalAperture();
        double acc = Math.toDegrees(Math.asin(Math.min(1, na / nLaunch)));
        double v = f.vNumber();
        if (v < EXACT_BELOW_V) {
            StepIndexModes m = new StepIndexModeSolver().solve(f, false, ProgressMonitor.NONE);
            long modes = m.lpModes().stream().mapToLong(g -> g.degeneracy()).sum();
            return new FiberNumbers(na, acc, v, m.lpGroupCount(), modes, true);
        }
        // Gloge: about V^2/2 guided modes, most LP groups holding four (two orientations, two polarisations)
        return new FiberNumbers(na, acc, v, Math.round(v * v / 8), Math.round(v * v / 2), false);
    }
}
