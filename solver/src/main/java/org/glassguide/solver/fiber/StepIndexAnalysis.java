package org.glassguide.solver.fiber;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.glassguide.materials.Material;
import org.glassguide.materials.WavelengthRange;
import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.materials.units.Units;
import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.design.DesignOptions;
import org.glassguide.solver.design.FiberStructure;

/**
 * The exact step-index analysis of a two-layer fiber at one wavelength: indices from the materials,
 * NA, acceptance angle, V, LP11 cutoff wavelength, every guided mode and the LP01 mode-field diameter.
 */
public final class StepIndexAnalysis {
    /** First zero of J_0: the LP11 (and TE01, TM01, HE21) cutoff. */
    public static final double J0_FIRST_ZERO = 2.404825557695773;

    private final StepIndexModeSolver solver;

    public StepIndexAnalysis(StepIndexModeSolver solver) {
        this.solver = solver;
    }

    public StepIndexAnalysis() {
        this(new StepIndexModeSolver());
    }

    public FiberAnalysis analyse(FiberStructure s, double wavelength, DesignOptions options, Consumer<String> warnings,
            ProgressMonitor monitor) {
        if (s.layers().size() != 2) {
            throw new GlassGuideException(Messages.FIBER_LAYERS,
                    "exactly 2 layers (core, cladding) for the exact step-index analysis", s.layers().size());
        }
        List<String> notes = new ArrayList<>();
        Consumer<String> sink = m -> {
            if (!notes.contains(m)) {
                notes.add(m);
                warnings.accept(m);
            }
        };
        Material core = s.core().material();
        Material clad = s.layers().get(1).material();
        Material launch = options.launch() == null ? s.surround() : options.launch();
        boolean extra = options.allowExtrapolation();
        double n1 = core.n(wavelength, extra, sink);
        double n2 = clad.n(wavelength, extra, sink);
        double n0 = launch.n(wavelength, extra, sink);
        if (!(n1 > n2)) {
            throw new GlassGuideException(Messages.NOT_GUIDING, fmt(n1), fmt(n2), Units.nm(wavelength));
        }
        StepIndexFiber fiber = new StepIndexFiber(s.core().outerRadius(), n1, n2, wavelength);
        double na = fiber.numericalAperture();
        double accept = na >= n0 ? 90.0 : Math.toDegrees(Math.asin(na / n0));
        if (na >= n0) {
            sink.accept("note: NA (" + fmt(na) + ") >= n_launch (" + fmt(n0) + "): every ray from the launch medium is guided");
        }
        StepIndexModes modes = solver.solve(fiber, options.vector(), monitor);
        double mfd = StepIndexFields.petermannIIDiameter(fiber, modes.fundamental());
        String[] cutoffNote = {""};
        double cutoff = cutoffWavelength(core, clad, fiber.coreRadius(), wavelength, cutoffNote);
        return new FiberAnalysis(wavelength, fiber.coreRadius(), s.layers().get(1).outerRadius(), core.name(), clad.name(),
                launch.name(), n1, n2, n0, na, accept, fiber.vNumber(), cutoff, cutoffNote[0], mfd, modes, notes);
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.6f", v);
    }

    /**
     * Solves V(lambda) = 2.405 with the materials' dispersion by fixed-point iteration on
     * lambda = 2 pi a NA(lambda) / 2.405 (NA varies slowly, so it contracts quickly). Where the answer
     * lies outside the models' valid ranges, NA is held at its value at the nearest valid wavelength
     * and the note says so.
     */
    static double cutoffWavelength(Material core, Material clad, double a, double lambda0, String[] note) {
        WavelengthRange r = core.index().validRange().intersect(clad.index().validRange());
        double lo = r == null ? lambda0 : r.min();
        double hi = r == null ? lambda0 : r.max();
        double lam = lambda0;
        boolean clamped = false;
        for (int i = 0; i < 100; i++) {
            double at = Math.min(Math.max(lam, lo), hi);
            clamped = at != lam;
            double n1 = core.index().n(at);
            double n2 = clad.index().n(at);
            double na = n1 > n2 ? Math.sqrt((n1 - n2) * (n1 + n2)) : 0;
            if (na == 0) {
                note[0] = "the core does not guide at " + Units.nm(at) + " nm; no LP11 cutoff";
                return Double.NaN;
            }
            double next = 2 * Math.PI * a * na / J0_FIRST_ZERO;
            if (Math.abs(next - lam) <= 1e-13 * lam) {
                lam = next;
                break;
            }
            lam = next;
        }
        if (clamped || lam < lo || lam > hi) {
            note[0] = "beyond the materials' valid range (" + Units.nm(lo) + " to " + Units.nm(hi)
                    + " nm): estimated with NA at the range edge";
        }
        return lam;
    }
}
