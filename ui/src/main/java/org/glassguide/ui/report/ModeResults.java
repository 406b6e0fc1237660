package org.glassguide.ui.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.glassguide.solver.fd.FdAnalysisResult;
import org.glassguide.solver.radial.ModeReport;
import org.glassguide.solver.radial.RadialAnalysisResult;
import org.glassguide.solver.radial.RadialVectorModeSolver;

/** Turns a mode-solver result into the ordered maps written as JSON (`modes --json`, summary.json). */
public final class ModeResults {
    private ModeResults() {
    }

    public static Map<String, Object> toMap(FdAnalysisResult a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("wavelengthM", a.wavelength());
        m.put("solver", a.solver());
        m.put("gridNx", a.grid().nx());
        m.put("gridNy", a.grid().ny());
        m.put("gridStepM", a.grid().dx());
        m.put("regions", a.regions());
        m.put("symmetry", a.symmetry());
        List<Map<String, Object>> modes = reports(a.listed());
        for (int i = 0; i < a.vectorModes().size(); i++) {
            modes.get(i).put("teFraction", a.vectorModes().get(i).teFraction());
        }
        for (int i = 0; i < a.symmetryClasses().size(); i++) {
            modes.get(i).put("symmetryClass", a.symmetryClasses().get(i));
        }
        m.put("modes", modes);
        m.put("warnings", a.warnings());
        return m;
    }

    private static List<Map<String, Object>> reports(List<ModeReport> listed) {
        List<Map<String, Object>> modes = new ArrayList<>();
        for (ModeReport r : listed) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", r.name());
            e.put("nEffReal", r.nEff());
            e.put("nEffImag", r.nEffImag());
            e.put("lossDbPerCm", r.lossDbPerCm());
            e.put("lossDbPerM", r.lossDbPerCm() * 100);
            e.put("effectiveAreaM2", r.effectiveArea());
            e.put("confinement", r.confinement());
            e.put("groupIndex", r.groupIndex());
            List<Double> f = new ArrayList<>();
            for (double x : r.powerFractions()) {
                f.add(x);
            }
            e.put("powerFractions", f);
            modes.add(e);
        }
        return modes;
    }

    public static Map<String, Object> toMap(RadialAnalysisResult a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("wavelengthM", a.wavelength());
        m.put("solver", "radial");
        m.put("gridStepM", a.modes().step());
        m.put("gridPoints", a.modes().gridPoints());
        m.put("guidedLpModeCount", a.modes().modes().size());
        m.put("guidedModeCount", a.modes().modeCount());
        List<Map<String, Object>> modes = reports(a.listed());
        m.put("modes", modes);
        if (!a.vectorModes().isEmpty()) {
            List<Map<String, Object>> vector = new ArrayList<>();
            for (RadialVectorModeSolver.VectorMode v : a.vectorModes()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("name", v.name());
                e.put("nEffReal", v.nEff());
                vector.add(e);
            }
            m.put("vectorModes", vector);
        }
        m.put("warnings", a.warnings());
        return m;
    }
}
