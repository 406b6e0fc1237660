package org.glassguide.solver.sensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.glassguide.materials.Luminescence;
import org.glassguide.materials.Material;
import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.materials.source.SourcedValue;
import org.glassguide.materials.yaml.YamlNode;
import org.glassguide.solver.analysis.Analysis;
import org.glassguide.solver.analysis.AnalysisContext;
import org.glassguide.solver.analysis.SectionContext;
import org.glassguide.solver.design.Design;

/** Oxygen sensing with the phosphorescence of a fiber's core: Stern-Volmer intensity, lifetime, resolution and decay. */
public final class SensorAnalysis implements Analysis<SensorAnalysis.Result> {
    /** The model, where K_SV came from, and the tables over the O2 range, the temperature and the time after a step. */
    public record Result(String material, SternVolmer model, String kSource, String lifetimeSource, double detectionLimit, double[] oxygen,
            double[] relativeIntensity, double[] lifetime, double[] resolution, double[] decayTimes, double[][] decays, double[] decayOxygen,
            Thermal thermal, Response response, List<String> notes) {
        public Result {
            notes = List.copyOf(notes);
        }

        /** "one-site" or "two-site (Demas)" etc. */
        public String modelName() {
            return model.sites().size() == 1 ? "one-site" : model.sites().size() + "-site (Demas)";
        }
    }

    /**
     * The temperature dependence: operating and reference temperature (K), the activation energies (J/mol) with where
     * each came from, K_SV, tau0 and I/I0 at the highest O2 level over a temperature range, and the reading's O2 error
     * per kelvin at the highest O2 level when the temperature is not compensated.
     */
    public record Thermal(double operating, double reference, double quenchingActivation, String quenchingSource, double lifetimeActivation,
            String lifetimeSource, double[] temperatures, double[] kSv, double[] lifetime, double[] intensityAtMax, double crossSensitivity) {
    }

    /**
     * The response to a step of the outside O2 between 0 and the highest level, through diffusion into the glass: the
     * geometry and size (m), D at the operating temperature (m^2/s), their sources, the 90 % times of the step up
     * (response) and down (recovery), and I/I0 over time for both.
     */
    public record Response(OxygenDiffusion.Geometry geometry, double size, String sizeSource, double coefficient, String coefficientSource,
            double responseT90, double recoveryT90, double[] times, double[] stepUp, double[] stepDown) {
    }

    private static final double GAS_CONSTANT = 8.314462618;

    /** exp(-E/R (1/T - 1/T_ref)): how an Arrhenius rate with activation energy E scales from T_ref to T. */
    static double arrhenius(double energy, double t, double tRef) {
        return Math.exp(-energy / GAS_CONSTANT * (1 / t - 1 / tRef));
    }

    public Result analyse(Design d, SensorSettings s) {
        if (!d.isFiber()) {
            throw new GlassGuideException(Messages.FIBER_LAYERS, "a fiber whose core phosphoresces for oxygen sensing", 0);
        }
        Material core = d.fiber().layers().get(0).material();
        List<String> notes = new ArrayList<>();
        double tau;
        String tauSource;
        if (!Double.isNaN(s.lifetime())) {
            tau = s.lifetime();
            tauSource = "set in the design";
        } else {
            SourcedValue lt = core.luminescenceData().map(Luminescence::properties).map(p -> p.get("lifetime")).orElse(null);
            if (lt == null) {
                throw new GlassGuideException(Messages.MISSING_KEY, "sensor.lifetime", "the design (" + core.name()
                        + " has no phosphorescence lifetime in the catalog: give one)");
            }
            tau = lt.value();
            tauSource = lt.provenance().toString();
        }
        SternVolmer reference;
        String kSource;
        if (!s.sites().isEmpty()) {
            reference = new SternVolmer(s.sites(), tau);
            kSource = "set in the design, " + s.sites().size() + " sites";
            notes.add("the sites share one unquenched lifetime; the lifetime given at each O2 level is the mean of the afterglow (each site's "
                    + "lifetime weighted by its share of the steady light)");
        } else if (Double.isNaN(s.kSv())) {
            reference = SternVolmer.oneSite(SternVolmer.kForDetectionLimit(s.detectionLimit(), s.relativeNoise(), s.sigmas()), tau);
            kSource = String.format(Locale.ROOT, "calibrated so that %.3g %% O2 changes the intensity by %.3g sigma of %.3g %% noise", s.detectionLimit(),
                    s.sigmas(), 100 * s.relativeNoise());
            notes.add("K_SV is not measured here: it is the value that reproduces the detection limit given, under the noise model given; "
                    + "a measured K_SV (sensor.k-sv) replaces it");
        } else {
            reference = SternVolmer.oneSite(s.kSv(), tau);
            kSource = "set in the design";
        }
        Thermal thermal = thermal(reference, s);
        SternVolmer m = atTemperature(reference, s, thermal.operating());
        if (thermal.operating() != thermal.reference()) {
            notes.add(String.format(Locale.ROOT, "K_SV and the lifetime are given at %.2f K and used at %.2f K (x%.4g and x%.4g)", thermal.reference(),
                    thermal.operating(), m.kSv() / reference.kSv(), m.lifetime() / reference.lifetime()));
        }
        int n = 101;
        double[] p = new double[n];
        double[] ri = new double[n];
        double[] lt = new double[n];
        double[] res = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = s.maxOxygen() * i / (n - 1);
            ri[i] = m.relativeIntensity(p[i]);
            lt[i] = m.lifetime(p[i]);
            res[i] = m.resolution(p[i], s.relativeNoise(), s.sigmas());
        }
        double[] levels = {0, s.maxOxygen() / 20, s.maxOxygen() / 5, s.maxOxygen()};
        int nt = 200;
        double[] t = new double[nt];
        double[][] dec = new double[levels.length][nt];
        for (int j = 0; j < nt; j++) {
            t[j] = 5 * m.lifetime() * j / (nt - 1);
            for (int i = 0; i < levels.length; i++) {
                dec[i][j] = m.decay(levels[i], t[j]);
            }
        }
        double lod = m.detectionLimit(s.relativeNoise(), s.sigmas());
        if (Double.isInfinite(lod)) {
            notes.add(String.format(Locale.ROOT, "no O2 level is detectable: the light no O2 reaches (%.3g of it) keeps the intensity above 1 - %.3g "
                    + "sigma even in pure O2", m.unquenchableFraction(), s.sigmas()));
        }
        if (m.sites().size() > 1) {
            notes.add(String.format(Locale.ROOT, "the Stern-Volmer plot curves down: initial slope (apparent K_SV) %.4g per %% O2, curvature %.4g per "
                    + "(%% O2)^2 at 0 %%; I0/I levels off at %s", m.kSv(), m.initialCurvature(),
                    m.unquenchableFraction() > 0 ? String.format(Locale.ROOT, "%.4g in pure O2 and %.4g beyond", 1 / m.relativeIntensity(100),
                            1 / m.unquenchableFraction()) : String.format(Locale.ROOT, "%.4g in pure O2", 1 / m.relativeIntensity(100))));
        }
        double pure = m.relativeIntensity(100);
        // "fully quenched" read as under 5 % left in pure O2: I0/I = 20 at p = 100 %
        double kFull = (1 / 0.05 - 1) / 100;
        notes.add(String.format(Locale.ROOT, "in pure O2 the model leaves %.3f of the unquenched intensity (lifetime %.3g s); a glass known to be "
                + "fully quenched there needs a one-site K_SV above ~%.2g per %% O2 (under 5 %% left), which under this noise model would mean a "
                + "detection limit of %.2g %% O2", pure, m.lifetime(100), kFull,
                SternVolmer.oneSite(kFull, tau).detectionLimit(s.relativeNoise(), s.sigmas())));
        notes.add("intensities are relative to the unquenched level; the fraction the fiber guides to its end face (glassguide emission) "
                + "scales them all alike and does not depend on O2");
        notes.add(String.format(Locale.ROOT, "temperature: K_SV = k_q tau0 with k_q (and the O2 diffusion coefficient) Arrhenius in %.3g kJ/mol (%s) "
                + "and tau0 in %.3g kJ/mol (%s); uncompensated, 1 K of warming reads as %+.3g %% O2 at %.3g %% O2", thermal.quenchingActivation() / 1e3,
                thermal.quenchingSource(), thermal.lifetimeActivation() / 1e3, thermal.lifetimeSource(), thermal.crossSensitivity(), s.maxOxygen()));
        Response response = response(d, s, m, thermal);
        notes.add(String.format(Locale.ROOT, "response: O2 diffuses into a %s of %s %.4g um (%s) with D = %.3g m^2/s at the operating temperature "
                + "(%s); 90 %% of the intensity change takes %.4g s after a step 0 -> %.3g %% O2 and %.4g s back (the light is the volume mean of the "
                + "local quenching, so the two differ)", response.geometry() == OxygenDiffusion.Geometry.FILM ? "film (one face exposed)" : "cylinder",
                response.geometry() == OxygenDiffusion.Geometry.FILM ? "thickness" : "radius", response.size() * 1e6, response.sizeSource(),
                response.coefficient(), response.coefficientSource(), response.responseT90(), s.maxOxygen(), response.recoveryT90()));
        return new Result(core.name(), m, kSource, tauSource, lod, p, ri, lt, res, t, dec, levels, thermal, response, notes);
    }

    private static double quenchingActivation(SensorSettings s) {
        return Double.isNaN(s.temperature().quenchingActivation()) ? SensorSettings.ASSUMED_QUENCHING_ACTIVATION : s.temperature().quenchingActivation();
    }

    private static double lifetimeActivation(SensorSettings s) {
        return Double.isNaN(s.temperature().lifetimeActivation()) ? 0 : s.temperature().lifetimeActivation();
    }

    /** The reference model at temperature t: tau0 x exp(E_tau/R (1/T - 1/T_ref)), K_SV = k_q tau0 with k_q Arrhenius in E_q. */
    private static SternVolmer atTemperature(SternVolmer reference, SensorSettings s, double t) {
        double tRef = s.temperature().reference();
        double lifetimeScale = 1 / arrhenius(lifetimeActivation(s), t, tRef);
        return reference.scaled(arrhenius(quenchingActivation(s), t, tRef) * lifetimeScale, lifetimeScale);
    }

    private static Thermal thermal(SternVolmer reference, SensorSettings s) {
        SensorSettings.Temperature st = s.temperature();
        String qSource = Double.isNaN(st.quenchingActivation()) ? "assumed: typical of O2 diffusion in glassy matrices, 15-30 kJ/mol; none is "
                + "published for this glass (set sensor.quenching-activation)" : "set in the design";
        String lSource = Double.isNaN(st.lifetimeActivation()) ? "assumed: no thermally activated non-radiative decay; none is published "
                + "(set sensor.lifetime-activation)" : "set in the design";
        int nT = 13;
        double[] temps = new double[nT];
        double[] k = new double[nT];
        double[] lt = new double[nT];
        double[] im = new double[nT];
        for (int i = 0; i < nT; i++) {
            temps[i] = st.operating() - 30 + 5 * i;
            SternVolmer mi = atTemperature(reference, s, temps[i]);
            k[i] = mi.kSv();
            lt[i] = mi.lifetime();
            im[i] = mi.relativeIntensity(s.maxOxygen());
        }
        // the O2 error of an uncompensated reading per kelvin of warming: the change in I, read back through dI/dp at T_op
        double p = s.maxOxygen();
        double dIdT = (atTemperature(reference, s, st.operating() + 0.5).relativeIntensity(p)
                - atTemperature(reference, s, st.operating() - 0.5).relativeIntensity(p));
        double cross = dIdT / atTemperature(reference, s, st.operating()).slope(p);
        return new Thermal(st.operating(), st.reference(), quenchingActivation(s), qSource, lifetimeActivation(s), lSource, temps, k, lt, im, cross);
    }

    private static Response response(Design d, SensorSettings s, SternVolmer m, Thermal thermal) {
        SensorSettings.Diffusion sd = s.diffusion();
        double size = sd.size();
        String sizeSource = "set in the design";
        if (Double.isNaN(size)) {
            size = d.fiber().layers().get(0).outerRadius();
            sizeSource = "the core's radius: O2 entering through the core's surface (a bare core)";
        }
        double dRef = Double.isNaN(sd.coefficient()) ? SensorSettings.ASSUMED_DIFFUSION : sd.coefficient();
        String dSource = Double.isNaN(sd.coefficient()) ? String.format(Locale.ROOT, "assumed %.3g m^2/s at the reference temperature: O2 in "
                + "glassy matrices spans 1e-13 to 1e-10 m^2/s and none is published for this glass (set sensor.diffusion.coefficient)", dRef)
                : "set in the design";
        double coefficient = dRef * arrhenius(thermal.quenchingActivation(), thermal.operating(), thermal.reference());
        OxygenDiffusion diff = new OxygenDiffusion(sd.geometry(), size, coefficient, 200);
        double up = diff.timeTo(m, 0, s.maxOxygen(), 0.9);
        double down = diff.timeTo(m, s.maxOxygen(), 0, 0.9);
        int nt = 121;
        double[] times = new double[nt];
        double[] stepUp = new double[nt];
        double[] stepDown = new double[nt];
        double end = 2 * Math.max(up, down);
        for (int i = 0; i < nt; i++) {
            times[i] = end * i / (nt - 1);
            stepUp[i] = diff.intensity(m, 0, s.maxOxygen(), times[i]);
            stepDown[i] = diff.intensity(m, s.maxOxygen(), 0, times[i]);
        }
        return new Response(sd.geometry(), size, sizeSource, coefficient, dSource, up, down, times, stepUp, stepDown);
    }

    @Override
    public String name() {
        return SensorSettings.SECTION;
    }

    @Override
    public String section() {
        return SensorSettings.SECTION;
    }

    @Override
    public Object readSection(YamlNode node, SectionContext context) {
        return SensorSectionReader.readSensor(node);
    }

    @Override
    public boolean needsFiber() {
        return true;
    }

    @Override
    public Result run(Design design, AnalysisContext context) {
        return analyse(design, SensorSettings.of(design));
    }

    /** One row: the calibration and the figures of merit at the highest oxygen level. */
    @Override
    public List<Map<String, Double>> outputs(Result r) {
        int last = r.oxygen().length - 1;
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("kSvPerPercentO2", r.model().kSv());
        m.put("detectionLimitPercentO2", r.detectionLimit());
        m.put("relativeIntensityAtMaxO2", r.relativeIntensity()[last]);
        m.put("resolutionAtMaxO2Percent", r.resolution()[last]);
        m.put("crossSensitivityPercentO2PerK", r.thermal().crossSensitivity());
        m.put("responseT90S", r.response().responseT90());
        m.put("recoveryT90S", r.response().recoveryT90());
        return List.of(m);
    }
}
