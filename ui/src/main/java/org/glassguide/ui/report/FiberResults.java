package org.glassguide.ui.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
}
