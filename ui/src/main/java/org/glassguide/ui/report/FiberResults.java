package org.glassguide.ui.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.glassguide.materials.units.Units;
import org.glassguide.solver.fiber.FiberAnalysis;
import org.glassguide.solver.fiber.GuidedMode;

/** Turns a fiber analysis into the ordered maps written as JSON (`fiber --json`, summary.json). */
public final class FiberResults {
    private FiberResults() {
    }

    /** The listed modes: vector modes when solved, else LP groups; n_eff descending; at most maxModes. */
    public static List<GuidedMode> listedModes(FiberAnalysis a, int maxModes) {
        List<GuidedMode> all = a.modes().vectorSolved() ? a.modes().vectorModes() : a.modes().lpModes();
        return all.subList(0, Math.min(all.size(), maxModes));
    }

    public static Map<String, Object> toMap(FiberAnalysis a, int maxModes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("wavelengthM", a.wavelength());
        m.put("coreMaterial", a.coreMaterial());
        m.put("claddingMaterial", a.claddingMaterial());
        m.put("launchMaterial", a.launchMaterial());
        m.put("coreDiameterM", 2 * a.coreRadius());
        m.put("claddingDiameterM", 2 * a.claddingRadius());
        m.put("nCore", a.nCore());
        m.put("nClad", a.nClad());
        m.put("nLaunch", a.nLaunch());
        m.put("numericalAperture", a.numericalAperture());
        m.put("acceptanceHalfAngleDeg", a.acceptanceHalfAngleDeg());
        m.put("vNumber", a.vNumber());
        m.put("cutoffWavelengthLP11M", a.cutoffWavelengthLP11());
        if (!a.cutoffNote().isEmpty()) {
            m.put("cutoffWavelengthNote", a.cutoffNote());
        }
        m.put("modeFieldDiameterM", a.modeFieldDiameter());
        m.put("guidedLpModeCount", a.modes().lpGroupCount());
        m.put("guidedLpModeTotal", a.modes().lpModeCount());
        m.put("guidedVectorModeCount", a.modes().vectorModeCount());
        m.put("guidedVectorModeGroups", a.modes().vectorGroupCount());
        List<GuidedMode> listed = listedModes(a, maxModes);
        long available = a.modes().vectorSolved() ? a.modes().vectorModes().size() : a.modes().lpModes().size();
        m.put("modesListed", listed.size());
        m.put("modesTruncated", listed.size() < available);
        List<Map<String, Object>> modes = new ArrayList<>(listed.size());
        for (GuidedMode g : listed) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", g.name());
            e.put("nEff", g.nEff());
            e.put("b", g.b());
            modes.add(e);
        }
        m.put("modes", modes);
        m.put("warnings", a.warnings());
        return m;
    }

    /** The step-index analysis printed as `glassguide fiber` shows it (at most 20 modes listed, fewer when maxModes says so). */
    public static void print(PrintWriter out, FiberAnalysis a, int maxModes) {
        out.printf(Locale.ROOT, "Step-index fiber at %s nm%n", Units.nm(a.wavelength()));
        out.printf(Locale.ROOT, "  core      %-14s n = %.6f   diameter %s um%n", a.coreMaterial(), a.nCore(), um(2 * a.coreRadius()));
        out.printf(Locale.ROOT, "  cladding  %-14s n = %.6f   diameter %s%n", a.claddingMaterial(), a.nClad(),
                Double.isFinite(a.claddingRadius()) ? um(2 * a.claddingRadius()) + " um" : "(infinite)");
        out.printf(Locale.ROOT, "  launch    %-14s n = %.6f%n", a.launchMaterial(), a.nLaunch());
        out.printf(Locale.ROOT, "  numerical aperture              %.6f%n", a.numericalAperture());
        out.printf(Locale.ROOT, "  acceptance half-angle           %.3f deg%n", a.acceptanceHalfAngleDeg());
        out.printf(Locale.ROOT, "  V number                        %.4f%n", a.vNumber());
        double c = a.cutoffWavelengthLP11();
        out.printf(Locale.ROOT, "  LP11 cutoff wavelength          %s%s%n", !Double.isFinite(c) ? "none" : c >= 1e-5 ? String.format(Locale.ROOT, "%.3f um", c * 1e6) : String.format(Locale.ROOT, "%.2f nm", c * 1e9),
                a.cutoffNote().isEmpty() ? "" : "  (" + a.cutoffNote() + ")");
        out.printf(Locale.ROOT, "  LP01 mode-field diameter        %.4f um (Petermann II)%n", a.modeFieldDiameter() * 1e6);
        out.printf(Locale.ROOT, "  guided LP mode groups           %,d (%,d modes with degeneracy)%n", a.modes().lpGroupCount(), a.modes().lpModeCount());
        out.printf(Locale.ROOT, "  guided vector modes             %,d (every HE/EH in both polarisations)%n", a.modes().vectorModeCount());
        List<GuidedMode> listed = listedModes(a, Math.min(maxModes, 20));
        if (!listed.isEmpty()) {
            out.printf(Locale.ROOT, "  %s modes, n_eff descending%s:%n", a.modes().vectorSolved() ? "vector" : "LP",
                    listed.size() < (a.modes().vectorSolved() ? a.modes().vectorModes().size() : a.modes().lpModes().size())
                    ? " (first " + listed.size() + "; --json lists up to --max-modes)" : "");
            out.println("       #  mode        n_eff            b");
            for (int i = 0; i < listed.size(); i++) {
                GuidedMode g = listed.get(i);
                out.printf(Locale.ROOT, "    %4d  %-8s  %.10f   %.6f%n", i + 1, g.name(), g.nEff(), g.b());
            }
        }
    }

    private static String um(double metres) {
        return Units.trim(String.format(Locale.ROOT, "%.4f", metres * 1e6));
    }
}
