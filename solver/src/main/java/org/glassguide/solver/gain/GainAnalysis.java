package org.glassguide.solver.gain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.glassguide.materials.AttenuationModel;
import org.glassguide.materials.Material;
import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.materials.gain.GainSpectroscopy;
import org.glassguide.materials.gain.Sensitiser;
import org.glassguide.materials.index.TabulatedIndexModel;
import org.glassguide.materials.source.SourcedValue;
import org.glassguide.materials.units.Units;
import org.glassguide.materials.yaml.YamlNode;
import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.analysis.Analysis;
import org.glassguide.solver.analysis.AnalysisContext;
import org.glassguide.solver.analysis.SectionContext;
import org.glassguide.solver.design.Design;
import org.glassguide.solver.design.FiberStructure;
import org.glassguide.solver.fiber.FiberAnalysis;
import org.glassguide.solver.fiber.GuidedMode;
import org.glassguide.solver.fiber.ModePowerShares;
import org.glassguide.solver.fiber.StepIndexAnalysis;

/**
 * A rare-earth-doped fiber amplifier from a design: channels from the gain: section (overlaps from the exact step-index
 * modes, a Gaussian mode or a pump cladding), the steady-state rate equations solved along the fiber, the small-signal
 * gain spectrum of the solved inversion, and studies of gain against length, concentration and pump power.
 */
public final class GainAnalysis implements Analysis<GainAnalysis.Result> {
    /** Relative power change between sweeps at which the boundary-value iteration has converged. */
    public static final double TOLERANCE = 1e-9;
    private static final int GUESS_SWEEPS = 30;
    private static final double LOG10E10 = Units.DB_PER_NEPER_POWER;

    /**
     * One study: the parameter's values and, per value, each signal's gain (dB), the residual pump (W), ASE out forward
     * and backward (W) and the forward ASE output spectrum (W per bin); NaN where a point did not converge.
     */
    public record Study(String parameter, String unit, double[] values, double[][] signalGainDb, double[] residualPump, double[] aseForward,
            double[] aseBackward, double[][] aseSpectrum) {
    }

    /**
     * @param profile the solved design point
     * @param channelOverlapBasis how each channel's overlap was found
     * @param spectrumWavelengths wavelengths of the small-signal gain spectrum (m)
     * @param smallSignalGainDb net small-signal gain of a probe in the solved inversion at each wavelength (dB)
     * @param ionGainDb the ions' share of it, background loss left out (dB)
     */
    public record Result(String dopant, GainSpectroscopy spectroscopy, double concentration, String concentrationSource, double dopedRadius,
            double length, GainProfile profile, double[] aseWavelengths, double aseBinWidth, double[] spectrumWavelengths,
            double[] smallSignalGainDb, double[] ionGainDb, double spectrumOverlap, List<Study> studies, List<String> notes) {
        public Result {
            studies = List.copyOf(studies);
            notes = List.copyOf(notes);
        }

        public List<Channel> channels() {
            return profile.equations().channels();
        }

        /** Total ASE power leaving the fiber forward (at z = L) or backward (at z = 0), W. */
        public double aseOutput(boolean forward) {
            double sum = 0;
            for (int k = 0; k < channels().size(); k++) {
                Channel c = channels().get(k);
                if (c.kind() == Channel.Kind.ASE && c.forward() == forward) {
                    sum += profile.output(k);
                }
            }
            return sum;
        }

        /** Index into the small-signal spectrum of its peak. */
        public int peakGainIndex() {
            return argmax(smallSignalGainDb);
        }
    }

    /** The channels and constants of one design point, before solving. */
    private record Setup(List<Channel> channels, double concentration, double dopedArea, double lifetime, double efficiency) {
        RateEquations equations(double conc, double pumpScale) {
            List<Channel> cs = new ArrayList<>();
            for (Channel c : channels) {
                double p = c.kind() == Channel.Kind.PUMP ? c.inputPower() * pumpScale : c.inputPower();
                cs.add(new Channel(c.label(), c.kind(), c.wavelength(), p, c.forward(), c.overlap(), c.overlapBasis(), c.sigmaA(), c.sigmaE(),
                        c.antennaAbsorption(), c.loss(), c.bandwidth(), c.modes()));
            }
            return new RateEquations(cs, conc, dopedArea, lifetime, efficiency);
        }
    }

    private final StepIndexAnalysis stepIndex = new StepIndexAnalysis();

    public Result analyse(Design d, GainSettings s, java.util.function.Consumer<String> warnings, ProgressMonitor monitor) {
        return analyse(d, s, warnings, monitor, true);
    }

    /**
     * The named scalar outputs of a result, in SI (what sweeps tabulate): each signal's and pump's output and gain, ASE
     * totals, mean excitation, the peak small-signal gain.
     */
    public static java.util.Map<String, Double> namedOutputs(Result r) {
        java.util.Map<String, Double> m = new java.util.LinkedHashMap<>();
        GainProfile p = r.profile();
        m.put("meanExcitedFraction", p.meanExcitation());
        int sig = 0;
        int pump = 0;
        for (int k = 0; k < r.channels().size(); k++) {
            Channel c = r.channels().get(k);
            if (c.kind() == Channel.Kind.SIGNAL) {
                sig++;
                m.put("signal" + sig + "OutputW", p.output(k));
                m.put("signal" + sig + "GainDb", p.gainDb(k));
            } else if (c.kind() == Channel.Kind.PUMP) {
                pump++;
                m.put("pump" + pump + "OutputW", p.reportedOutput(k));
            }
        }
        if (r.aseWavelengths().length > 0) {
            m.put("aseForwardW", r.aseOutput(true));
            m.put("aseBackwardW", r.aseOutput(false));
        }
        int best = r.peakGainIndex();
        m.put("peakSmallSignalGainDb", r.smallSignalGainDb()[best]);
        m.put("peakSmallSignalGainWavelengthM", r.spectrumWavelengths()[best]);
        return m;
    }

    /** As above; withStudies false skips the length, concentration and pump studies (a sweep point needs only the design). */
    public Result analyse(Design d, GainSettings s, java.util.function.Consumer<String> warnings, ProgressMonitor monitor, boolean withStudies) {
        if (!d.isFiber()) {
            throw new GlassGuideException(Messages.FIBER_LAYERS, "a fiber structure for glassguide gain (core, cladding)", 0);
        }
        FiberStructure f = d.fiber();
        Material core = f.layers().get(0).material();
        Material dopant = s.dopant() == null ? core : s.dopant();
        GainSpectroscopy g = dopant.gainData().orElseThrow(() -> new GlassGuideException(Messages.MISSING_KEY, "gain", dopant.name()
                + " in the catalog (it has no cross sections: set gain.dopant to a material with a gain: block, e.g. Zn-Nd-IC, "
                + "Yb-germanosilicate, RE(NO3)3(DCI)2)"));
        List<String> notes = new ArrayList<>();
        double conc;
        String concSource;
        if (!Double.isNaN(s.concentration())) {
            conc = s.concentration();
            concSource = "set in the design";
        } else if (g.concentration() != null) {
            conc = g.concentration().value();
            concSource = g.concentration().provenance().toString();
        } else {
            throw new GlassGuideException(Messages.MISSING_KEY, "gain.concentration", "the design (" + dopant.name()
                    + " has no typical concentration in the catalog: give one, e.g. 3e25 m^-3)");
        }
        double coreRadius = f.core().outerRadius();
        double rd = Double.isNaN(s.dopedDiameter()) ? coreRadius : s.dopedDiameter() / 2;
        if (rd > coreRadius * (1 + 1e-12)) {
            throw new GlassGuideException(Messages.OUT_OF_RANGE, "gain.doped-diameter", Units.trim(String.format(Locale.ROOT, "%.6g um", 2e6 * rd)),
                    "up to the core diameter " + Units.trim(String.format(Locale.ROOT, "%.6g um", 2e6 * coreRadius)));
        }
        Sensitiser sens = g.sensitiser();
        double eta = sens == null ? 0 : sens.efficiency().value();
        List<Channel> channels = new ArrayList<>();
        int signals = 0;
        int pumps = 0;
        for (GainSettings.Launch l : s.launches()) {
            String label = l.label() != null ? l.label() : (l.pump() ? "pump" + (++pumps) : "signal" + (++signals)) + " "
                    + Units.nm(l.wavelength()) + " nm";
            Overlap ov = overlap(d, l.mode(), l.modeValue(), l.wavelength(), rd, l.pump(), warnings);
            Material guideMat = l.mode() == GainSettings.ModeKind.CLADDING ? f.layers().get(Math.min(1, f.layers().size() - 1)).material() : core;
            double loss = loss(s, guideMat, l.wavelength(), notes);
            channels.add(channel(label, l.pump() ? Channel.Kind.PUMP : Channel.Kind.SIGNAL, l.wavelength(), l.power(), l.forward(), ov.value(),
                    ov.basis(), g, sens, loss, 0, ov.modes()));
        }
        checkOverlapWithIons(g, sens, s, channels);
        double[] aseWl = new double[0];
        double binWidth = 0;
        if (s.ase() != null) {
            GainSettings.Ase a = s.ase();
            int nb = a.bins();
            binWidth = (a.to() - a.from()) / nb;
            aseWl = new double[nb];
            for (int b = 0; b < nb; b++) {
                double wl = a.from() + (b + 0.5) * binWidth;
                aseWl[b] = wl;
                // spontaneous emission goes into every guided mode alike: each bin takes the equal-power overlap and the
                // guided-mode count (polarisations counted) of its own wavelength
                Overlap ov = overlap(d, GainSettings.ModeKind.EQUAL, Double.NaN, wl, rd, false, warnings);
                int modes = Math.max(2, ov.modes());
                double dnu = RateEquations.C * binWidth / (wl * wl);
                double loss = loss(s, core, wl, notes);
                for (boolean fwd : new boolean[] {true, false}) {
                    channels.add(channel(String.format(Locale.ROOT, "ASE %s %s nm", fwd ? "forward" : "backward", Units.nm(wl)), Channel.Kind.ASE,
                            wl, 0, fwd, ov.value(), ov.basis() + " (at the bin's own wavelength)", g, sens, loss, dnu, modes));
                }
            }
        }
        Setup setup = new Setup(channels, conc, Math.PI * rd * rd, g.lifetime().value(), eta);
        List<double[]> studyValues = withStudies ? studyValues(s, conc) : List.of(new double[0], new double[0], new double[0]);
        int steps = s.steps();
        if (steps == 0) {
            // enough for the strongest channel at the largest study concentration and length
            double maxConc = java.util.Arrays.stream(studyValues.get(1)).max().orElse(conc);
            double maxLen = java.util.Arrays.stream(studyValues.get(0)).max().orElse(s.length());
            double rate = setup.equations(Math.max(conc, maxConc), 1).maxRate();
            steps = (int) Math.min(200000, Math.max(100, Math.ceil(Math.max(s.length(), maxLen) * rate / GilesSolver.MAX_RATE_STEP)));
        }
        GilesSolver solver = new GilesSolver(steps, TOLERANCE, GUESS_SWEEPS);
        int totalRuns = 1 + studyValues.stream().mapToInt(v -> v.length).sum();
        int[] done = {0};
        ProgressMonitor inner = new ProgressMonitor() {
            @Override
            public void progress(long k, long total, String stage) {
                monitor.progress(done[0], totalRuns, stage);
            }

            @Override
            public boolean isCancelled() {
                return monitor.isCancelled();
            }
        };
        GainProfile base = solver.solve(setup.equations(conc, 1), s.length(), inner);
        done[0]++;
        double balance = base.photonBalanceError();
        if (!(Math.abs(balance) < 1e-3)) {
            throw new GlassGuideException(Messages.NUMERICAL_FAILURE, "the rate equations", String.format(Locale.ROOT,
                    "photons are not conserved to 0.1 %% (balance error %.2e): raise gain.steps", balance));
        }
        // small-signal gain spectrum of the solved inversion, seen by a probe launched as the first core channel is, with
        // that launch's overlap at the probe's own wavelength
        int probe = 0;
        for (int k = 0; k < s.launches().size(); k++) {
            if (s.launches().get(k).mode() != GainSettings.ModeKind.CLADDING) {
                probe = k;
                break;
            }
        }
        GainSettings.Launch probeLaunch = s.launches().get(probe);
        double spectrumOverlap = channels.get(probe).overlap();
        double[] span = spectrumSpan(g, aseWl, channels);
        int ns = 201;
        double[][] probeTable = probeOverlaps(d, probeLaunch, span, rd, spectrumOverlap, warnings);
        if (probeTable[1][0] != probeTable[1][PROBE_POINTS - 1]) {
            notes.add(String.format(Locale.ROOT, "gain spectrum: a probe launched as %s is, with the overlap at its own wavelength (%.4f at %.0f nm "
                    + "to %.4f at %.0f nm); each ASE bin likewise at its own", channels.get(probe).label(), probeTable[1][0], probeTable[0][0] * 1e9,
                    probeTable[1][PROBE_POINTS - 1], probeTable[0][PROBE_POINTS - 1] * 1e9));
        }
        double[] swl = new double[ns];
        double[] net = new double[ns];
        double[] ion = new double[ns];
        for (int q = 0; q < ns; q++) {
            double wl = span[0] + (span[1] - span[0]) * q / (ns - 1);
            swl[q] = wl;
            double sa = g.absorption().at(wl);
            double se = g.emission().at(wl);
            double al = sens == null ? 0 : sens.absorption().at(wl);
            double bg = loss(s, core, wl, new ArrayList<>());
            double gamma = TabulatedIndexModel.interpolate(probeTable[0], probeTable[1], wl);
            double sumIon = 0;
            double[] z = base.z();
            double[] n2 = base.excited();
            for (int i = 1; i < z.length; i++) {
                double a0 = gamma * ((se * n2[i - 1] - sa * (1 - n2[i - 1])) * conc - al);
                double a1 = gamma * ((se * n2[i] - sa * (1 - n2[i])) * conc - al);
                sumIon += 0.5 * (a0 + a1) * (z[i] - z[i - 1]);
            }
            ion[q] = LOG10E10 * sumIon;
            net[q] = LOG10E10 * (sumIon - bg * s.length());
        }
        List<Study> studies = new ArrayList<>();
        String[] names = {"length", "concentration", "pump"};
        String[] units = {"m", "1/m^3", "x input pump"};
        for (int st = 0; st < 3; st++) {
            double[] vals = studyValues.get(st);
            if (vals.length == 0) {
                continue;
            }
            studies.add(study(names[st], units[st], vals, setup, conc, s, solver, inner, done, notes, aseWl.length));
        }
        monitor.progress(totalRuns, totalRuns, "done");
        notes(notes, g, dopant, s, base, swl, net, ion, spectrumOverlap, conc, channels);
        return new Result(dopant.name(), g, conc, concSource, rd, s.length(), base, aseWl, binWidth, swl, net, ion, spectrumOverlap, studies,
                dedupe(notes));
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int q = 1; q < v.length; q++) {
            if (v[q] > v[best]) {
                best = q;
            }
        }
        return best;
    }

    private static List<String> dedupe(List<String> notes) {
        return new ArrayList<>(new java.util.LinkedHashSet<>(notes));
    }

    private static Channel channel(String label, Channel.Kind kind, double wl, double power, boolean forward, double overlap, String basis,
            GainSpectroscopy g, Sensitiser sens, double loss, double bandwidth, int modes) {
        double antenna = sens == null ? 0 : sens.absorption().at(wl);
        return new Channel(label, kind, wl, power, forward, overlap, basis, g.absorption().at(wl), g.emission().at(wl), antenna, loss, bandwidth,
                Math.max(2, modes));
    }

    /** Signals and pumps must interact with the ions: a pump nothing absorbs, or a signal with no cross section, is a mistake. */
    private static void checkOverlapWithIons(GainSpectroscopy g, Sensitiser sens, GainSettings s, List<Channel> channels) {
        double maxAbs = 0;
        double maxEm = 0;
        for (double wl = 200e-9; wl < 3000e-9; wl += 0.5e-9) {
            maxAbs = Math.max(maxAbs, g.absorption().at(wl) + (sens == null ? 0 : 1e-30));
            maxEm = Math.max(maxEm, g.emission().at(wl));
        }
        for (Channel c : channels) {
            if (c.kind() == Channel.Kind.PUMP && c.sigmaA() < 1e-4 * maxAbs && c.antennaAbsorption() == 0) {
                throw new GlassGuideException(Messages.OUT_OF_RANGE, "gain.pumps wavelength", Units.nm(c.wavelength()) + " nm",
                        "a wavelength where " + g.ion() + " or its antenna absorbs (the pump would pass unabsorbed)");
            }
            if (c.kind() == Channel.Kind.SIGNAL && c.sigmaE() < 1e-4 * maxEm) {
                throw new GlassGuideException(Messages.OUT_OF_RANGE, "gain.signals wavelength", Units.nm(c.wavelength()) + " nm",
                        "a wavelength where " + g.ion() + " emits (no emission cross section there)");
            }
        }
    }

    /** A channel's overlap with the doped region, the guided modes (polarisations counted) and how it was found. */
    private record Overlap(double value, int modes, String basis) {
    }

    /** @param pump whether the channel is a pump (auto: a pump fills the guide, a signal is launched into LP01) */
    private Overlap overlap(Design d, GainSettings.ModeKind kind, double value, double wl, double rd, boolean pump,
            java.util.function.Consumer<String> warnings) {
        FiberStructure f = d.fiber();
        double a = f.core().outerRadius();
        switch (kind) {
            case GIVEN:
                return new Overlap(value, 2, "given in the design");
            case GAUSSIAN: {
                double w = value / 2;
                return new Overlap(1 - Math.exp(-2 * rd * rd / (w * w)), 2,
                        String.format(Locale.ROOT, "Gaussian mode, MFD %.4g um: 1 - exp(-2 r_d^2 / w^2)", value * 1e6));
            }
            case CLADDING: {
                double rc = !Double.isNaN(value) ? value / 2 : f.layers().size() > 1 ? f.layers().get(1).outerRadius() : Double.NaN;
                if (!(rc > rd) || Double.isInfinite(rc)) {
                    throw new GlassGuideException(Messages.OUT_OF_RANGE, "gain pump mode: cladding", Double.toString(rc),
                            "a pump cladding (second layer, or cladding-diameter) wider than the doped core");
                }
                return new Overlap((rd / rc) * (rd / rc), 2,
                        String.format(Locale.ROOT, "pump cladding %.4g um filled uniformly: (r_d / r_clad)^2", 2e6 * rc));
            }
            default: {
                // the exact guided modes, power spread as the launch says (auto: a signal from a single-mode seed into LP01, a
                // pump from a source filling the guide)
                ModePowerShares.Launch launch = kind == GainSettings.ModeKind.EQUAL ? ModePowerShares.Launch.EQUAL
                        : kind == GainSettings.ModeKind.FILLED || (kind == GainSettings.ModeKind.AUTO && pump) ? ModePowerShares.Launch.FILLED
                        : ModePowerShares.Launch.FUNDAMENTAL;
                FiberAnalysis fa = stepIndex.analyse(f, wl, d.options(), warnings, ProgressMonitor.NONE);
                // every guided mode (orientations and polarisations) carries spontaneous emission, whatever the launch
                int count = 0;
                for (GuidedMode m : fa.modes().lpModes()) {
                    count += m.degeneracy();
                }
                double share = ModePowerShares.mean(fa.modes().lpModes(), rd / a, launch);
                String b = String.format(Locale.ROOT, "%s%s, exact share within the doped %.4g um of the %.4g um core", launch.words(),
                        kind == GainSettings.ModeKind.AUTO ? " (auto)" : "", 2e6 * rd, 2e6 * a);
                return new Overlap(share, count, "step-index modes: " + b);
            }
        }
    }

    /** Points across the gain spectrum at which the probe's overlap is solved; between them it is interpolated. */
    private static final int PROBE_POINTS = 17;

    /**
     * The probe's overlap across the span: from the guided modes, solved at PROBE_POINTS wavelengths (the shares vary
     * smoothly with wavelength; interpolated linearly between); a Gaussian, cladding or given overlap is the same at all.
     * Returns {wavelengths, overlaps}.
     */
    private double[][] probeOverlaps(Design d, GainSettings.Launch probe, double[] span, double rd, double fixed,
            java.util.function.Consumer<String> warnings) {
        GainSettings.ModeKind kind = probe.mode();
        double[] wl = new double[PROBE_POINTS];
        double[] ov = new double[PROBE_POINTS];
        boolean fromModes = kind != GainSettings.ModeKind.GIVEN && kind != GainSettings.ModeKind.GAUSSIAN && kind != GainSettings.ModeKind.CLADDING;
        for (int j = 0; j < PROBE_POINTS; j++) {
            wl[j] = span[0] + (span[1] - span[0]) * j / (PROBE_POINTS - 1);
            ov[j] = fromModes ? overlap(d, kind, probe.modeValue(), wl[j], rd, probe.pump(), warnings).value() : fixed;
        }
        return new double[][] {wl, ov};
    }

    /** Background loss of a channel: the design's, else the guiding glass's catalog attenuation, else none. */
    private static double loss(GainSettings s, Material m, double wl, List<String> notes) {
        if (!Double.isNaN(s.backgroundLoss())) {
            return s.backgroundLoss();
        }
        AttenuationModel model = m.attenuationModel().orElse(null);
        if (model == null) {
            notes.add("background loss: " + m.name() + " has no attenuation in the catalog, counted lossless (set gain.background-loss)");
            return 0;
        }
        notes.add("background loss: the catalog attenuation of " + m.name() + " (" + m.attenuationProvenance() + "); a loss measured on a doped "
                + "guide includes the ions' own absorption where they absorb, counted twice here (set gain.background-loss to override)");
        return model.alpha(wl);
    }

    private static double[] spectrumSpan(GainSpectroscopy g, double[] aseWl, List<Channel> channels) {
        double[] e = g.emission().span();
        double lo = e[0];
        double hi = e[1];
        for (Channel c : channels) {
            if (c.kind() == Channel.Kind.SIGNAL) {
                lo = Math.min(lo, c.wavelength());
                hi = Math.max(hi, c.wavelength());
            }
        }
        if (aseWl.length > 0) {
            lo = Math.min(lo, aseWl[0]);
            hi = Math.max(hi, aseWl[aseWl.length - 1]);
        }
        return new double[] {lo, hi};
    }

    private static List<double[]> studyValues(GainSettings s, double conc) {
        double[] lengths = s.lengths().isEmpty() ? new double[] {0.25, 0.5, 0.75, 1, 1.25, 1.5, 2} : null;
        if (lengths != null) {
            for (int i = 0; i < lengths.length; i++) {
                lengths[i] *= s.length();
            }
        } else {
            lengths = s.lengths().stream().mapToDouble(Double::doubleValue).toArray();
        }
        double[] concs = s.concentrations().isEmpty() ? new double[] {0.25 * conc, 0.5 * conc, conc, 2 * conc, 4 * conc}
                : s.concentrations().stream().mapToDouble(Double::doubleValue).toArray();
        boolean anyPump = s.launches().stream().anyMatch(GainSettings.Launch::pump);
        double[] pumps = !anyPump ? new double[0] : s.pumpScales().isEmpty() ? new double[] {0.1, 0.25, 0.5, 0.75, 1, 1.5, 2}
                : s.pumpScales().stream().mapToDouble(Double::doubleValue).toArray();
        return List.of(lengths, concs, pumps);
    }

    private static Study study(String name, String unit, double[] vals, Setup setup, double conc, GainSettings s, GilesSolver solver,
            ProgressMonitor inner, int[] done, List<String> notes, int aseBins) {
        List<Channel> cs = setup.channels();
        int nSig = (int) cs.stream().filter(c -> c.kind() == Channel.Kind.SIGNAL).count();
        double[][] gain = new double[nSig][vals.length];
        double[] pump = new double[vals.length];
        double[] af = new double[vals.length];
        double[] ab = new double[vals.length];
        double[][] spec = new double[vals.length][aseBins];
        for (int v = 0; v < vals.length; v++) {
            inner.checkCancelled();
            double c = name.equals("concentration") ? vals[v] : conc;
            double scale = name.equals("pump") ? vals[v] : 1;
            double len = name.equals("length") ? vals[v] : s.length();
            try {
                GainProfile p = solver.solve(setup.equations(c, scale), len, inner);
                int si = 0;
                int bin = 0;
                for (int k = 0; k < cs.size(); k++) {
                    Channel ch = cs.get(k);
                    switch (ch.kind()) {
                        case SIGNAL:
                            gain[si++][v] = p.gainDb(k);
                            break;
                        case PUMP:
                            pump[v] += p.output(k);
                            break;
                        default:
                            if (ch.forward()) {
                                af[v] += p.output(k);
                                spec[v][bin++] = p.output(k);
                            } else {
                                ab[v] += p.output(k);
                            }
                    }
                }
            } catch (GlassGuideException e) {
                for (double[] g : gain) {
                    g[v] = Double.NaN;
                }
                pump[v] = af[v] = ab[v] = Double.NaN;
                java.util.Arrays.fill(spec[v], Double.NaN);
                notes.add(String.format(Locale.ROOT, "%s study at %.4g %s: %s", name, vals[v], unit, e.getMessage()));
            }
            done[0]++;
        }
        return new Study(name, unit, vals, gain, pump, af, ab, spec);
    }

    private static void notes(List<String> notes, GainSpectroscopy g, Material dopant, GainSettings s, GainProfile base, double[] swl, double[] net,
            double[] ion, double overlap, double conc, List<Channel> channels) {
        if (g.hasAssumptions()) {
            notes.add(0, "some of " + dopant.name() + "'s " + g.ion() + " spectroscopy is assumed (see the spectroscopy table): the gain figures are "
                    + "only as good as those numbers; replace them with measured cross sections and lifetime");
        }
        int best = argmax(net);
        int bestIon = argmax(ion);
        if (net[best] <= 0) {
            double wl = swl[bestIon];
            double se = g.emission().at(wl);
            double bg = ion[bestIon] - net[bestIon];
            double needed = bg / LOG10E10 / s.length() / (overlap * se);
            notes.add(String.format(Locale.ROOT, "no net gain anywhere: the ions give at most %.3g dB at %s nm over %.4g m, the background loss "
                    + "takes %.3g dB there; transparency needs an excited-ion density N2 above %.3g m^-3 (%.3g of the %.3g m^-3 present%s)",
                    ion[bestIon], Units.nm(wl), s.length(), bg, needed, needed / conc, conc,
                    needed > conc ? ": more than all ions — lower the loss or raise the concentration" : ""));
        } else {
            notes.add(String.format(Locale.ROOT, "peak net small-signal gain %.3g dB at %s nm", net[best], Units.nm(swl[best])));
        }
        if (g.sensitiser() != null) {
            notes.add(String.format(Locale.ROOT, "the %s absorbs pump light and passes %.4g of it to ions in the ground state (%s)",
                    g.sensitiser().label(), g.sensitiser().efficiency().value(), g.sensitiser().efficiency().provenance()));
        }
        notes.add(String.format(Locale.ROOT, "solved on %d z steps (%d relaxation sweeps, %d Newton iterations on the collocation equations); "
                + "photon-number balance error %.2e", base.z().length - 1, base.sweeps(), base.newtonIterations(), base.photonBalanceError()));
        SourcedValue tau = g.lifetime();
        notes.add(String.format(Locale.ROOT, "upper-level lifetime %.4g us (%s)", tau.value() * 1e6, tau.provenance()));
        if (channels.stream().anyMatch(c -> c.kind() == Channel.Kind.ASE && c.modes() > 2)) {
            notes.add("the core guides many modes: spontaneous emission is collected into all of them (the guided modes counted, and their overlap found, at each ASE bin's own wavelength)");
        }
        if (g.note() != null && !g.note().isBlank()) {
            notes.add(g.ion() + ": " + g.note());
        }
    }

    @Override
    public String name() {
        return GainSettings.SECTION;
    }

    @Override
    public String section() {
        return GainSettings.SECTION;
    }

    @Override
    public Object readSection(YamlNode node, SectionContext context) {
        return GainSectionReader.readGain(node, context.library());
    }

    @Override
    public boolean needsFiber() {
        return true;
    }

    /** With the length and concentration studies, unless the caller needs only the outputs (they hold none of the studies). */
    @Override
    public Result run(Design design, AnalysisContext context) {
        return analyse(design, GainSettings.of(design), context.warnings(), context.progress(), !context.outputsOnly());
    }

    @Override
    public List<Map<String, Double>> outputs(Result r) {
        return List.of(new LinkedHashMap<>(namedOutputs(r)));
    }
}
