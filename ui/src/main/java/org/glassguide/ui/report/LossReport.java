package org.glassguide.ui.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.glassguide.materials.units.Units;
import org.glassguide.solver.loss.Calibration;
import org.glassguide.solver.loss.LossResult;
import org.glassguide.solver.loss.Mechanism;

/** The output folder of `glassguide loss`: budget.csv, summary.json, budget.png (stacked bars), calibration.png, report.md/html. */
public final class LossReport implements AnalysisReport<LossResult> {
    @Override
    public String analysis() {
        return "loss";
    }

    static List<String> parts(LossResult r) {
        Set<String> names = new LinkedHashSet<>();
        r.rows().forEach(row -> names.addAll(row.propagationDbPerM().keySet()));
        return new ArrayList<>(names);
    }

    @Override
    public Map<String, Object> summary(String name, LossResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("design", name);
        m.put("lengthM", r.length());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (LossResult.Row row : r.rows()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("wavelengthM", row.wavelength());
            e.put("propagationDbPerM", row.propagationDbPerM());
            e.put("propagationDbPerCm", row.propagationTotalDbPerM() / 100);
            if (row.propagationRangeDbPerM() != null) {
                // every calibration that fits the points equally well: the budget is known only within this range
                e.put("propagationDbPerCmRange", List.of(row.propagationRangeDbPerM()[0] / 100, row.propagationRangeDbPerM()[1] / 100));
            }
            e.put("coreFraction", row.coreFraction());
            e.put("coreFractionBasis", row.coreFractionBasis());
            e.put("fresnelDb", row.fresnelDb());
            e.put("couplingDb", row.couplingDb());
            e.put("couplingBasis", row.couplingBasis());
            e.put("bendDb", row.bendDb());
            e.put("bendBasis", row.bendBasis());
            e.put("leakageBasis", row.leakageBasis());
            e.put("totalDb", row.totalDb());
            rows.add(e);
        }
        m.put("budget", rows);
        if (r.calibration() != null) {
            Calibration.Result c = r.calibration();
            Map<String, Object> cal = new LinkedHashMap<>();
            cal.put("material", r.calibratedMaterial());
            List<Map<String, Object>> mechs = new ArrayList<>();
            for (int k = 0; k < c.mechanisms().size(); k++) {
                Mechanism mech = c.mechanisms().get(k);
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("mechanism", mech.label());
                e.put("dbPerMAtReference", c.best().amplitudes()[k] * Units.DB_PER_NEPER_POWER);
                // unknown, not zero, when the points state none and leave no residual
                e.put("uncertaintyDbPerM", c.uncertaintyKnown() ? c.best().uncertainties()[k] * Units.DB_PER_NEPER_POWER : null);
                e.put("reference", mech.kind().equals("band") ? "band centre" : mech.kind().equals("rayleigh") ? "1 um" : "any wavelength");
                mechs.add(e);
            }
            cal.put("mechanisms", mechs);
            List<Map<String, Object>> pts = new ArrayList<>();
            for (Calibration.Point p : c.points()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("wavelengthM", p.wavelength());
                e.put("measuredDbPerM", p.alpha() * Units.DB_PER_NEPER_POWER);
                e.put("fittedDbPerM", c.alpha(p.wavelength()) * Units.DB_PER_NEPER_POWER);
                pts.add(e);
            }
            cal.put("points", pts);
            cal.put("equallyGoodAlternatives", c.alternatives().size());
            m.put("calibration", cal);
        }
        m.put("notes", r.notes());
        return m;
    }

    @Override
    public void write(String name, LossResult r, Path target) throws IOException {
        RunReport.writeFolder(target, tmp -> {
            List<String> parts = parts(r);
            StringBuilder csv = new StringBuilder("wavelengthNm");
            for (String p : parts) {
                csv.append(',').append('"').append(p).append(" [dB/m]\"");
            }
            csv.append(",coreFraction,fresnelDb,couplingDb,bendDb,totalDb\n");
            for (LossResult.Row row : r.rows()) {
                csv.append(Units.nm(row.wavelength()));
                for (String p : parts) {
                    csv.append(',').append(row.propagationDbPerM().getOrDefault(p, 0.0));
                }
                csv.append(',').append(row.coreFraction()).append(',').append(row.fresnelDb()).append(',').append(row.couplingDb()).append(',')
                        .append(row.bendDb()).append(',').append(row.totalDb()).append('\n');
            }
            Files.writeString(tmp.resolve("budget.csv"), csv, StandardCharsets.UTF_8);
            List<String> cats = new ArrayList<>();
            List<String> names = new ArrayList<>(parts);
            names.add("end faces (Fresnel)");
            names.add("launch coupling");
            names.add("bend");
            double[][] v = new double[names.size()][r.rows().size()];
            for (int c = 0; c < r.rows().size(); c++) {
                LossResult.Row row = r.rows().get(c);
                cats.add(Units.nm(row.wavelength()) + " nm");
                for (int k = 0; k < parts.size(); k++) {
                    v[k][c] = row.propagationDbPerM().getOrDefault(parts.get(k), 0.0) * r.length();
                }
                v[parts.size()][c] = row.fresnelDb();
                v[parts.size() + 1][c] = row.couplingDb();
                v[parts.size() + 2][c] = row.bendDb();
            }
            Plot.stackedBars(tmp.resolve("budget.png"), String.format(Locale.ROOT, "Loss budget over %.4g cm", r.length() * 100), "loss (dB)", cats,
                    names, v);
            if (r.calibration() != null) {
                calibrationPlot(r, tmp.resolve("calibration.png"));
            }
            Files.writeString(tmp.resolve("summary.json"), Json.write(summary(name, r)), StandardCharsets.UTF_8);
            String md = markdown(name, r, parts);
            Files.writeString(tmp.resolve("report.md"), md, StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve("report.html"), MarkdownHtml.page(name + " loss budget", md), StandardCharsets.UTF_8);
        });
    }

    private static void calibrationPlot(LossResult r, Path png) throws IOException {
        Calibration.Result c = r.calibration();
        double lo = c.points().stream().mapToDouble(Calibration.Point::wavelength).min().orElseThrow();
        double hi = c.points().stream().mapToDouble(Calibration.Point::wavelength).max().orElseThrow();
        for (LossResult.Row row : r.rows()) {
            lo = Math.min(lo, row.wavelength());
            hi = Math.max(hi, row.wavelength());
        }
        double span = Math.max(hi - lo, 0.2 * hi);
        lo = Math.max(0.2e-6, lo - 0.25 * span);
        hi = hi + 0.25 * span;
        int n = 300;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] up = new double[n];
        double[] dn = new double[n];
        for (int i = 0; i < n; i++) {
            double wl = lo + (hi - lo) * i / (n - 1);
            x[i] = wl * 1e9;
            double a = c.alpha(wl) * Units.DB_PER_NEPER_POWER / 1000;
            double s = c.sigmaAlpha(wl) * Units.DB_PER_NEPER_POWER / 1000;
            y[i] = a;
            up[i] = a + s;
            dn[i] = Math.max(0, a - s);
        }
        double[] px = c.points().stream().mapToDouble(p -> p.wavelength() * 1e9).toArray();
        double[] py = c.points().stream().mapToDouble(p -> p.alpha() * Units.DB_PER_NEPER_POWER / 1000).toArray();
        List<Plot.Series> series = new ArrayList<>();
        series.add(new Plot.Series("calibrated model", x, y));
        if (c.uncertaintyKnown()) {
            series.add(new Plot.Series("+1 sigma", x, up));
            series.add(new Plot.Series("-1 sigma", x, dn));
        }
        series.add(new Plot.Series("measured", px, py, true));
        Plot.lines(png, "Calibrated attenuation of " + r.calibratedMaterial() + (c.uncertaintyKnown() ? "" : " (uncertainty unknown: exact fit, no stated errors)"),
                "wavelength (nm)", "attenuation (dB/mm)", series);
    }

    static String markdown(String name, LossResult r, List<String> parts) {
        StringBuilder md = new StringBuilder("# Loss budget: ").append(name).append("\n\n![budget](budget.png)\n\n");
        md.append(String.format(Locale.ROOT, "Over %.4g cm. Propagation parts in dB/cm (weighted by the guided power's share), one-off parts in dB.%n%n",
                r.length() * 100));
        md.append("| wavelength (nm) |");
        parts.forEach(p -> md.append(' ').append(p).append(" |"));
        boolean ranges = r.rows().stream().anyMatch(row -> row.propagationRangeDbPerM() != null);
        md.append(ranges ? " propagation over equally good calibrations (dB/cm) |" : "");
        md.append(" core share | Fresnel (dB) | coupling (dB) | bend (dB) | total (dB) |\n|---|");
        parts.forEach(p -> md.append("---|"));
        md.append(ranges ? "---|" : "").append("---|---|---|---|---|\n");
        for (LossResult.Row row : r.rows()) {
            md.append("| ").append(Units.nm(row.wavelength())).append(" |");
            for (String p : parts) {
                md.append(String.format(Locale.ROOT, " %.4g |", row.propagationDbPerM().getOrDefault(p, 0.0) / 100));
            }
            if (ranges) {
                md.append(row.propagationRangeDbPerM() == null ? " - |" : String.format(Locale.ROOT, " %.4g to %.4g |",
                        row.propagationRangeDbPerM()[0] / 100, row.propagationRangeDbPerM()[1] / 100));
            }
            md.append(String.format(Locale.ROOT, " %.5f | %.4f | %.4g | %.4g | %.4g |%n", row.coreFraction(), row.fresnelDb(), row.couplingDb(),
                    row.bendDb(), row.totalDb()));
        }
        if (!r.rows().isEmpty()) {
            LossResult.Row first = r.rows().get(0);
            md.append("\nCore share: ").append(first.coreFractionBasis()).append(". Coupling: ").append(first.couplingBasis()).append(". Leakage: ")
                    .append(first.leakageBasis()).append(". Bend: ").append(first.bendBasis()).append(".\n");
        }
        if (r.calibration() != null) {
            Calibration.Result c = r.calibration();
            md.append("\n## Calibration of ").append(r.calibratedMaterial()).append("\n\n![calibration](calibration.png)\n\n");
            md.append("| mechanism | attenuation (dB/mm) at its reference | uncertainty (dB/mm) |\n|---|---|---|\n");
            for (int k = 0; k < c.mechanisms().size(); k++) {
                md.append(String.format(Locale.ROOT, "| %s | %.5g | %s |%n", c.mechanisms().get(k).label(),
                        c.best().amplitudes()[k] * Units.DB_PER_NEPER_POWER / 1000, c.uncertaintyKnown()
                        ? String.format(Locale.ROOT, "%.3g", c.best().uncertainties()[k] * Units.DB_PER_NEPER_POWER / 1000) : "not known"));
            }
            md.append("\n| wavelength (nm) | measured (dB/mm) | calibrated (dB/mm) |\n|---|---|---|\n");
            for (Calibration.Point p : c.points()) {
                md.append(String.format(Locale.ROOT, "| %s | %.6g | %.6g |%n", Units.nm(p.wavelength()), p.alpha() * Units.DB_PER_NEPER_POWER / 1000,
                        c.alpha(p.wavelength()) * Units.DB_PER_NEPER_POWER / 1000));
            }
        }
        md.append("\n## Notes\n\n");
        r.notes().forEach(n -> md.append("- ").append(n).append('\n'));
        return md.toString();
    }

    @Override
    public void print(PrintWriter o, String name, LossResult r) {
        for (LossResult.Row row : r.rows()) {
            String range = row.propagationRangeDbPerM() == null ? "" : String.format(Locale.ROOT, " (%.4g to %.4g over equally good calibrations)",
                    row.propagationRangeDbPerM()[0] / 100, row.propagationRangeDbPerM()[1] / 100);
            o.printf(Locale.ROOT, "%s nm: propagation %.4g dB/cm%s (core share %.4f), Fresnel %.3f dB, coupling %.3f dB, bend %.4g dB; %.4g dB over "
                    + "%.4g cm%n", Units.nm(row.wavelength()), row.propagationTotalDbPerM() / 100, range, row.coreFraction(), row.fresnelDb(),
                    row.couplingDb(), row.bendDb(), row.totalDb(), r.length() * 100);
        }
        r.notes().forEach(n -> o.println("  note: " + n));
    }
}
