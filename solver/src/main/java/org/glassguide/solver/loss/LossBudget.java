package org.glassguide.solver.loss;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.glassguide.materials.AttenuationModel;
import org.glassguide.materials.Material;
import org.glassguide.materials.attenuation.GaussianAbsorptionBands;
import org.glassguide.materials.attenuation.LossMeasurement;
import org.glassguide.materials.attenuation.MeasuredAttenuation;
import org.glassguide.materials.attenuation.RayleighAttenuation;
import org.glassguide.materials.attenuation.TotalAttenuation;
import org.glassguide.materials.catalog.MaterialLibrary;
import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.materials.units.Units;
import org.glassguide.materials.yaml.YamlNode;
import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.analysis.Analysis;
import org.glassguide.solver.analysis.AnalysisContext;
import org.glassguide.solver.analysis.SectionContext;
import org.glassguide.solver.design.Design;
import org.glassguide.solver.design.FiberStructure;
import org.glassguide.solver.design.Layer;
import org.glassguide.solver.fiber.FiberAnalysis;
import org.glassguide.solver.fiber.ModePowerShares;
import org.glassguide.solver.fiber.StepIndexAnalysis;

/**
 * Loss budget of a step-index fiber, per wavelength: the core's material loss split into absorption, Rayleigh
 * scattering, wavelength-independent scattering and measured loss no model attributes, each weighted by the share
 * of guided power in the core; the cladding's material loss weighted by the rest; leakage into a higher-index
 * surround; bend loss; Fresnel reflection at the end faces; and the launch coupling loss of the source. A calibration
 * first fits a material's loss to measured points.
 */
public final class LossBudget implements Analysis<LossResult> {
    private final StepIndexAnalysis stepIndex = new StepIndexAnalysis();

    public LossResult analyse(Design d, LossSettings s, Consumer<String> warnings, ProgressMonitor monitor) {
        if (!d.isFiber() || d.fiber().layers().size() != 2) {
            throw new GlassGuideException(Messages.FIBER_LAYERS, "a step-index fiber (a core and a cladding layer) for the loss budget",
                    d.isFiber() ? d.fiber().layers().size() : 0);
        }
        FiberStructure f = d.fiber();
        Material core = f.layers().get(0).material();
        Material clad = f.layers().get(1).material();
        List<String> notes = new ArrayList<>();
        Calibration.Result cal = null;
        String calibrated = null;
        if (s.calibration() != null) {
            LossSettings.CalibrationSpec cs = s.calibration();
            if (!cs.material().equals(core.name()) && !cs.material().equals(clad.name())) {
                throw new GlassGuideException(Messages.BAD_CHOICE, "loss.calibrate.material", cs.material(), core.name() + " (core), "
                        + clad.name() + " (cladding)");
            }
            cal = new Calibration().fit(cs.mechanisms(), cs.points());
            calibrated = cs.material();
            for (String n : cal.notes()) {
                notes.add("calibration of " + calibrated + ": " + n);
            }
        }
        List<LossResult.Row> rows = new ArrayList<>();
        int n = d.wavelengths().size();
        for (int i = 0; i < n; i++) {
            monitor.checkCancelled();
            monitor.progress(i, n, "wavelength " + (i + 1) + "/" + n);
            double wl = d.wavelengths().get(i);
            FiberAnalysis a = stepIndex.analyse(f, wl, d.options(), warnings, ProgressMonitor.NONE);
            double[] gamma = new double[1];
            String basis = coreFraction(a, s.launch(), gamma);
            Map<String, Double> parts = new LinkedHashMap<>();
            split(core, "core", wl, gamma[0], cal, calibrated, parts, notes, d, warnings);
            split(clad, "cladding", wl, 1 - gamma[0], cal, calibrated, parts, notes, d, warnings);
            // leakage is part of any loss measured on this guide: formed before a calibration takes what the rest leaves
            String[] leakBasis = {""};
            double nSurround = f.surround().n(wl, d.options().allowExtrapolation(), warnings);
            double leak = BendAndLeakage.leakageDbPerM(a, f.layers().get(1).outerRadius(), nSurround, leakBasis);
            if (leak > 0) {
                parts.put("leakage (tunnelling into the surround)", leak);
            }
            double[] range = null;
            if (cal != null) {
                double other = parts.values().stream().mapToDouble(Double::doubleValue).sum();
                guideCalibrated(parts, other, calibrated.equals(core.name()) ? "core" : "cladding", cal, wl);
                if (other > cal.alpha(wl) * Units.DB_PER_NEPER_POWER * (1 + 1e-9)) {
                    notes.add(String.format(Locale.ROOT, "at %s nm the rest of the budget (%.4g dB/m: the other region, leakage) exceeds the calibrated "
                            + "guide loss (%.4g dB/m): the calibration cannot hold there, and the budget keeps the computed parts", Units.nm(wl), other,
                            cal.alpha(wl) * Units.DB_PER_NEPER_POWER));
                }
                if (!cal.alternatives().isEmpty()) {
                    // every equally good calibration's guide loss, the other region's parts as they are
                    double lo = Double.POSITIVE_INFINITY;
                    double hi = 0;
                    for (Calibration.Fit fit : allFits(cal)) {
                        double total = Math.max(fit.alpha(cal.mechanisms(), wl) * Units.DB_PER_NEPER_POWER, other);
                        lo = Math.min(lo, total);
                        hi = Math.max(hi, total);
                    }
                    range = new double[] {lo, hi};
                }
            }
            double fresnel = (s.fresnelAveraged() ? fresnelAveragedDb(a.nCore(), a.nLaunch(), launchSine(s.source(), a)) : fresnelDb(a.nCore(),
                    a.nLaunch())) * s.fresnelFaces();
            double[] coupling = {0};
            String couplingBasis = coupling(s.source(), a, coupling);
            double bend = 0;
            String[] bendBasis = {"straight"};
            if (s.bend() != null) {
                bend = BendAndLeakage.bendDb(a, s.bend().radius(), Math.min(s.bend().length(), s.length()), bendBasis);
            }
            double total = parts.values().stream().mapToDouble(Double::doubleValue).sum() * s.length() + fresnel + coupling[0] + bend;
            rows.add(new LossResult.Row(wl, parts, gamma[0], basis, fresnel, coupling[0], couplingBasis, bend, bendBasis[0], leakBasis[0], total,
                    range));
        }
        monitor.progress(n, n, "done");
        if (s.bend() == null) {
            notes.add("a straight guide: give loss.bend (radius, length) for bend loss; glassguide bpm propagates through any bend");
        }
        return new LossResult(s.length(), rows, cal, calibrated, dedupe(notes));
    }

    private static List<String> dedupe(List<String> notes) {
        return new ArrayList<>(new java.util.LinkedHashSet<>(notes));
    }

    /**
     * Share of guided power in the core over the launch's modes, exact for every guided LP mode
     * ({@link ModePowerShares}); the basis says which launch it assumes.
     */
    public static String coreFraction(FiberAnalysis a, ModePowerShares.Launch launch, double[] gamma) {
        gamma[0] = ModePowerShares.mean(a.modes().lpModes(), 1, launch);
        long groups = a.modes().lpGroupCount();
        if (groups <= 1) {
            return "LP01, exact (single-mode)";
        }
        return String.format(Locale.ROOT, "%s over %d guided LP groups, each mode's exact share", launch.words(), groups);
    }

    /**
     * The sine of the widest launched angle in the launch medium: the smaller of the source's NA (an incoherent source; a
     * Gaussian beam's far-field half-angle lambda / (pi n0 w0)) and the fiber's, over n0; the fiber's NA when no source.
     */
    private static double launchSine(LossSettings.Source source, FiberAnalysis a) {
        double na = Math.min(a.numericalAperture(), a.nLaunch());
        if (source != null && source.kind().equals("incoherent")) {
            na = Math.min(na, source.na());
        } else if (source != null) {
            na = Math.min(na, a.nLaunch() * Math.sin(Math.atan(a.wavelength() / (Math.PI * a.nLaunch() * source.waist()))));
        }
        return Math.min(1, na / a.nLaunch());
    }

    /**
     * Per face, Fresnel loss averaged over a Lambertian cone (power per solid angle as cos theta) up to sin(theta) = sinMax
     * in the launch medium and over both polarisations: -10 log10 of the mean of 1 - (R_s + R_p) / 2. By reciprocity the
     * exit face, meeting the same rays from inside, loses the same.
     */
    static double fresnelAveragedDb(double n1, double n0, double sinMax) {
        if (!(sinMax > 0)) {
            return fresnelDb(n1, n0);
        }
        double tMax = Math.asin(Math.min(1, sinMax));
        int n = 2000;
        double num = 0;
        double den = 0;
        for (int i = 0; i <= n; i++) {
            double t = tMax * i / n;
            double w = (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2) * Math.cos(t) * Math.sin(t);
            double c0 = Math.cos(t);
            double s1 = n0 * Math.sin(t) / n1;
            double c1 = Math.sqrt(1 - s1 * s1);
            double rs = (n0 * c0 - n1 * c1) / (n0 * c0 + n1 * c1);
            double rp = (n1 * c0 - n0 * c1) / (n1 * c0 + n0 * c1);
            num += w * (1 - 0.5 * (rs * rs + rp * rp));
            den += w;
        }
        return -10 * Math.log10(num / den);
    }

    /** Per face: -10 log10(1 - R), R = ((n1 - n0) / (n1 + n0))^2 at normal incidence. */
    static double fresnelDb(double n1, double n0) {
        double r = (n1 - n0) / (n1 + n0);
        return -10 * Math.log10(1 - r * r);
    }

    /**
     * Launch coupling (dB): an incoherent source of uniform radiance within NA_s over a disc of radius r_s into a
     * step-index core of radius a and numerical aperture NA: eta = min(1, (a/r_s)^2) min(1, (NA/NA_s)^2) (area and
     * solid-angle overlap, small angles). A Gaussian beam of waist w_s on axis: into a single-mode fiber, the overlap with
     * LP01 taken as the Gaussian of the Petermann mode-field radius, eta = (2 w_s w_f / (w_s^2 + w_f^2))^2; into a multimode
     * core, the power inside the core times the power inside the acceptance angle, (1 - e^{-2a^2/w_s^2})(1 - e^{-2 (NA/theta)^2}),
     * theta = lambda / (pi w_s n_0).
     */
    static String coupling(LossSettings.Source src, FiberAnalysis a, double[] db) {
        if (src == null) {
            db[0] = 0;
            return "no source given";
        }
        double eta;
        String basis;
        double na = a.numericalAperture();
        double r = a.coreRadius();
        if (src.kind().equals("incoherent")) {
            double rs = src.diameter() / 2;
            eta = Math.min(1, (r / rs) * (r / rs)) * Math.min(1, (na / src.na()) * (na / src.na()));
            basis = String.format(Locale.ROOT, "incoherent source, NA %.3g, %.4g um: area x solid-angle overlap", src.na(), src.diameter() * 1e6);
        } else if (a.modes().lpGroupCount() <= 1) {
            double wf = a.modeFieldDiameter() / 2;
            double ws = src.waist();
            eta = Math.pow(10, -gaussianOverlapDb(ws, wf) / 10);
            basis = String.format(Locale.ROOT, "Gaussian beam, waist %.4g um, on LP01 (mode-field radius %.4g um)", ws * 1e6, wf * 1e6);
        } else {
            double ws = src.waist();
            double theta = a.wavelength() / (Math.PI * ws * a.nLaunch());
            eta = (1 - Math.exp(-2 * r * r / (ws * ws))) * (1 - Math.exp(-2 * (na / theta) * (na / theta)));
            basis = String.format(Locale.ROOT, "Gaussian beam, waist %.4g um, into a multimode core: power in the core x in the NA", ws * 1e6);
        }
        db[0] = -10 * Math.log10(eta);
        return basis;
    }

    /** Aligned Gaussians of radii ws and wf: eta = (2 ws wf / (ws^2 + wf^2))^2, in dB. */
    static double gaussianOverlapDb(double ws, double wf) {
        double x = 2 * ws * wf / (ws * ws + wf * wf);
        return 0.0 - 10 * Math.log10(x * x);
    }

    /** Adds a material's propagation loss (dB/m), split by mechanism and weighted by the power share, under the region's name. */
    private void split(Material m, String region, double wl, double share, Calibration.Result cal, String calibrated,
            Map<String, Double> parts, List<String> notes, Design d, Consumer<String> warnings) {
        double toDb = Units.DB_PER_NEPER_POWER;
        if (cal != null && m.name().equals(calibrated)) {
            // placed by guideCalibrated once the other region's share is known
            return;
        }
        AttenuationModel model = m.attenuationModel().orElse(null);
        if (model == null) {
            notes.add(m.name() + " (" + region + ") has no attenuation model: counted lossless");
            return;
        }
        List<AttenuationModel> list = model instanceof TotalAttenuation t ? t.parts() : List.of(model);
        for (AttenuationModel p : list) {
            if (!p.validRange().contains(wl)) {
                notes.add(m.name() + " (" + region + "): " + p.describe() + " does not reach " + Units.nm(wl) + " nm: left out there");
                continue;
            }
            if (p.extension(wl) != null) {
                notes.add(m.name() + " (" + region + ") at " + Units.nm(wl) + " nm: its loss is " + p.extension(wl));
            }
            if (p instanceof RayleighAttenuation ra) {
                double l2 = wl * wl;
                parts.merge("Rayleigh scattering (" + region + ")", ra.a() / (l2 * l2) * toDb * share, Double::sum);
                parts.merge("wavelength-independent scattering (" + region + ")", ra.b() * toDb * share, Double::sum);
            } else if (p instanceof GaussianAbsorptionBands) {
                parts.merge("absorption (" + region + ")", p.alpha(wl) * toDb * share, Double::sum);
            } else {
                double material = p.alpha(wl);
                if (p instanceof MeasuredAttenuation ma) {
                    material /= measuredShare(m, ma, wl, d, warnings, notes);
                    notes.add(m.name() + "'s loss is a measured total, not split by mechanism: calibrate it (loss.calibrate) to attribute it");
                }
                parts.merge("measured, not attributed (" + region + ")", material * toDb * share, Double::sum);
            }
        }
    }

    /**
     * The share of the guided power the glass carried where its loss was measured: 1 for a bulk (material) loss; for a
     * guide loss on a known fiber, its core's exact share at the measurement's launch (so the glass's loss is the guide
     * loss over it, and this design's share scales it back); 1, said in a note, when the measured guide is not known.
     */
    private double measuredShare(Material m, MeasuredAttenuation ma, double wl, Design d, Consumer<String> warnings, List<String> notes) {
        LossMeasurement on = ma.measuredOn();
        if (on == null) {
            notes.add(m.name() + ": its source does not say whether the measured loss is the bulk glass's or a guide's: taken as the glass's own");
            return 1;
        }
        if (!on.guideKnown()) {
            // bulk glass (share 1 by definition) or a guide not described (taken as 1): describe() says which
            notes.add(m.name() + "'s measured loss is " + on.describe());
            return 1;
        }
        Material cladding = d.fiber().layers().stream().map(l -> l.material()).filter(x -> x.name().equals(on.cladding())).findFirst()
                .orElseGet(() -> MaterialLibrary.builtIn().get(on.cladding()));
        double a = on.coreDiameter() / 2;
        // the cladding's outer radius does not enter the core share of guided modes; three core radii keeps the guide finite
        FiberStructure measured = new FiberStructure(List.of(new Layer(m, a), new Layer(cladding, 3 * a)), d.fiber().surround());
        // the share where the loss was measured: at the wavelength itself within the measured span, else at the nearest
        // measurement (whose value the one rule holds there)
        double at = Math.min(Math.max(wl, ma.span()[0]), ma.span()[1]);
        FiberAnalysis fa = stepIndex.analyse(measured, at, d.options(), warnings, ProgressMonitor.NONE);
        ModePowerShares.Launch launch = ModePowerShares.Launch.parse(on.launch() == null ? "equal" : on.launch());
        double share = ModePowerShares.mean(fa.modes().lpModes(), 1, launch);
        notes.add(String.format(Locale.ROOT, "%s's measured loss is %s: the glass's own loss is that over the core's share there (%.6g at %s nm)",
                m.name(), on.describe(), share, Units.nm(at)));
        return share;
    }

    /**
     * The calibration's points are losses measured on this guide (with this launch), not on the bulk glass: the fitted
     * curve is the guide's loss. The calibrated material's parts are its mechanisms' shares of what the other region's
     * loss leaves of it, so the budget's propagation loss is the fitted guide loss itself: at the measured points, the
     * measurements to the fit's residual. (The material's own loss is that remainder over its power share.)
     *
     * @param other the other region's parts (dB/m), already in parts
     */
    private static void guideCalibrated(Map<String, Double> parts, double other, String region, Calibration.Result cal, double wl) {
        double toDb = Units.DB_PER_NEPER_POWER;
        double guide = cal.alpha(wl) * toDb;
        double left = guide > 0 ? Math.max(0, guide - other) / guide : 0;
        for (int k = 0; k < cal.mechanisms().size(); k++) {
            Mechanism mech = cal.mechanisms().get(k);
            parts.merge(mech.budgetPart() + " (" + region + ")", cal.best().amplitudes()[k] * mech.shape(wl) * toDb * left, Double::sum);
        }
    }

    private static List<Calibration.Fit> allFits(Calibration.Result cal) {
        List<Calibration.Fit> all = new ArrayList<>(cal.alternatives());
        all.add(cal.best());
        return all;
    }

    @Override
    public String name() {
        return LossSettings.SECTION;
    }

    @Override
    public String section() {
        return LossSettings.SECTION;
    }

    @Override
    public Object readSection(YamlNode node, SectionContext context) {
        return LossSectionReader.readLoss(node);
    }

    @Override
    public Object defaultSection() {
        return LossSettings.defaults();
    }

    @Override
    public boolean needsFiber() {
        return true;
    }

    @Override
    public LossResult run(Design design, AnalysisContext context) {
        return analyse(design, LossSettings.of(design), context.warnings(), context.progress());
    }

    @Override
    public List<Map<String, Double>> outputs(LossResult r) {
        List<Map<String, Double>> rows = new ArrayList<>();
        for (LossResult.Row row : r.rows()) {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("wavelengthM", row.wavelength());
            m.put("propagationDbPerCm", row.propagationTotalDbPerM() / 100);
            m.put("coreFraction", row.coreFraction());
            m.put("fresnelDb", row.fresnelDb());
            m.put("couplingDb", row.couplingDb());
            m.put("bendDb", row.bendDb());
            m.put("totalDb", row.totalDb());
            rows.add(m);
        }
        return rows;
    }
}
