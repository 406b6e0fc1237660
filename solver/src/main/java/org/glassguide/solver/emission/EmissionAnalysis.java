package org.glassguide.solver.emission;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.glassguide.materials.AttenuationModel;
import org.glassguide.materials.Luminescence;
import org.glassguide.materials.Material;
import org.glassguide.materials.WavelengthRange;
import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.materials.source.SourcedValue;
import org.glassguide.materials.source.SpectralBand;
import org.glassguide.materials.units.Units;
import org.glassguide.materials.yaml.YamlNode;
import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.analysis.Analysis;
import org.glassguide.solver.analysis.AnalysisContext;
import org.glassguide.solver.analysis.SectionContext;
import org.glassguide.solver.design.Design;
import org.glassguide.solver.design.FiberStructure;
import org.glassguide.solver.loss.LossSettings;

/**
 * Guided luminescence of a step-index fiber with a luminescent core: the core material's emission bands, quantum
 * yield and excitation bands (the dopant's absorption shape), the design's pump, and the {@link RayTracer} over each
 * length. Indices and losses are tabulated on 1 nm bins across the emission spectrum.
 */
public final class EmissionAnalysis implements Analysis<EmissionAnalysis.Result> {
    /**
     * Per length: the tallies and what follows from them, with the Monte Carlo standard errors of the output's colour
     * (x, y) and peak wavelength (from resampling the output spectrum: each bin's count Poisson about its own).
     */
    public record LengthResult(double length, RayTracer.Tally tally, double[] chromaticity, double[] chromaticityStdErr, double peakWavelength,
            double peakWavelengthStdErr, double na95, double na95Bound) {
        public double fraction(long count) {
            return (double) count / tally.rays;
        }

        /**
         * The standard error of a fraction of the rays: each ray ends in exactly one way, so a count k of n is binomial,
         * sqrt(p (1 - p) / n) with p = k / n.
         */
        public double fractionStdErr(long count) {
            double p = fraction(count);
            return Math.sqrt(p * (1 - p) / tally.rays);
        }
    }

    /** Output rays below which a spectrum's peak and colour are warned about. */
    public static final long FEW_OUTPUT_RAYS = 2000;

    public record Result(RayTracer.Spectral spectral, double coreRadius, double plqy, String plqySource, List<LengthResult> lengths,
            double raysPerSecond, ModeCoupling.Result modeCoupling, List<String> notes) {
        public Result {
            lengths = List.copyOf(lengths);
            notes = List.copyOf(notes);
        }
    }

    public Result analyse(Design d, EmissionSettings s, Consumer<String> warnings, ProgressMonitor monitor) {
        if (!d.isFiber() || d.fiber().layers().size() != 2) {
            throw new GlassGuideException(Messages.FIBER_LAYERS, "a step-index fiber (a luminescent core and a cladding) for guided emission",
                    d.isFiber() ? d.fiber().layers().size() : 0);
        }
        FiberStructure f = d.fiber();
        Material core = f.layers().get(0).material();
        Material clad = f.layers().get(1).material();
        Luminescence lum = core.luminescenceData().orElseThrow(() -> new GlassGuideException(Messages.MISSING_KEY, "luminescence",
                "core material " + core.name() + " (it needs emission and excitation bands)"));
        if (lum.emission().isEmpty() || lum.excitation().isEmpty()) {
            throw new GlassGuideException(Messages.MISSING_KEY, lum.emission().isEmpty() ? "luminescence.emission" : "luminescence.excitation",
                    core.name());
        }
        List<String> notes = new ArrayList<>();
        double plqy;
        String plqySource;
        SourcedValue q = lum.properties().get("plqy");
        if (!Double.isNaN(s.plqy())) {
            plqy = s.plqy();
            plqySource = "set in the design";
        } else if (q != null) {
            plqy = q.value();
            plqySource = q.provenance().toString();
        } else {
            throw new GlassGuideException(Messages.MISSING_KEY, "emission.plqy", "the design (" + core.name()
                    + " has no quantum yield in the catalog: give one)");
        }
        double exc = 0;
        for (SpectralBand b : lum.excitation()) {
            exc += b.shape(s.excitationWavelength());
        }
        if (!(exc > 1e-6)) {
            throw new GlassGuideException(Messages.OUT_OF_RANGE, "emission.excitation.wavelength", Units.nm(s.excitationWavelength()) + " nm",
                    "a wavelength inside " + core.name() + "'s excitation bands");
        }
        // emission range: the bands' +-3 sigma-ish span, cut to where both index models hold
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (SpectralBand b : lum.emission()) {
            lo = Math.min(lo, b.centre() - 1.5 * b.fwhm());
            hi = Math.max(hi, b.centre() + 1.5 * b.fwhm());
        }
        WavelengthRange valid = core.index().validRange().intersect(clad.index().validRange());
        double full = integral(lum, lo, hi);
        if (valid != null) {
            double clo = Math.max(lo, valid.min());
            double chi = Math.min(hi, valid.max());
            if (clo > lo || chi < hi) {
                double kept = integral(lum, clo, chi) / full;
                notes.add(String.format(java.util.Locale.ROOT, "the emission spectrum is traced from %.0f to %.0f nm, where both index models "
                        + "hold: %.1f %% of the emitted power (the rest is left out)", clo * 1e9, chi * 1e9, 100 * kept));
            }
            lo = clo;
            hi = chi;
        }
        int nb = Math.max(2, (int) Math.round((hi - lo) * 1e9));
        double[] wl = new double[nb];
        double[] n1 = new double[nb];
        double[] n2 = new double[nb];
        double[] aBg = new double[nb];
        double[] aDop = new double[nb];
        double[] cdf = new double[nb];
        AttenuationModel bg = core.attenuationModel().orElse(null);
        org.glassguide.solver.loss.Calibration.Result cal = null;
        if (LossSettings.of(d).calibration() != null && LossSettings.of(d).calibration().material().equals(core.name())) {
            cal = new org.glassguide.solver.loss.Calibration().fit(LossSettings.of(d).calibration().mechanisms(), LossSettings.of(d).calibration().points());
            notes.add(core.name() + "'s background loss: the loss: section's calibration (" + String.join("; ", cal.notes()) + ")");
        }
        boolean bgMissing = false;
        String extended = null;
        double acc = 0;
        for (int i = 0; i < nb; i++) {
            wl[i] = lo + (hi - lo) * (i + 0.5) / nb;
            n1[i] = core.index().n(wl[i]);
            n2[i] = clad.index().n(wl[i]);
            if (cal != null) {
                aBg[i] = cal.alpha(wl[i]);
            } else if (bg != null && bg.validRange().contains(wl[i])) {
                aBg[i] = bg.alpha(wl[i]);
                if (bg.extension(wl[i]) != null && extended == null) {
                    extended = core.name() + "'s background loss outside its measured span (e.g. at " + Units.nm(wl[i]) + " nm) is "
                            + bg.extension(wl[i]);
                }
            } else {
                bgMissing = true;
            }
            double e = 0;
            for (SpectralBand b : lum.excitation()) {
                e += b.shape(wl[i]);
            }
            aDop[i] = s.excitationAbsorption() * e / exc;
            acc += lum.emissionSpectrum(wl[i]);
            cdf[i] = acc;
        }
        for (int i = 0; i < nb; i++) {
            cdf[i] /= acc;
        }
        cdf[nb - 1] = 1;
        if (extended != null) {
            notes.add(extended);
        }
        if (bgMissing) {
            notes.add(core.name() + "'s background loss has no model over part of the spectrum: counted zero there (calibrate it with a "
                    + "loss: section to include it)");
        }
        notes.add(s.claddingGuided() ? "cladding light is guided (emission.cladding-light: guided): a ray leaving the core that the fiber's outer "
                + "surface reflects totally crosses core and cladding to the end faces (outputCladding, inputCladding); the cladding is taken "
                + "lossless and its surface smooth, so in a long fiber this light is an upper bound" : "cladding light is stripped: light "
                + "refracted out of the core is escaped (a high-index coating or a mode stripper; emission.cladding-light: guided for a bare fiber)");
        notes.add("light not guided by the core leaves through an end face when it meets that face before the core's wall (outputUnguided, "
                + "inputUnguided)");
        notes.add("tunnelling (skew, totally reflected but not bound) rays are followed as guided; they leak in a real fiber, so the output "
                + "counts them apart (outputTunnelling)");
        RayTracer.Spectral sp = new RayTracer.Spectral(wl, n1, n2, aBg, aDop, cdf);
        double n0 = d.options().launch() != null ? d.options().launch().index().n(wl[nb / 2]) : f.surround().index().n(wl[nb / 2]);
        RayTracer.Cladding cladding = null;
        if (s.claddingGuided()) {
            double[] ns = new double[nb];
            for (int i = 0; i < nb; i++) {
                ns[i] = f.surround().n(wl[i], d.options().allowExtrapolation(), warnings);
            }
            cladding = new RayTracer.Cladding(f.layers().get(1).outerRadius(), ns);
        }
        List<LengthResult> out = new ArrayList<>();
        long t0 = System.nanoTime();
        long traced = 0;
        for (int i = 0; i < s.lengths().size(); i++) {
            monitor.checkCancelled();
            monitor.progress(i, s.lengths().size(), "length " + (i + 1) + "/" + s.lengths().size());
            double len = s.lengths().get(i);
            RayTracer.Tally t = new RayTracer().trace(sp, f.layers().get(0).outerRadius(), len, n0, plqy, s.sideExcitation(),
                    s.excitationAbsorption(), s.rays(), s.seed(), false, cladding);
            traced += t.emissions;
            double[] power = new double[nb];
            for (int k = 0; k < nb; k++) {
                power[k] = t.spectrum[k];
            }
            double[] xy = Cie1931.chromaticity(wl, power);
            double peak = wl[peakBin(power)];
            double[] err = spectrumStdErr(wl, t.spectrum, s.seed());
            if (t.output < FEW_OUTPUT_RAYS) {
                String w = String.format(java.util.Locale.ROOT, "at %.4g cm the output spectrum rests on %d rays: peak %.1f +- %.1f nm, colour (%.4f +- %.4f, "
                        + "%.4f +- %.4f); trace more rays (emission.rays) for a spectrum worth quoting", len * 100, t.output, peak * 1e9, err[2] * 1e9, xy[0], err[0], xy[1], err[1]);
                warnings.accept(w);
                notes.add(w);
            }
            out.add(new LengthResult(len, t, xy, new double[] {err[0], err[1]}, peak, err[2], na95(t.farField, n0), na95(t.farFieldBound, n0)));
        }
        monitor.progress(s.lengths().size(), s.lengths().size(), "done");
        double secs = (System.nanoTime() - t0) * 1e-9;
        // the same emission in the wave picture: its share coupled into each guided mode, at the spectrum's mean wavelength
        double mean = 0;
        for (int i = 0; i < nb; i++) {
            mean += wl[i] * (cdf[i] - (i > 0 ? cdf[i - 1] : 0));
        }
        org.glassguide.solver.fiber.FiberAnalysis fa = new org.glassguide.solver.fiber.StepIndexAnalysis().analyse(f, mean,
                new org.glassguide.solver.design.DesignOptions(false, true, d.options().launch(), 0), w -> { }, ProgressMonitor.NONE);
        ModeCoupling.Result modal = new ModeCoupling().analyse(fa);
        return new Result(sp, f.layers().get(0).outerRadius(), plqy, plqySource, out, traced / secs, modal, notes);
    }

    private static int peakBin(double[] power) {
        int peak = 0;
        for (int k = 0; k < power.length; k++) {
            if (power[k] > power[peak]) {
                peak = k;
            }
        }
        return peak;
    }

    /**
     * Standard errors of the output's CIE x, y and peak wavelength: 200 resamplings of the spectrum, each bin's count
     * drawn from a Poisson law about its own (the output rays of a run are independent), NaN without output.
     */
    static double[] spectrumStdErr(double[] wl, long[] counts, long seed) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        if (total == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed ^ 0x5DEECE66DL);
        int reps = 200;
        double[] sum = new double[3];
        double[] sum2 = new double[3];
        double[] power = new double[counts.length];
        for (int r = 0; r < reps; r++) {
            for (int k = 0; k < counts.length; k++) {
                power[k] = poisson(counts[k], rng);
            }
            double[] xy = Cie1931.chromaticity(wl, power);
            double[] v = {xy[0], xy[1], wl[peakBin(power)]};
            for (int i = 0; i < 3; i++) {
                sum[i] += v[i];
                sum2[i] += v[i] * v[i];
            }
        }
        double[] err = new double[3];
        for (int i = 0; i < 3; i++) {
            double mean = sum[i] / reps;
            err[i] = Math.sqrt(Math.max(0, (sum2[i] / reps - mean * mean) * reps / (reps - 1)));
        }
        return err;
    }

    /** A Poisson draw of mean m: by inversion below 30, else the normal approximation (rounded, non-negative). */
    private static double poisson(long m, java.util.SplittableRandom rng) {
        if (m == 0) {
            return 0;
        }
        if (m < 30) {
            double l = Math.exp(-m);
            double p = rng.nextDouble();
            int k = 0;
            while (p > l) {
                p *= rng.nextDouble();
                k++;
            }
            return k;
        }
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        double g = Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
        return Math.max(0, Math.rint(m + Math.sqrt(m) * g));
    }

    private static double integral(Luminescence lum, double lo, double hi) {
        int n = 2000;
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += lum.emissionSpectrum(lo + (hi - lo) * (i + 0.5) / n);
        }
        return s * (hi - lo) / n;
    }

    /** n0 sin of the angle holding 95 % of the output power (1-degree bins, interpolated within the bin). */
    static double na95(long[] farField, double n0) {
        long total = 0;
        for (long c : farField) {
            total += c;
        }
        if (total == 0) {
            return Double.NaN;
        }
        double target = 0.95 * total;
        long acc = 0;
        for (int i = 0; i < farField.length; i++) {
            if (acc + farField[i] >= target) {
                double frac = farField[i] > 0 ? (target - acc) / farField[i] : 0;
                return n0 * Math.sin(Math.toRadians(i + frac));
            }
            acc += farField[i];
        }
        return n0;
    }

    @Override
    public String name() {
        return EmissionSettings.SECTION;
    }

    @Override
    public String section() {
        return EmissionSettings.SECTION;
    }

    @Override
    public Object readSection(YamlNode node, SectionContext context) {
        return EmissionSectionReader.readEmission(node);
    }

    @Override
    public boolean needsFiber() {
        return true;
    }

    @Override
    public Result run(Design design, AnalysisContext context) {
        return analyse(design, EmissionSettings.of(design), context.warnings(), context.progress());
    }

    /** One row per fiber length. */
    @Override
    public List<Map<String, Double>> outputs(Result r) {
        List<Map<String, Double>> rows = new ArrayList<>();
        for (LengthResult l : r.lengths()) {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("lengthM", l.length());
            m.put("trappedBound", l.fraction(l.tally().firstBound));
            m.put("trappedTunnelling", l.fraction(l.tally().firstTunnelling));
            m.put("outputFraction", l.fraction(l.tally().output));
            m.put("outputFractionStdErr", l.fractionStdErr(l.tally().output));
            m.put("inputFaceFraction", l.fraction(l.tally().input));
            m.put("outputCladdingFraction", l.fraction(l.tally().outputCladding));
            m.put("outputPeakWavelengthM", l.peakWavelength());
            m.put("outputCieX", l.chromaticity()[0]);
            m.put("outputCieY", l.chromaticity()[1]);
            m.put("outputCieXStdErr", l.chromaticityStdErr()[0]);
            m.put("outputCieYStdErr", l.chromaticityStdErr()[1]);
            m.put("outputNA95BoundRays", l.na95Bound());
            rows.add(m);
        }
        return rows;
    }
}
