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
    /** The model, where K_SV came from, and the tables over the O2 range. */
    public record Result(String material, SternVolmer model, String kSource, String lifetimeSource, double detectionLimit, double[] oxygen,
            double[] relativeIntensity, double[] lifetime, double[] resolution, double[] decayTimes, double[][] decays, double[] decayOxygen,
            List<String> notes) {
        public Result {
            notes = List.copyOf(notes);
        }
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
        double k;
        String kSource;
        if (Double.isNaN(s.kSv())) {
            k = SternVolmer.kForDetectionLimit(s.detectionLimit(), s.relativeNoise(), s.sigmas());
            kSource = String.format(Locale.ROOT, "calibrated so that %.3g %% O2 changes the intensity by %.3g sigma of %.3g %% noise", s.detectionLimit(),
                    s.sigmas(), 100 * s.relativeNoise());
            notes.add("K_SV is not measured here: it is the value that reproduces the detection limit given, under the noise model given; "
                    + "a measured K_SV (sensor.k-sv) replaces it");
        } else {
            k = s.kSv();
            kSource = "set in the design";
        }
        SternVolmer m = new SternVolmer(k, tau);
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
            t[j] = 5 * tau * j / (nt - 1);
            for (int i = 0; i < levels.length; i++) {
                dec[i][j] = m.decay(levels[i], t[j]);
            }
        }
        double pure = m.relativeIntensity(100);
        // "fully quenched" read as under 5 % left in pure O2: I0/I = 20 at p = 100 %
        double kFull = (1 / 0.05 - 1) / 100;
        notes.add(String.format(Locale.ROOT, "in pure O2 the model leaves %.3f of the unquenched intensity (lifetime %.3g s); a glass known to be "
                + "fully quenched there needs K_SV above ~%.2g per %% O2 (under 5 %% left), which under this noise model would mean a detection "
                + "limit of %.2g %% O2", pure, m.lifetime(100), kFull, new SternVolmer(kFull, tau).detectionLimit(s.relativeNoise(), s.sigmas())));
        notes.add("intensities are relative to the unquenched level; the fraction the fiber guides to its end face (glassguide emission) "
                + "scales them all alike and does not depend on O2");
        return new Result(core.name(), m, kSource, tauSource, m.detectionLimit(s.relativeNoise(), s.sigmas()), p, ri, lt, res, t, dec, levels, notes);
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
        return List.of(m);
    }
}
