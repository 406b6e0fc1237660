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

import org.glassguide.solver.sensor.SensorAnalysis;

/** The output folder of `glassguide sensor`: summary.json, response.csv/png, decay.csv/png, report.md/html. */
public final class SensorReport implements AnalysisReport<SensorAnalysis.Result> {
    @Override
    public String analysis() {
        return "sensor";
    }

    @Override
    public Map<String, Object> summary(String name, SensorAnalysis.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("design", name);
        m.put("material", r.material());
        m.put("model", r.modelName());
        m.put("kSvPerPercentO2", r.model().kSv());
        m.put("kSvSource", r.kSource());
        if (r.model().sites().size() > 1) {
            List<Map<String, Object>> sites = new ArrayList<>();
            r.model().sites().forEach(s -> sites.add(new LinkedHashMap<>(Map.of("fraction", s.fraction(), "kSvPerPercentO2", s.kSv()))));
            m.put("sites", sites);
            m.put("initialCurvaturePerPercentO2Squared", r.model().initialCurvature());
            m.put("unquenchableFraction", r.model().unquenchableFraction());
        }
        m.put("lifetimeS", r.model().lifetime());
        m.put("lifetimeSource", r.lifetimeSource());
        m.put("detectionLimitPercentO2", r.detectionLimit());
        int last = r.oxygen().length - 1;
        m.put("relativeIntensityAtMaxO2", r.relativeIntensity()[last]);
        m.put("lifetimeAtMaxO2S", r.lifetime()[last]);
        m.put("resolutionAtMaxO2Percent", r.resolution()[last]);
        m.put("maxO2Percent", r.oxygen()[last]);
        SensorAnalysis.Thermal th = r.thermal();
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("operatingK", th.operating());
        t.put("referenceK", th.reference());
        t.put("quenchingActivationJPerMol", th.quenchingActivation());
        t.put("quenchingActivationSource", th.quenchingSource());
        t.put("lifetimeActivationJPerMol", th.lifetimeActivation());
        t.put("lifetimeActivationSource", th.lifetimeSource());
        t.put("crossSensitivityPercentO2PerK", th.crossSensitivity());
        m.put("temperature", t);
        SensorAnalysis.Response rs = r.response();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("geometry", rs.geometry().name().toLowerCase(Locale.ROOT));
        d.put("sizeM", rs.size());
        d.put("sizeSource", rs.sizeSource());
        d.put("coefficientM2PerS", rs.coefficient());
        d.put("coefficientSource", rs.coefficientSource());
        d.put("responseT90S", rs.responseT90());
        d.put("recoveryT90S", rs.recoveryT90());
        m.put("response", d);
        m.put("notes", r.notes());
        return m;
    }

    @Override
    public void write(String name, SensorAnalysis.Result r, Path target) throws IOException {
        RunReport.writeFolder(target, tmp -> {
            StringBuilder csv = new StringBuilder("o2Percent,relativeIntensity,lifetimeS,resolutionPercentO2\n");
            for (int i = 0; i < r.oxygen().length; i++) {
                csv.append(String.format(Locale.ROOT, "%.4f,%.8f,%.8g,%.6g%n", r.oxygen()[i], r.relativeIntensity()[i], r.lifetime()[i], r.resolution()[i]));
            }
            Files.writeString(tmp.resolve("response.csv"), csv, StandardCharsets.UTF_8);
            double[] i0 = new double[r.oxygen().length];
            double[] tau = new double[r.oxygen().length];
            for (int i = 0; i < i0.length; i++) {
                i0[i] = 1 / r.relativeIntensity()[i];
                tau[i] = r.model().lifetime() / r.lifetime()[i];
            }
            Plot.lines(tmp.resolve("response.png"), "Stern-Volmer response of " + r.material(), "O2 (% of 1 atm)", "I0 / I  and  tau0 / tau",
                    List.of(new Plot.Series("I0 / I", r.oxygen(), i0), new Plot.Series("tau0 / tau", r.oxygen(), tau, true)));
            StringBuilder dc = new StringBuilder("timeS");
            List<Plot.Series> series = new ArrayList<>();
            for (int k = 0; k < r.decayOxygen().length; k++) {
                dc.append(String.format(Locale.ROOT, ",o2_%.3g%%", r.decayOxygen()[k]));
                series.add(new Plot.Series(String.format(Locale.ROOT, "%.3g %% O2", r.decayOxygen()[k]), r.decayTimes(), r.decays()[k]));
            }
            dc.append('\n');
            for (int j = 0; j < r.decayTimes().length; j++) {
                dc.append(String.format(Locale.ROOT, "%.6g", r.decayTimes()[j]));
                for (int k = 0; k < r.decayOxygen().length; k++) {
                    dc.append(String.format(Locale.ROOT, ",%.8g", r.decays()[k][j]));
                }
                dc.append('\n');
            }
            Files.writeString(tmp.resolve("decay.csv"), dc, StandardCharsets.UTF_8);
            Plot.lines(tmp.resolve("decay.png"), "Afterglow once the excitation stops", "time (s)", "intensity / unquenched steady level", series);
            SensorAnalysis.Thermal th = r.thermal();
            StringBuilder tc = new StringBuilder("temperatureK,kSvPerPercentO2,lifetimeS,relativeIntensityAtMaxO2\n");
            for (int i = 0; i < th.temperatures().length; i++) {
                tc.append(String.format(Locale.ROOT, "%.2f,%.8g,%.8g,%.8f%n", th.temperatures()[i], th.kSv()[i], th.lifetime()[i], th.intensityAtMax()[i]));
            }
            Files.writeString(tmp.resolve("temperature.csv"), tc, StandardCharsets.UTF_8);
            double[] celsius = new double[th.temperatures().length];
            for (int i = 0; i < celsius.length; i++) {
                celsius[i] = th.temperatures()[i] - 273.15;
            }
            Plot.lines(tmp.resolve("temperature.png"), "Temperature dependence at " + fmt(r.oxygen()[r.oxygen().length - 1]) + " % O2",
                    "temperature (°C)", "I / I0", List.of(new Plot.Series("I / I0", celsius, th.intensityAtMax())));
            SensorAnalysis.Response rs = r.response();
            StringBuilder rc = new StringBuilder("timeS,stepUpRelativeIntensity,stepDownRelativeIntensity\n");
            for (int i = 0; i < rs.times().length; i++) {
                rc.append(String.format(Locale.ROOT, "%.6g,%.8f,%.8f%n", rs.times()[i], rs.stepUp()[i], rs.stepDown()[i]));
            }
            Files.writeString(tmp.resolve("step-response.csv"), rc, StandardCharsets.UTF_8);
            Plot.lines(tmp.resolve("step-response.png"), "Response to an O2 step (diffusion into the glass)", "time (s)", "I / I0",
                    List.of(new Plot.Series("0 -> " + fmt(r.oxygen()[r.oxygen().length - 1]) + " % O2", rs.times(), rs.stepUp()),
                            new Plot.Series(fmt(r.oxygen()[r.oxygen().length - 1]) + " -> 0 % O2", rs.times(), rs.stepDown())));
            Files.writeString(tmp.resolve("summary.json"), Json.write(summary(name, r)), StandardCharsets.UTF_8);
            StringBuilder md = new StringBuilder("# Oxygen sensing: ").append(name).append("\n\n![response](response.png)\n\n![decay](decay.png)\n\n"
                    + "![temperature](temperature.png)\n\n![step response](step-response.png)\n\n");
            md.append("Model: ").append(r.modelName()).append(".\n\n");
            md.append(String.format(Locale.ROOT, "K_SV = %.4g per %% O2 (%s); lifetime %.4g s (%s); detection limit %.4g %% O2.%n%n", r.model().kSv(),
                    r.kSource(), r.model().lifetime(), r.lifetimeSource(), r.detectionLimit()));
            md.append("| O2 (%) | I / I0 | lifetime (s) | resolution (% O2) |\n|---|---|---|---|\n");
            for (int i = 0; i < r.oxygen().length; i += 10) {
                md.append(String.format(Locale.ROOT, "| %.3g | %.4f | %.4g | %.3g |%n", r.oxygen()[i], r.relativeIntensity()[i], r.lifetime()[i],
                        r.resolution()[i]));
            }
            md.append(String.format(Locale.ROOT, "%nTemperature: operating %.2f K, reference %.2f K; uncompensated, 1 K of warming reads as %+.3g %% O2.%n%n"
                    + "| T (K) | K_SV (per %% O2) | tau0 (s) | I / I0 at %s %% O2 |%n|---|---|---|---|%n", th.operating(), th.reference(),
                    th.crossSensitivity(), fmt(r.oxygen()[r.oxygen().length - 1])));
            for (int i = 0; i < th.temperatures().length; i += 2) {
                md.append(String.format(Locale.ROOT, "| %.2f | %.4g | %.4g | %.4f |%n", th.temperatures()[i], th.kSv()[i], th.lifetime()[i],
                        th.intensityAtMax()[i]));
            }
            md.append(String.format(Locale.ROOT, "%nStep response (O2 diffusing into the glass): 90 %% of the change in %.4g s (0 -> %s %% O2), "
                    + "%.4g s back.%n", rs.responseT90(), fmt(r.oxygen()[r.oxygen().length - 1]), rs.recoveryT90()));
            md.append("\n## Notes\n\n");
            r.notes().forEach(n -> md.append("- ").append(n).append('\n'));
            Files.writeString(tmp.resolve("report.md"), md.toString(), StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve("report.html"), MarkdownHtml.page(name + " oxygen sensing", md.toString()), StandardCharsets.UTF_8);
        });
    }

    @Override
    public void print(PrintWriter o, String name, SensorAnalysis.Result r) {
        int last = r.oxygen().length - 1;
        o.printf(Locale.ROOT, "%s: K_SV %.4g per %% O2 (%s), detection limit %.3g %% O2; at %.3g %% O2 the intensity is %.4f of the unquenched "
                + "and the lifetime %.4g s (resolution %.3g %% O2)%n", name, r.model().kSv(), r.kSource(), r.detectionLimit(), r.oxygen()[last],
                r.relativeIntensity()[last], r.lifetime()[last], r.resolution()[last]);
        o.printf(Locale.ROOT, "  %s model; 90 %% response %.4g s, recovery %.4g s; %+.3g %% O2 per K of warming uncompensated%n", r.modelName(),
                r.response().responseT90(), r.response().recoveryT90(), r.thermal().crossSensitivity());
        r.notes().forEach(n -> o.println("  note: " + n));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
