package org.glassguide.ui.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.glassguide.materials.units.Units;
import org.glassguide.solver.codraw.CoDrawResult.Glass;
import org.glassguide.solver.codraw.CoDrawResult.ToleranceRow;
import org.glassguide.solver.codraw.CoDrawResult.Window;
import org.glassguide.solver.codraw.CoDrawResult;
import org.glassguide.solver.fiber.FiberAnalysis;

/** The output folder of `glassguide codraw`: summary.json, viscosity.csv, viscosity.png, tolerance.csv, report.md/html. */
public final class CoDrawReport implements AnalysisReport<CoDrawResult> {
    @Override
    public String analysis() {
        return "codraw";
    }

    @Override
    public Map<String, Object> summary(String name, CoDrawResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("design", name);
        m.put("drawViscosityPaS", List.of(Math.pow(10, r.drawLog10Min()), Math.pow(10, r.drawLog10Max())));
        m.put("drawViscositySource", r.drawRangeSource());
        m.put("core", glass(r.core()));
        m.put("cladding", glass(r.cladding()));
        m.put("decompositionK", finite(r.decomposition()));
        m.put("coViscousWindowK", window(r.coViscous()));
        m.put("moltenCoreWindowK", window(r.moltenCore()));
        if (r.alternativeCoViscous() != null) {
            m.put("alternativeCoViscousWindowK", window(r.alternativeCoViscous()));
            m.put("alternativeMoltenCoreWindowK", window(r.alternativeMoltenCore()));
        }
        m.put("explanation", r.explanation());
        m.put("risks", r.risks());
        CoDrawResult.Drawn d = r.drawn();
        Map<String, Object> drawn = new LinkedHashMap<>();
        if (d.preform() != null) {
            drawn.put("preformCoreDiameterM", d.preform().coreDiameter());
            drawn.put("preformOuterDiameterM", d.preform().outerDiameter());
            drawn.put("feedSpeedMPerS", d.preform().feedSpeed());
            drawn.put("drawSpeedMPerS", d.preform().drawSpeed());
            drawn.put("diameterRatio", d.preform().diameterRatio());
        }
        drawn.put("coreDiameterM", d.coreDiameter());
        drawn.put("outerDiameterM", d.outerDiameter());
        List<Map<String, Object>> optics = new ArrayList<>();
        for (int i = 0; i < d.optics().size(); i++) {
            FiberAnalysis a = d.optics().get(i);
            Map<String, Object> o = new LinkedHashMap<>(a.outputs());
            o.put("coreMaterialLossDbPerCm", finite(d.coreLossDbPerCm().get(i)));
            optics.add(o);
        }
        drawn.put("optics", optics);
        List<Map<String, Object>> tol = new ArrayList<>();
        for (ToleranceRow t : d.tolerance()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("wavelengthM", t.wavelength());
            o.put("diameterScale", t.scale());
            o.put("coreDiameterM", t.coreDiameter());
            o.put("vNumber", t.vNumber());
            o.put("guidedLpModeCount", t.lpModes());
            o.put("cutoffWavelengthLP11M", t.cutoffWavelength());
            o.put("modeFieldDiameterM", t.modeFieldDiameter());
            tol.add(o);
        }
        drawn.put("tolerance", tol);
        m.put("drawnFiber", drawn);
        return m;
    }

    private static Object finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static Map<String, Object> glass(Glass g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("material", g.material());
        m.put("curve", g.fit().model().describe());
        m.put("basis", g.fit().basis());
        m.put("assumed", g.fit().assumed());
        m.put("notes", g.fit().notes());
        if (g.fit().alternative() != null) {
            m.put("alternativeCurve", g.fit().alternative().describe());
        }
        m.put("drawableFromK", finite(g.drawableFrom()));
        m.put("drawableToK", finite(g.drawableTo()));
        return m;
    }

    private static Object window(Window w) {
        if (w.isEmpty()) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fromK", w.from());
        m.put("toK", w.to());
        m.put("log10ViscosityRatioAtFrom", w.log10RatioAtFrom());
        m.put("log10ViscosityRatioAtTo", w.log10RatioAtTo());
        return m;
    }

    @Override
    public void write(String name, CoDrawResult r, Path target) throws IOException {
        RunReport.writeFolder(target, tmp -> {
            double[] range = plotRange(r);
            int n = 401;
            double[] t = new double[n];
            double[] core = new double[n];
            double[] clad = new double[n];
            StringBuilder csv = new StringBuilder("temperatureK,coreLog10ViscosityPaS,claddingLog10ViscosityPaS\n");
            for (int i = 0; i < n; i++) {
                t[i] = range[0] + (range[1] - range[0]) * i / (n - 1);
                core[i] = r.core().log10Viscosity(t[i]);
                clad[i] = r.cladding().log10Viscosity(t[i]);
                csv.append(String.format(Locale.ROOT, "%.3f,%.6f,%.6f%n", t[i], core[i], clad[i]));
            }
            Files.writeString(tmp.resolve("viscosity.csv"), csv, StandardCharsets.UTF_8);
            List<Plot.Series> series = new ArrayList<>();
            series.add(new Plot.Series("core " + r.core().material(), t, clip(core)));
            series.add(new Plot.Series("cladding " + r.cladding().material(), t, clip(clad)));
            for (Glass g : List.of(r.core(), r.cladding())) {
                if (g.fit().alternative() != null) {
                    double[] alt = new double[n];
                    for (int i = 0; i < n; i++) {
                        alt[i] = g.fit().alternative().log10Viscosity(t[i]);
                    }
                    series.add(new Plot.Series(g.material() + ", alternative curve", t, clip(alt)));
                }
            }
            series.add(new Plot.Series("lowest drawable", new double[] {range[0], range[1]}, new double[] {r.drawLog10Min(), r.drawLog10Min()}));
            series.add(new Plot.Series("highest drawable", new double[] {range[0], range[1]}, new double[] {r.drawLog10Max(), r.drawLog10Max()}));
            List<Plot.Band> bands = new ArrayList<>();
            if (!r.coViscous().isEmpty()) {
                bands.add(new Plot.Band("co-viscous window", r.coViscous().from(), r.coViscous().to()));
            }
            if (!r.moltenCore().isEmpty()) {
                bands.add(new Plot.Band("molten-core window", r.moltenCore().from(), r.moltenCore().to()));
            }
            Plot.lines(tmp.resolve("viscosity.png"), "Viscosity of " + r.core().material() + " and " + r.cladding().material(),
                    "temperature (K)", "log10 viscosity (Pa s)", series, bands);
            StringBuilder tol = new StringBuilder("wavelengthNm,diameterScale,coreDiameterUm,vNumber,guidedLpModeGroups,cutoffLP11Nm,mfdUm\n");
            for (ToleranceRow row : r.drawn().tolerance()) {
                tol.append(String.format(Locale.ROOT, "%s,%.4f,%.4f,%.6f,%d,%.3f,%.4f%n", Units.nm(row.wavelength()), row.scale(),
                        row.coreDiameter() * 1e6, row.vNumber(), row.lpModes(), row.cutoffWavelength() * 1e9, row.modeFieldDiameter() * 1e6));
            }
            Files.writeString(tmp.resolve("tolerance.csv"), tol, StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve("summary.json"), Json.write(summary(name, r)), StandardCharsets.UTF_8);
            String md = markdown(name, r);
            Files.writeString(tmp.resolve("report.md"), md, StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve("report.html"), MarkdownHtml.page(name + " co-draw", md), StandardCharsets.UTF_8);
        });
    }

    // steep curves reach huge values near T0 or Tg: the plot shows -2..14
    private static double[] clip(double[] y) {
        double[] c = y.clone();
        for (int i = 0; i < c.length; i++) {
            if (!(c[i] <= 14 && c[i] >= -2)) {
                c[i] = Double.NaN;
            }
        }
        return c;
    }

    private static double[] plotRange(CoDrawResult r) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Glass g : List.of(r.core(), r.cladding())) {
            double tg = g.fit().model().temperatureAt(12, 50, 5000);
            for (double v : new double[] {tg, g.drawableFrom(), g.drawableTo(), g.decomposition()}) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(hi > lo)) {
            return new double[] {300, 1500};
        }
        double pad = 0.1 * (hi - lo);
        return new double[] {Math.max(1, lo - pad), hi + pad};
    }

    static String markdown(String name, CoDrawResult r) {
        StringBuilder md = new StringBuilder();
        md.append("# Co-draw: ").append(name).append("\n\n![viscosity](viscosity.png)\n\n");
        md.append("| window | from | to | core/cladding viscosity ratio |\n|---|---|---|---|\n");
        row(md, "both drawable (co-viscous)", r.coViscous());
        row(md, "molten core (cladding drawable, core softer)", r.moltenCore());
        if (r.alternativeCoViscous() != null) {
            row(md, "co-viscous, alternative curve", r.alternativeCoViscous());
            row(md, "molten core, alternative curve", r.alternativeMoltenCore());
        }
        md.append("\n## Findings\n\n");
        r.explanation().forEach(s -> md.append("- ").append(s).append('\n'));
        md.append("\n## Risks\n\n");
        r.risks().forEach(s -> md.append("- ").append(s).append('\n'));
        CoDrawResult.Drawn d = r.drawn();
        md.append("\n## Drawn fiber\n\n");
        if (d.preform() != null) {
            md.append(String.format(Locale.ROOT, "Preform %.3f mm core in %.3f mm, fed at %.4g mm/min and drawn at %.4g m/min: every diameter "
                    + "shrinks by sqrt(v_feed / v_draw) = %.5f (volume conservation).%n%n", d.preform().coreDiameter() * 1e3,
                    d.preform().outerDiameter() * 1e3, d.preform().feedSpeed() * 6e4, d.preform().drawSpeed() * 60, d.preform().diameterRatio()));
        }
        md.append(String.format(Locale.ROOT, "Core %.2f um, fiber %.2f um.%n%n", d.coreDiameter() * 1e6, d.outerDiameter() * 1e6));
        if (!d.optics().isEmpty()) {
            md.append("| wavelength (nm) | NA | V | LP mode groups | LP11 cutoff (nm) | core material loss (dB/cm) |\n|---|---|---|---|---|---|\n");
            for (int i = 0; i < d.optics().size(); i++) {
                FiberAnalysis a = d.optics().get(i);
                double loss = d.coreLossDbPerCm().get(i);
                md.append(String.format(Locale.ROOT, "| %s | %.4f | %.2f | %d | %.0f | %s |%n", Units.nm(a.wavelength()), a.numericalAperture(),
                        a.vNumber(), a.modes().lpGroupCount(), a.cutoffWavelengthLP11() * 1e9, Double.isFinite(loss)
                        ? String.format(Locale.ROOT, "%.3f", loss) : "no model"));
            }
            md.append("\n### Diameter tolerance\n\n| wavelength (nm) | diameter scale | core (um) | V | LP mode groups | LP11 cutoff (nm) |\n"
                    + "|---|---|---|---|---|---|\n");
            for (ToleranceRow t : d.tolerance()) {
                md.append(String.format(Locale.ROOT, "| %s | %.3f | %.2f | %.3f | %d | %.0f |%n", Units.nm(t.wavelength()), t.scale(),
                        t.coreDiameter() * 1e6, t.vNumber(), t.lpModes(), t.cutoffWavelength() * 1e9));
            }
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String label, Window w) {
        if (w.isEmpty()) {
            md.append("| ").append(label).append(" | none | | |\n");
        } else {
            md.append(String.format(Locale.ROOT, "| %s | %.1f K (%.1f °C) | %.1f K (%.1f °C) | 10^%.2f to 10^%.2f |%n", label, w.from(),
                    w.from() - 273.15, w.to(), w.to() - 273.15, w.log10RatioAtFrom(), w.log10RatioAtTo()));
        }
    }

    @Override
    public void print(PrintWriter o, String name, CoDrawResult r) {
        o.printf(Locale.ROOT, "%s: co-viscous window %s, molten-core window %s%n", name, words(r.coViscous()), words(r.moltenCore()));
        r.explanation().forEach(s -> o.println("  " + s));
    }

    private static String words(Window w) {
        return w.isEmpty() ? "none" : String.format(Locale.ROOT, "%.0f-%.0f K", w.from(), w.to());
    }
}
