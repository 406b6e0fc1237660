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

import org.glassguide.materials.gain.GainSpectroscopy;
import org.glassguide.materials.units.Units;
import org.glassguide.solver.gain.Channel;
import org.glassguide.solver.gain.GainAnalysis;
import org.glassguide.solver.gain.GainProfile;

/**
 * The output folder of `glassguide gain`: summary.json, power.csv/png (channels and inversion along z), gain-spectrum.csv/png,
 * ase-spectrum.csv/png, study-*.csv/png (gain against length, concentration, pump), report.md/html.
 */
public final class GainReport implements AnalysisReport<GainAnalysis.Result> {
    @Override
    public String analysis() {
        return "gain";
    }

    @Override
    public Map<String, Object> summary(String name, GainAnalysis.Result r) {
        GainProfile p = r.profile();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("design", name);
        m.put("dopant", r.dopant());
        m.put("ion", r.spectroscopy().ion());
        m.put("concentrationPerM3", r.concentration());
        m.put("concentrationSource", r.concentrationSource());
        m.put("lifetimeS", r.spectroscopy().lifetime().value());
        m.put("lifetimeSource", r.spectroscopy().lifetime().provenance().toString());
        m.put("dopedDiameterM", 2 * r.dopedRadius());
        m.put("lengthM", r.length());
        m.put("meanExcitedFraction", p.meanExcitation());
        m.put("photonBalanceError", p.photonBalanceError());
        m.put("relaxationSweeps", p.sweeps());
        m.put("newtonIterations", p.newtonIterations());
        m.put("zSteps", p.z().length - 1);
        List<Map<String, Object>> chans = new ArrayList<>();
        for (int k = 0; k < r.channels().size(); k++) {
            Channel c = r.channels().get(k);
            if (c.kind() == Channel.Kind.ASE) {
                continue;
            }
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("label", c.label());
            cm.put("kind", c.kind().name().toLowerCase(Locale.ROOT));
            cm.put("wavelengthM", c.wavelength());
            cm.put("direction", c.forward() ? "forward" : "backward");
            cm.put("inputW", c.inputPower());
            cm.put("outputW", p.reportedOutput(k));
            // fully absorbed: below the solver's resolution, so no gain figure (it would be the floor's)
            cm.put("gainDb", p.fullyAbsorbed(k) ? null : p.gainDb(k));
            cm.put("fullyAbsorbed", p.fullyAbsorbed(k));
            cm.put("overlap", c.overlap());
            cm.put("overlapBasis", c.overlapBasis());
            cm.put("sigmaAbsorptionM2", c.sigmaA());
            cm.put("sigmaEmissionM2", c.sigmaE());
            cm.put("backgroundLossDbPerM", c.loss() * Units.DB_PER_NEPER_POWER);
            chans.add(cm);
        }
        m.put("channels", chans);
        Map<String, Double> totals = GainAnalysis.namedOutputs(r);
        for (String key : List.of("aseForwardW", "aseBackwardW", "peakSmallSignalGainDb", "peakSmallSignalGainWavelengthM")) {
            if (totals.containsKey(key)) {
                m.put(key, totals.get(key));
            }
        }
        m.put("notes", r.notes());
        return m;
    }

    @Override
    public void write(String name, GainAnalysis.Result r, Path target) throws IOException {
        RunReport.writeFolder(target, tmp -> {
            GainProfile p = r.profile();
            List<Channel> cs = r.channels();
            double[] z = p.z();
            StringBuilder csv = new StringBuilder("zM,excitedFraction");
            List<Plot.Series> series = new ArrayList<>();
            for (int k = 0; k < cs.size(); k++) {
                if (cs.get(k).kind() != Channel.Kind.ASE) {
                    csv.append(',').append(csvName(cs.get(k).label())).append("W");
                    series.add(new Plot.Series(cs.get(k).label() + (cs.get(k).forward() ? " (fwd)" : " (bwd)"), z, p.power()[k]));
                }
            }
            boolean ase = r.aseWavelengths().length > 0;
            double[] aseF = new double[z.length];
            double[] aseB = new double[z.length];
            if (ase) {
                csv.append(",aseForwardW,aseBackwardW");
                for (int k = 0; k < cs.size(); k++) {
                    if (cs.get(k).kind() == Channel.Kind.ASE) {
                        double[] t = cs.get(k).forward() ? aseF : aseB;
                        for (int i = 0; i < z.length; i++) {
                            t[i] += p.power()[k][i];
                        }
                    }
                }
                series.add(new Plot.Series("ASE forward", z, aseF));
                series.add(new Plot.Series("ASE backward", z, aseB));
            }
            csv.append('\n');
            for (int i = 0; i < z.length; i++) {
                csv.append(String.format(Locale.ROOT, "%.6g,%.8g", z[i], p.excited()[i]));
                for (int k = 0; k < cs.size(); k++) {
                    if (cs.get(k).kind() != Channel.Kind.ASE) {
                        csv.append(String.format(Locale.ROOT, ",%.8g", p.power()[k][i]));
                    }
                }
                if (ase) {
                    csv.append(String.format(Locale.ROOT, ",%.8g,%.8g", aseF[i], aseB[i]));
                }
                csv.append('\n');
            }
            Files.writeString(tmp.resolve("power.csv"), csv, StandardCharsets.UTF_8);
            Plot.lines(tmp.resolve("power.png"), "Power along the fiber", "z (m)", "power (W)", series);
            Plot.lines(tmp.resolve("inversion.png"), "Excited fraction N2/N along the fiber", "z (m)", "N2 / N",
                    List.of(new Plot.Series("N2/N", z, p.excited())));
            double[] nm = scale(r.spectrumWavelengths(), 1e9);
            StringBuilder gs = new StringBuilder("wavelengthNm,netSmallSignalGainDb,ionGainDb\n");
            for (int q = 0; q < nm.length; q++) {
                gs.append(String.format(Locale.ROOT, "%.4f,%.6g,%.6g%n", nm[q], r.smallSignalGainDb()[q], r.ionGainDb()[q]));
            }
            Files.writeString(tmp.resolve("gain-spectrum.csv"), gs, StandardCharsets.UTF_8);
            Plot.lines(tmp.resolve("gain-spectrum.png"), "Small-signal gain of the solved inversion", "wavelength (nm)", "gain (dB)",
                    List.of(new Plot.Series("net (background loss included)", nm, r.smallSignalGainDb()),
                            new Plot.Series("ions only", nm, r.ionGainDb())));
            if (ase) {
                double[] wl = scale(r.aseWavelengths(), 1e9);
                double[] fw = new double[wl.length];
                double[] bw = new double[wl.length];
                int bf = 0;
                int bb = 0;
                for (int k = 0; k < cs.size(); k++) {
                    if (cs.get(k).kind() == Channel.Kind.ASE) {
                        if (cs.get(k).forward()) {
                            fw[bf++] = dbmPerNm(p.output(k), r.aseBinWidth());
                        } else {
                            bw[bb++] = dbmPerNm(p.output(k), r.aseBinWidth());
                        }
                    }
                }
                StringBuilder as = new StringBuilder("wavelengthNm,forwardDbmPerNm,backwardDbmPerNm\n");
                for (int q = 0; q < wl.length; q++) {
                    as.append(String.format(Locale.ROOT, "%.4f,%.6g,%.6g%n", wl[q], fw[q], bw[q]));
                }
                Files.writeString(tmp.resolve("ase-spectrum.csv"), as, StandardCharsets.UTF_8);
                Plot.lines(tmp.resolve("ase-spectrum.png"), "ASE out of the fiber", "wavelength (nm)", "dBm / nm",
                        List.of(new Plot.Series("forward (z = L)", wl, fw, true), new Plot.Series("backward (z = 0)", wl, bw, true)));
            }
            for (GainAnalysis.Study st : r.studies()) {
                writeStudy(tmp, st, r);
            }
            Files.writeString(tmp.resolve("summary.json"), Json.write(summary(name, r)), StandardCharsets.UTF_8);
            String md = markdown(name, r);
            Files.writeString(tmp.resolve("report.md"), md, StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve("report.html"), MarkdownHtml.page(name + " gain", md), StandardCharsets.UTF_8);
        });
    }

    private static void writeStudy(Path tmp, GainAnalysis.Study st, GainAnalysis.Result r) throws IOException {
        List<Channel> sig = r.channels().stream().filter(c -> c.kind() == Channel.Kind.SIGNAL).toList();
        StringBuilder csv = new StringBuilder(st.parameter() + "[" + st.unit() + "]");
        for (Channel c : sig) {
            csv.append(',').append(csvName(c.label())).append("GainDb");
        }
        csv.append(",residualPumpW,aseForwardW,aseBackwardW\n");
        List<Plot.Series> series = new ArrayList<>();
        for (int s = 0; s < sig.size(); s++) {
            series.add(new Plot.Series(sig.get(s).label(), st.values(), st.signalGainDb()[s], true));
        }
        for (int v = 0; v < st.values().length; v++) {
            csv.append(String.format(Locale.ROOT, "%.6g", st.values()[v]));
            for (int s = 0; s < sig.size(); s++) {
                csv.append(String.format(Locale.ROOT, ",%.6g", st.signalGainDb()[s][v]));
            }
            csv.append(String.format(Locale.ROOT, ",%.6g,%.6g,%.6g%n", st.residualPump()[v], st.aseForward()[v], st.aseBackward()[v]));
        }
        Files.writeString(tmp.resolve("study-" + st.parameter() + ".csv"), csv, StandardCharsets.UTF_8);
        String x = st.parameter() + " (" + st.unit() + ")";
        if (series.isEmpty()) {
            series.add(new Plot.Series("residual pump (W)", st.values(), st.residualPump(), true));
            Plot.lines(tmp.resolve("study-" + st.parameter() + ".png"), "Residual pump against " + st.parameter(), x, "W", series);
        } else {
            Plot.lines(tmp.resolve("study-" + st.parameter() + ".png"), "Signal gain against " + st.parameter(), x, "gain (dB)", series);
        }
        if (st.parameter().equals("length") && r.aseWavelengths().length > 0) {
            double[] wl = scale(r.aseWavelengths(), 1e9);
            List<Plot.Series> spec = new ArrayList<>();
            StringBuilder sc = new StringBuilder("wavelengthNm");
            for (double len : st.values()) {
                sc.append(String.format(Locale.ROOT, ",L_%.4gm_dBmPerNm", len));
            }
            sc.append('\n');
            for (int v = 0; v < st.values().length; v++) {
                double[] y = new double[wl.length];
                for (int q = 0; q < wl.length; q++) {
                    y[q] = dbmPerNm(st.aseSpectrum()[v][q], r.aseBinWidth());
                }
                spec.add(new Plot.Series(String.format(Locale.ROOT, "%.4g m", st.values()[v]), wl, y));
            }
            for (int q = 0; q < wl.length; q++) {
                sc.append(String.format(Locale.ROOT, "%.4f", wl[q]));
                for (int v = 0; v < st.values().length; v++) {
                    sc.append(String.format(Locale.ROOT, ",%.6g", dbmPerNm(st.aseSpectrum()[v][q], r.aseBinWidth())));
                }
                sc.append('\n');
            }
            Files.writeString(tmp.resolve("ase-spectrum-vs-length.csv"), sc, StandardCharsets.UTF_8);
            Plot.lines(tmp.resolve("ase-spectrum-vs-length.png"), "Forward output spectrum (ASE) against length", "wavelength (nm)", "dBm / nm", spec);
        }
    }

    private static String markdown(String name, GainAnalysis.Result r) {
        GainProfile p = r.profile();
        GainSpectroscopy g = r.spectroscopy();
        StringBuilder md = new StringBuilder("# Rare-earth gain: ").append(name).append("\n\n");
        md.append(String.format(Locale.ROOT, "%s in %s, %.4g m^-3 (%s); doped diameter %.4g um; %.4g m long; lifetime %.4g us (%s).%n%n",
                g.ion(), r.dopant(), r.concentration(), r.concentrationSource(), 2e6 * r.dopedRadius(), r.length(), g.lifetime().value() * 1e6,
                g.lifetime().provenance()));
        md.append("Absorption cross sections: ").append(g.absorptionProvenance()).append("\n\nEmission cross sections: ")
                .append(g.emissionProvenance()).append("\n\n");
        if (g.sensitiser() != null) {
            md.append("Antenna (").append(g.sensitiser().label()).append("): absorption ").append(g.sensitiser().absorptionProvenance())
                    .append("; transfer efficiency ").append(String.format(Locale.ROOT, "%.4g", g.sensitiser().efficiency().value())).append(" (")
                    .append(g.sensitiser().efficiency().provenance()).append(")\n\n");
        }
        md.append("| channel | direction | wavelength (nm) | overlap | sigma_a (m^2) | sigma_e (m^2) | background (dB/m) | in (W) | out (W) | gain (dB) |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (int k = 0; k < r.channels().size(); k++) {
            Channel c = r.channels().get(k);
            if (c.kind() == Channel.Kind.ASE) {
                continue;
            }
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.4f | %.4g | %.4g | %.4g | %.5g | %s | %s |%n", c.label(),
                    c.forward() ? "forward" : "backward", Units.nm(c.wavelength()), c.overlap(), c.sigmaA(), c.sigmaE(),
                    c.loss() * Units.DB_PER_NEPER_POWER, c.inputPower(), p.fullyAbsorbed(k) ? "fully absorbed" : String.format(Locale.ROOT, "%.5g",
                            p.output(k)), p.fullyAbsorbed(k) ? "below -90" : String.format(Locale.ROOT, "%+.3f", p.gainDb(k))));
        }
        md.append("\nOverlaps: ");
        r.channels().stream().filter(c -> c.kind() != Channel.Kind.ASE).forEach(c -> md.append(c.label()).append(": ").append(c.overlapBasis())
                .append("; "));
        md.append(String.format(Locale.ROOT, "%n%nMean excited fraction %.4f; photon-number balance error %.2e; %d relaxation sweeps, %d Newton iterations.%n%n", p.meanExcitation(),
                p.photonBalanceError(), p.sweeps(), p.newtonIterations()));
        md.append("![power](power.png)\n\n![inversion](inversion.png)\n\n![gain spectrum](gain-spectrum.png)\n\n");
        if (r.aseWavelengths().length > 0) {
            md.append("![ASE](ase-spectrum.png)\n\n![ASE against length](ase-spectrum-vs-length.png)\n\n");
        }
        for (GainAnalysis.Study st : r.studies()) {
            md.append("![").append(st.parameter()).append("](study-").append(st.parameter()).append(".png)\n\n");
        }
        md.append("## Notes\n\n");
        r.notes().forEach(n -> md.append("- ").append(n).append('\n'));
        return md.toString();
    }

    private static double dbmPerNm(double watts, double binWidth) {
        return 10 * Math.log10(Math.max(watts, 1e-30) / 1e-3 / (binWidth * 1e9));
    }

    private static double[] scale(double[] v, double f) {
        double[] o = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            o[i] = v[i] * f;
        }
        return o;
    }

    private static String csvName(String label) {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char ch : label.toCharArray()) {
            if (Character.isLetterOrDigit(ch)) {
                b.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            } else {
                up = b.length() > 0;
            }
        }
        return b.toString();
    }

    @Override
    public void print(PrintWriter o, String name, GainAnalysis.Result r) {
        o.printf(Locale.ROOT, "%s: %s in %s, %.3g m^-3, %.4g m long, mean excited fraction %.4f%n", name, r.spectroscopy().ion(), r.dopant(),
                r.concentration(), r.length(), r.profile().meanExcitation());
        for (int k = 0; k < r.channels().size(); k++) {
            Channel c = r.channels().get(k);
            if (c.kind() == Channel.Kind.ASE) {
                continue;
            }
            if (r.profile().fullyAbsorbed(k)) {
                o.printf(Locale.ROOT, "  %-24s %-8s in %.5g W -> fully absorbed (out below 1e-9 of it, what the solver resolves)%n", c.label(),
                        c.forward() ? "forward" : "backward", c.inputPower());
            } else {
                o.printf(Locale.ROOT, "  %-24s %-8s in %.5g W -> out %.5g W (%+.3f dB)%n", c.label(), c.forward() ? "forward" : "backward",
                        c.inputPower(), r.profile().output(k), r.profile().gainDb(k));
            }
        }
        if (r.aseWavelengths().length > 0) {
            o.printf(Locale.ROOT, "  ASE out: %.4g W forward, %.4g W backward%n", r.aseOutput(true), r.aseOutput(false));
        }
        r.notes().forEach(n -> o.println("  note: " + n));
    }
}
