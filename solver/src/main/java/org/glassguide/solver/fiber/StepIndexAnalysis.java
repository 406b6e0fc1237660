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
import org.glassguide.solver.Warnings;
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
                    "exactly 2 layers (core, cladding) for the exact step-index analysis (use analyses: [modes] for more)", s.layers().size());
        }
        for (int i = 0; i < s.layers().size(); i++) {
            if (s.layers().get(i).isGraded()) {
                throw new GlassGuideException(Messages.FIBER_LAYERS,
                        "uniform layers for the exact step-index analysis (layer " + (i + 1) + " is graded: use analyses: [modes])", s.layers().size());
            }
        }
        List<String> notes = new ArrayList<>();
        Consumer<String> sink = Warnings.deduplicating(notes, warnings);
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
     * The LP11 cutoff that bounds the operating wavelength's regime: where V(lambda) = 2 pi a NA(lambda) / lambda
     * = 2.405 with the materials' dispersion, searched from lambda0 outwards — downwards when the fiber is single-mode
     * at lambda0, upwards when it is not. (With dispersion V need not fall monotonically: a core modelled without
     * dispersion over a dispersive cladding can turn few-mode again far in the infrared; that far crossing does not
     * describe the fiber at lambda0.) V is sampled on a logarithmic grid and the crossing refined by Brent's method.
     * Where no crossing lies in the models' common valid range the cutoff is estimated with NA held at the range edge,
     * and the note says so.
     */
    static double cutoffWavelength(Material core, Material clad, double a, double lambda0, String[] note) {
        WavelengthRange r = core.index().validRange().intersect(clad.index().validRange());
        if (r == null) {
            note[0] = "the core and cladding models share no valid wavelength range";
            return Double.NaN;
        }
        double lo = r.min() > 0 ? r.min() : Math.min(lambda0, 1e-9) * 1e-3;
        double hi = Double.isFinite(r.max()) ? r.max() : Math.max(lambda0, 1e-3) * 1e3;
        double start = Math.min(Math.max(lambda0, lo), hi);
        java.util.function.DoubleUnaryOperator excess = lam -> vNumber(core, clad, a, lam) - J0_FIRST_ZERO;
        int n = 400;
        double fStart = excess.applyAsDouble(start);
        // multimode at lambda0: the cutoff lies above it, where V first drops below 2.405; single-mode: below it
        boolean up = fStart >= 0;
        double end = up ? hi : lo;
        double prev = start;
        double fPrev = fStart;
        for (int i = 1; i <= n && end != start; i++) {
            double lam = start * Math.pow(end / start, (double) i / n);
            double f = excess.applyAsDouble(lam);
            if ((f >= 0) != (fPrev >= 0)) {
                return org.glassguide.solver.special.RootFinder.brent(excess, Math.min(lam, prev), Math.max(lam, prev),
                        lam < prev ? f : fPrev, lam < prev ? fPrev : f, 1e-15 * Math.max(lam, prev));
            }
            prev = lam;
            fPrev = f;
        }
        double naEdge = na(core, clad, end);
        if (naEdge == 0) {
            note[0] = up ? "LP11 is guided up to the end of the materials' valid range (" + Units.nm(hi) + " nm)"
                    : "single-mode from " + Units.nm(lambda0) + " nm down to where the core stops guiding (the core index falls "
                    + "below the cladding's): no LP11 cutoff below the operating wavelength";
            return Double.NaN;
        }
        note[0] = (up ? "beyond the materials' valid range (" + Units.nm(r.min()) + " to " + Units.nm(hi) + " nm): estimated with NA held at its value at "
                + Units.nm(hi) + " nm" : "below the materials' valid range (from " + Units.nm(lo) + " nm): estimated with NA held at its value there");
        return 2 * Math.PI * a * naEdge / J0_FIRST_ZERO;
    }

    private static double na(Material core, Material clad, double lam) {
        double n1 = core.index().n(lam);
        double n2 = clad.index().n(lam);
        return n1 > n2 ? Math.sqrt((n1 - n2) * (n1 + n2)) : 0;
    }

    private static double vNumber(Material core, Material clad, double a, double lam) {
        return 2 * Math.PI * a * na(core, clad, lam) / lam;
    }
}
