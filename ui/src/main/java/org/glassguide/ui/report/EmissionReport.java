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

import org.glassguide.solver.emission.EmissionAnalysis;
import org.glassguide.solver.emission.RayTracer;

/** The output folder of `glassguide emission`: summary.json, spectrum.csv/png, farfield.csv/png, nearfield.png, report.md/html. */
public final class EmissionReport implements AnalysisReport<EmissionAnalysis.Result> {
    @Override
    public String analysis() {
        return "emission";
    }

    @Override
    public Map<String, Object> summary(String name, EmissionAnalysis.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("design", name);
        m.put("plqy", r.plqy());
        m.put("plqySource", r.plqySource());
        m.put("raysPerSecond", r.raysPerSecond());
        List<Map<String, Object>> ls = new ArrayList<>();
        for (EmissionAnalysis.LengthResult l : r.lengths()) {
            RayTracer.Tally t = l.tally();
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("lengthM", l.length());
            e.put("rays", t.rays);
            e.put("emissions", t.emissions);
            e.put("trappedBound", l.fraction(t.firstBound));
            e.put("trappedTunnelling", l.fraction(t.firstTunnelling));
            e.put("refracting", l.fraction(t.firstRefracting));
            e.put("outputFraction", l.fraction(t.output));
            e.put("outputFractionStdErr", l.fractionStdErr(t.output));
            e.put("outputTunnellingFraction", l.fraction(t.outputTunnelling));
            e.put("outputUnguidedFraction", l.fraction(t.outputUnguided));
            e.put("outputCladdingFraction", l.fraction(t.outputCladding));
            e.put("inputFaceFraction", l.fraction(t.input));
            e.put("inputFaceFractionStdErr", l.fractionStdErr(t.input));
            e.put("inputUnguidedFraction", l.fraction(t.inputUnguided));
            e.put("inputCladdingFraction", l.fraction(t.inputCladding));
            e.put("trappedCladding", l.fraction(t.firstCladding));
            e.put("escapedFraction", l.fraction(t.escaped));
            e.put("escapedFractionStdErr", l.fractionStdErr(t.escaped));
            e.put("absorbedBackgroundFraction", l.fraction(t.absorbedBackground));
            e.put("absorbedNonRadiativeFraction", l.fraction(t.absorbedNonRadiative));
            e.put("trappedNeverExitingFraction", l.fraction(t.trappedForever));
            e.put("reEmissionsPerRay", l.fraction(t.reEmitted));
            e.put("bookkeeping", t.rays == t.output + t.input + t.escaped + t.absorbedBackground + t.absorbedNonRadiative + t.capped + t.trappedForever
                    ? "exact" : "MISMATCH");
            e.put("outputRays", t.output);
            e.put("outputPeakWavelengthM", l.peakWavelength());
            e.put("outputPeakWavelengthStdErrM", l.peakWavelengthStdErr());
            e.put("outputCieX", l.chromaticity()[0]);
            e.put("outputCieXStdErr", l.chromaticityStdErr()[0]);
            e.put("outputCieY", l.chromaticity()[1]);
            e.put("outputCieYStdErr", l.chromaticityStdErr()[1]);
            e.put("outputNA95", l.na95());
            e.put("outputNA95BoundRays", l.na95Bound());
            ls.add(e);
        }
        m.put("lengths", ls);
        Map<String, Object> mc = new LinkedHashMap<>();
        mc.put("wavelengthM", r.modeCoupling().wavelength());
        mc.put("totalBothDirections", r.modeCoupling().totalBothDirections());
        mc.put("rayBoundFraction", r.lengths().get(0).fraction(r.lengths().get(0).tally().firstBound));
        mc.put("guidedLpGroups", r.modeCoupling().modes().size());
        List<Map<String, Object>> modes = new ArrayList<>();
        for (org.glassguide.solver.emission.ModeCoupling.Mode mode : r.modeCoupling().modes().subList(0, Math.min(20, r.modeCoupling().modes().size()))) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("mode", mode.name());
            e.put("nEff", mode.nEff());
            e.put("fractionPerDirection", mode.fractionPerDirection());
            modes.add(e);
        }
        mc.put("firstModes", modes);
        m.put("modeCoupling", mc);
        m.put("notes", r.notes());
        return m;
    }

    @Override
    public void write(String name, EmissionAnalysis.Result r, Path target) throws IOException {
        RunReport.writeFolder(target, tmp -> {
            double[] wl = r.spectral().wavelength();
            StringBuilder csv = new StringBuilder("wavelengthNm");
            for (EmissionAnalysis.LengthResult l : r.lengths()) {
                csv.append(String.format(Locale.ROOT, ",output_%.4gcm", l.length() * 100));
            }
            csv.append('\n');
            List<Plot.Series> spectra = new ArrayList<>();
            double[] x = new double[wl.length];
            for (int i = 0; i < wl.length; i++) {
                x[i] = wl[i] * 1e9;
            }
            for (int i = 0; i < wl.length; i++) {
                csv.append(String.format(Locale.ROOT, "%.1f", x[i]));
                for (EmissionAnalysis.LengthResult l : r.lengths()) {
                    csv.append(',').append(l.tally().spectrum[i]);
                }
                csv.append('\n');
            }
            for (EmissionAnalysis.LengthResult l : r.lengths()) {
                double[] y = new double[wl.length];
                for (int i = 0; i < wl.length; i++) {
                    // photons out per emitted ray per nm
                    y[i] = (double) l.tally().spectrum[i] / l.tally().rays;
                }
                spectra.add(new Plot.Series(String.format(Locale.ROOT, "%.4g cm", l.length() * 100), x, y));
            }
            Files.writeString(tmp.resolve("spectrum.csv"), csv, StandardCharsets.UTF_8);
            Plot.lines(tmp.resolve("spectrum.png"), "Output spectrum at the end face", "wavelength (nm)", "photons out per ray per nm", spectra);
            StringBuilder ff = new StringBuilder("angleDeg");
            List<Plot.Series> far = new ArrayList<>();
            double[] ang = new double[RayTracer.ANGLES];
            for (int i = 0; i < ang.length; i++) {
                ang[i] = i + 0.5;
            }
            for (EmissionAnalysis.LengthResult l : r.lengths()) {
                ff.append(String.format(Locale.ROOT, ",output_%.4gcm", l.length() * 100));
                double[] y = new double[ang.length];
                for (int i = 0; i < ang.length; i++) {
                    // per unit solid angle: divide by the ring's sin(angle)
                    y[i] = l.tally().farField[i] / (Math.sin(Math.toRadians(ang[i])) * l.tally().rays);
                }
                far.add(new Plot.Series(String.format(Locale.ROOT, "%.4g cm", l.length() * 100), ang, y));
            }
            ff.append('\n');
            for (int i = 0; i < ang.length; i++) {
                ff.append(i);
                for (EmissionAnalysis.LengthResult l : r.lengths()) {
                    ff.append(',').append(l.tally().farField[i]);
                }
                ff.append('\n');
            }
            Files.writeString(tmp.resolve("farfield.csv"), ff, StandardCharsets.UTF_8);
            Plot.lines(tmp.resolve("farfield.png"), "Far field (radiant intensity per solid angle)", "angle from the axis (deg)", "per ray per sr",
                    far);
            EmissionAnalysis.LengthResult last = r.lengths().get(r.lengths().size() - 1);
            int g = RayTracer.GRID;
            double[][] img = new double[g][g];
            for (int iy = 0; iy < g; iy++) {
                for (int ix = 0; ix < g; ix++) {
                    img[iy][ix] = last.tally().nearField[iy * g + ix];
                }
            }
            double a = r.coreRadius() * 1e6;
            Plot.intensity(tmp.resolve("nearfield.png"), String.format(Locale.ROOT, "End-face near field, %.4g cm", last.length() * 100), img, -a, a,
                    -a, a, "um", a);
            Files.writeString(tmp.resolve("summary.json"), Json.write(summary(name, r)), StandardCharsets.UTF_8);
            String md = markdown(name, r);
            Files.writeString(tmp.resolve("report.md"), md, StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve("report.html"), MarkdownHtml.page(name + " guided emission", md), StandardCharsets.UTF_8);
        });
    }

    static String markdown(String name, EmissionAnalysis.Result r) {
        StringBuilder md = new StringBuilder("# Guided emission: ").append(name).append("\n\n![spectrum](spectrum.png)\n\n");
        md.append(String.format(Locale.ROOT, "Quantum yield %.3g (%s); %.3g rays/s.%n%n", r.plqy(), r.plqySource(), r.raysPerSecond()));
        md.append("Each fraction is of the rays started, with its Monte Carlo standard error (binomial); the colour's and the peak's come "
                + "from resampling the output spectrum.\n\n");
        md.append("| length (cm) | bound | tunnelling | cladding | out (end face) | back (input face) | escaped | absorbed | re-emissions/ray "
                + "| output rays | peak (nm) | CIE x | CIE y | NA (95 %), all / bound rays |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (EmissionAnalysis.LengthResult l : r.lengths()) {
            RayTracer.Tally t = l.tally();
            md.append(String.format(Locale.ROOT, "| %.4g | %.4f | %.4f | %.4f | %.4f ± %.1e | %.4f ± %.1e | %.4f ± %.1e | %.4f | %.4f | %d | %.0f ± %.1f "
                    + "| %.4f ± %.4f | %.4f ± %.4f | %.3f / %.3f |%n", l.length() * 100, l.fraction(t.firstBound), l.fraction(t.firstTunnelling),
                    l.fraction(t.firstCladding), l.fraction(t.output), l.fractionStdErr(t.output), l.fraction(t.input), l.fractionStdErr(t.input),
                    l.fraction(t.escaped), l.fractionStdErr(t.escaped), l.fraction(t.absorbedBackground + t.absorbedNonRadiative),
                    l.fraction(t.reEmitted), t.output, l.peakWavelength() * 1e9, l.peakWavelengthStdErr() * 1e9, l.chromaticity()[0],
                    l.chromaticityStdErr()[0], l.chromaticity()[1], l.chromaticityStdErr()[1], l.na95(), l.na95Bound()));
        }
        md.append("\nOf the light leaving each face, the part not guided by the core (it met the face before the core's wall) and the "
                + "part guided by the cladding:\n\n| length (cm) | out: unguided | out: cladding | back: unguided | back: cladding |\n"
                + "|---|---|---|---|---|\n");
        for (EmissionAnalysis.LengthResult l : r.lengths()) {
            RayTracer.Tally t = l.tally();
            md.append(String.format(Locale.ROOT, "| %.4g | %.4f | %.4f | %.4f | %.4f |%n", l.length() * 100, l.fraction(t.outputUnguided),
                    l.fraction(t.outputCladding), l.fraction(t.inputUnguided), l.fraction(t.inputCladding)));
        }
        org.glassguide.solver.emission.ModeCoupling.Result mc = r.modeCoupling();
        md.append(String.format(Locale.ROOT, "%nWave picture at %.0f nm: spontaneous emission coupled into the %d guided LP groups, both directions: "
                + "%.5f (rays: bound fraction %.5f).%n%n| mode | n_eff | fraction per direction |%n|---|---|---|%n", mc.wavelength() * 1e9,
                mc.modes().size(), mc.totalBothDirections(), r.lengths().get(0).fraction(r.lengths().get(0).tally().firstBound)));
        for (org.glassguide.solver.emission.ModeCoupling.Mode mode : mc.modes().subList(0, Math.min(10, mc.modes().size()))) {
            md.append(String.format(Locale.ROOT, "| %s | %.6f | %.4g |%n", mode.name(), mode.nEff(), mode.fractionPerDirection()));
        }
        md.append("\n![far field](farfield.png)\n\n![near field](nearfield.png)\n\n## Notes\n\n");
        r.notes().forEach(n -> md.append("- ").append(n).append('\n'));
        return md.toString();
    }

    @Override
    public void print(PrintWriter o, String name, EmissionAnalysis.Result r) {
        for (EmissionAnalysis.LengthResult l : r.lengths()) {
            o.printf(Locale.ROOT, "%.4g cm: trapped %.4f bound + %.4f tunnelling, out of the end face %.4f ± %.1e, back out of the input face "
                    + "%.4f ± %.1e, peak %.0f ± %.1f nm, CIE (%.4f ± %.4f, %.4f ± %.4f) from %d rays, NA95 %.3f (bound rays %.3f)%n", l.length() * 100,
                    l.fraction(l.tally().firstBound), l.fraction(l.tally().firstTunnelling), l.fraction(l.tally().output),
                    l.fractionStdErr(l.tally().output), l.fraction(l.tally().input), l.fractionStdErr(l.tally().input), l.peakWavelength() * 1e9,
                    l.peakWavelengthStdErr() * 1e9, l.chromaticity()[0], l.chromaticityStdErr()[0], l.chromaticity()[1], l.chromaticityStdErr()[1],
                    l.tally().output, l.na95(), l.na95Bound());
        }
        o.printf(Locale.ROOT, "%.3g rays/s%n", r.raysPerSecond());
    }
}
