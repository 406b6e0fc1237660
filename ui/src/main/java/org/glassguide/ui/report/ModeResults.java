package org.glassguide.ui.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.glassguide.materials.units.Units;
import org.glassguide.solver.design.Design;
import org.glassguide.solver.fd.FdAnalysisResult;
import org.glassguide.solver.radial.ModeReport;
import org.glassguide.solver.radial.RadialAnalysisResult;
import org.glassguide.solver.radial.RadialVectorModeSolver;
import org.glassguide.solver.run.DesignResult;

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

    /** The --json document of a mode-solver run: one wavelength's result, or the design's name and every result. */
    public static Object summary(DesignResult r) {
        List<Map<String, Object>> results = new ArrayList<>();
        for (RadialAnalysisResult a : r.modeAnalyses()) {
            results.add(toMap(a));
        }
        for (FdAnalysisResult a : r.fdAnalyses()) {
            results.add(toMap(a));
        }
        if (results.size() == 1) {
            return results.get(0);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("design", r.design().name());
        m.put("results", results);
        return m;
    }

    /** The mode tables printed after a mode-solver run, one per wavelength. */
    public static void print(PrintWriter o, DesignResult r) {
        Design d = r.design();
        for (RadialAnalysisResult a : r.modeAnalyses()) {
            o.printf(Locale.ROOT, "%s at %s nm, radial solver: %,d guided LP groups (%,d modes); grid %.4g um x %d%n", d.name(),
                    Units.nm(a.wavelength()), a.modes().modes().size(), a.modes().modeCount(), a.modes().step() * 1e6,
                    a.modes().gridPoints());
            o.println("     #  mode      n_eff          Im n_eff    loss dB/cm   A_eff um^2   core conf.  group index");
            int i = 0;
            for (ModeReport m : a.listed()) {
                o.printf(Locale.ROOT, "  %4d  %-8s  %.10f  %.3e  %10.4g  %11.5g  %10.6f  %s%n", ++i, m.name(), m.nEff(), m.nEffImag(),
                        m.lossDbPerCm(), m.effectiveArea() * 1e12, m.confinement(),
                        Double.isNaN(m.groupIndex()) ? "-" : String.format(Locale.ROOT, "%.6f", m.groupIndex()));
            }
            if (!a.vectorModes().isEmpty()) {
                o.printf(Locale.ROOT, "  full-vectorial modes (%d):%n", a.vectorModes().size());
                int k = 0;
                for (var v : a.vectorModes()) {
                    o.printf(Locale.ROOT, "  %4d  %-8s  %.10f%n", ++k, v.name(), v.nEff());
                }
            }
        }
        for (FdAnalysisResult a : r.fdAnalyses()) {
            o.printf(Locale.ROOT, "%s at %s nm, 2D FD (%s): grid %d x %d, step %.4g um%n", d.name(), Units.nm(a.wavelength()),
                    a.solver().startsWith("fd-semivector") ? "semi-vectorial, quasi-" + d.solver().polarization().toUpperCase(Locale.ROOT)
                            : a.solver().equals("fd-vector") ? "full-vectorial" : "scalar",
                    a.grid().nx(), a.grid().ny(), a.grid().dx() * 1e6);
            o.println("  symmetry: " + a.symmetry());
            boolean vec = !a.vectorModes().isEmpty();
            boolean classes = a.symmetryClasses().stream().anyMatch(c -> !c.isEmpty());
            o.println("     #  mode      n_eff          Im n_eff    loss dB/cm   A_eff um^2   in core (highest n)" + (vec ? "  TE fraction" : "")
                    + (classes ? "  class" : ""));
            int k = 0;
            for (ModeReport m : a.listed()) {
                o.printf(Locale.ROOT, "  %4d  %-8s  %.10f  %.3e  %10.4g  %11.5g  %10.6f%s%s%n", m.radialOrder(), m.name(), m.nEff(),
                        m.nEffImag(), m.lossDbPerCm(), m.effectiveArea() * 1e12, m.confinement(),
                        vec ? String.format(Locale.ROOT, "  %11.4f", a.vectorModes().get(k).teFraction()) : "",
                        classes ? "  " + a.symmetryClasses().get(k) : "");
                k++;
            }
        }
    }
}
