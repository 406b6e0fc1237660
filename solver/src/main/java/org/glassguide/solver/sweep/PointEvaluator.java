package org.glassguide.solver.sweep;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.glassguide.materials.catalog.MaterialLibrary;
import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.bpm.BeamPropagator;
import org.glassguide.solver.bpm.BpmAnalysis;
import org.glassguide.solver.codraw.CoDrawAnalysis;
import org.glassguide.solver.codraw.CoDrawResult;
import org.glassguide.solver.compute.CpuBackend;
import org.glassguide.solver.design.Design;
import org.glassguide.solver.design.DesignReader;
import org.glassguide.solver.fd.FdAnalysisResult;
import org.glassguide.solver.fiber.FiberAnalysis;
import org.glassguide.solver.radial.ModeReport;
import org.glassguide.solver.radial.RadialAnalysisResult;
import org.glassguide.solver.run.DesignResult;
import org.glassguide.solver.run.DesignRunner;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Turns one sweep point into a design (the base design's YAML with the point's values set at their paths, read by
 * the same reader as any design file) and runs the sweep's analysis on it, giving named scalar outputs: one row
 * per design wavelength (codraw's window outputs repeat on each). The same code runs on local threads and on
 * Spark executors. Stateless apart from its inputs: safe to share between threads.
 */
public final class PointEvaluator {
    private final SweepSpec spec;
    private final MaterialLibrary library;
    private final org.glassguide.solver.compute.ComputeBackend backend;

    public PointEvaluator(SweepSpec spec, MaterialLibrary library) {
        this(spec, library, new CpuBackend());
    }

    /** backend: where bpm points propagate (--device). */
    public PointEvaluator(SweepSpec spec, MaterialLibrary library, org.glassguide.solver.compute.ComputeBackend backend) {
        this.spec = spec;
        this.library = library;
        this.backend = backend;
    }

    /** "core diameter = 10 um, wavelength = 633 nm", for messages. */
    public static String describe(Map<Parameter, Object> point) {
        List<String> parts = new ArrayList<>();
        point.forEach((p, v) -> parts.add(p.name() + " = " + v));
        return String.join(", ", parts);
    }

    /** The design of a point; bad values become a message naming the point. */
    @SuppressWarnings("unchecked")
    public Design design(int index, Map<Parameter, Object> point) {
        Object tree = new Yaml(new LoaderOptions()).load(spec.designText());
        String where = "sweep point " + (index + 1) + " (" + describe(point) + ")";
        for (Map.Entry<Parameter, Object> e : point.entrySet()) {
            Parameter p = e.getKey();
            Object value = e.getValue();
            DesignPath path = p.path();
            // "wavelength" is shorthand for a single-wavelength list
            if (path.text().equals("wavelength")) {
                path = new DesignPath("wavelengths");
                value = value instanceof List ? value : List.of(value);
            }
            try {
                path.set(tree, value);
            } catch (IllegalArgumentException ex) {
                throw new GlassGuideException(spec.source(), org.glassguide.materials.errors.Messages.OUT_OF_RANGE, "parameter path",
                        p.path().text(), "a path that exists in " + spec.designFile().getFileName() + " (" + ex.getMessage() + ")");
            }
        }
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        String text = new Yaml(o).dump(tree);
        Path base = spec.designFile().toAbsolutePath().getParent();
        try {
            return new DesignReader(library).read(where, new StringReader(text), base);
        } catch (GlassGuideException ex) {
            // the line numbers of the patched text mean nothing to the user: name the point instead
            throw new GlassGuideException(where, ex.key(), ex.args());
        }
    }

    /** Runs the analysis on a point's design: rows of named outputs (one per wavelength). */
    public List<Map<String, Double>> evaluate(Design d, Consumer<String> warnings, ProgressMonitor monitor) {
        List<Map<String, Double>> rows = new ArrayList<>();
        switch (spec.analysis()) {
            case "fiber": {
                DesignResult r = new DesignRunner().run(d.with(List.of("fiber"), d.options(), d.solver()), warnings, monitor);
                for (FiberAnalysis a : r.fiberAnalyses()) {
                    rows.add(a.outputs());
                }
                break;
            }
            case "modes": {
                DesignResult r = new DesignRunner().run(d.with(List.of("modes"), d.options(), d.solver()), warnings, monitor);
                for (RadialAnalysisResult a : r.modeAnalyses()) {
                    Map<String, Double> m = new LinkedHashMap<>();
                    m.put("wavelengthM", a.wavelength());
                    m.put("guidedModeCount", (double) a.modes().modeCount());
                    modes(m, a.listed());
                    rows.add(m);
                }
                for (FdAnalysisResult a : r.fdAnalyses()) {
                    Map<String, Double> m = new LinkedHashMap<>();
                    m.put("wavelengthM", a.wavelength());
                    m.put("modesFound", (double) a.listed().size());
                    modes(m, a.listed());
                    rows.add(m);
                }
                break;
            }
            case "codraw": {
                CoDrawResult r = new CoDrawAnalysis().analyse(d, d.codraw(), warnings, monitor);
                Map<String, Double> common = new LinkedHashMap<>();
                common.put("coViscousFromK", r.coViscous().from());
                common.put("coViscousToK", r.coViscous().to());
                common.put("coViscousWidthK", r.coViscous().width());
                common.put("moltenCoreFromK", r.moltenCore().from());
                common.put("moltenCoreToK", r.moltenCore().to());
                common.put("moltenCoreWidthK", r.moltenCore().width());
                common.put("drawnCoreDiameterM", r.drawn().coreDiameter());
                common.put("drawnOuterDiameterM", r.drawn().outerDiameter());
                if (r.drawn().optics().isEmpty()) {
                    rows.add(common);
                }
                for (FiberAnalysis a : r.drawn().optics()) {
                    Map<String, Double> m = new LinkedHashMap<>(common);
                    m.putAll(a.outputs());
                    rows.add(m);
                }
                break;
            }
            case "bpm": {
                for (double wl : d.wavelengths()) {
                    BpmAnalysis.Result r = new BpmAnalysis().run(d, wl, backend, null, 1, warnings, monitor);
                    if (r.run().cancelled()) {
                        throw new ProgressMonitor.CancelledException();
                    }
                    BeamPropagator.Result b = r.run();
                    Map<String, Double> m = new LinkedHashMap<>();
                    m.put("wavelengthM", wl);
                    m.put("lossDbPerCm", b.regionLossDbPerCm());
                    m.put("powerChange", b.powerChange());
                    m.put("measuredNA", r.measuredNa());
                    m.put("referenceIndex", b.referenceIndex());
                    rows.add(m);
                }
                break;
            }
            case "loss": {
                org.glassguide.solver.loss.LossResult r = new org.glassguide.solver.loss.LossBudget().analyse(d, d.loss(), warnings, monitor);
                for (org.glassguide.solver.loss.LossResult.Row row : r.rows()) {
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
                break;
            }
            case "emission": {
                if (d.emission() == null) {
                    throw new GlassGuideException(spec.source(), org.glassguide.materials.errors.Messages.MISSING_KEY, "emission",
                            spec.designFile().getFileName() + " (analysis: emission needs an emission: section)");
                }
                org.glassguide.solver.emission.EmissionAnalysis.Result r = new org.glassguide.solver.emission.EmissionAnalysis().analyse(d,
                        d.emission(), warnings, monitor);
                for (org.glassguide.solver.emission.EmissionAnalysis.LengthResult l : r.lengths()) {
                    Map<String, Double> m = new LinkedHashMap<>();
                    m.put("lengthM", l.length());
                    m.put("trappedBound", l.fraction(l.tally().firstBound));
                    m.put("trappedTunnelling", l.fraction(l.tally().firstTunnelling));
                    m.put("outputFraction", l.fraction(l.tally().output));
                    m.put("outputPeakWavelengthM", l.peakWavelength());
                    m.put("outputCieX", l.chromaticity()[0]);
                    m.put("outputCieY", l.chromaticity()[1]);
                    m.put("outputNA95BoundRays", l.na95Bound());
                    rows.add(m);
                }
                break;
            }
            case "sensor": {
                if (d.sensor() == null) {
                    throw new GlassGuideException(spec.source(), org.glassguide.materials.errors.Messages.MISSING_KEY, "sensor",
                            spec.designFile().getFileName() + " (analysis: sensor needs a sensor: section)");
                }
                org.glassguide.solver.sensor.SensorAnalysis.Result r = new org.glassguide.solver.sensor.SensorAnalysis().analyse(d, d.sensor());
                int last = r.oxygen().length - 1;
                Map<String, Double> m = new LinkedHashMap<>();
                m.put("kSvPerPercentO2", r.model().kSv());
                m.put("detectionLimitPercentO2", r.detectionLimit());
                m.put("relativeIntensityAtMaxO2", r.relativeIntensity()[last]);
                m.put("resolutionAtMaxO2Percent", r.resolution()[last]);
                rows.add(m);
                break;
            }
            case "gain": {
                if (d.gain() == null) {
                    throw new GlassGuideException(spec.source(), org.glassguide.materials.errors.Messages.MISSING_KEY, "gain",
                            spec.designFile().getFileName() + " (analysis: gain needs a gain: section)");
                }
                org.glassguide.solver.gain.GainAnalysis.Result r = new org.glassguide.solver.gain.GainAnalysis().analyse(d, d.gain(), warnings,
                        ProgressMonitor.NONE, false);
                rows.add(new LinkedHashMap<>(org.glassguide.solver.gain.GainAnalysis.outputs(r)));
                break;
            }
            default:
                throw new IllegalStateException("unknown analysis " + spec.analysis());
        }
        if (!spec.outputs().isEmpty()) {
            List<Map<String, Double>> kept = new ArrayList<>();
            for (Map<String, Double> r : rows) {
                Map<String, Double> k = new LinkedHashMap<>();
                // the row's coordinate (wavelength, or length for emission) stays with it
                for (String coord : List.of("wavelengthM", "lengthM")) {
                    if (r.containsKey(coord)) {
                        k.put(coord, r.get(coord));
                    }
                }
                for (String o : spec.outputs()) {
                    if (!r.containsKey(o)) {
                        throw new GlassGuideException(spec.source(), org.glassguide.materials.errors.Messages.BAD_CHOICE, "outputs", o,
                                String.join(", ", r.keySet()));
                    }
                    k.put(o, r.get(o));
                }
                kept.add(k);
            }
            return kept;
        }
        return rows;
    }

    private static void modes(Map<String, Double> m, List<ModeReport> listed) {
        for (int i = 0; i < Math.min(2, listed.size()); i++) {
            ModeReport r = listed.get(i);
            String k = "mode" + (i + 1) + ".";
            m.put(k + "nEff", r.nEff());
            m.put(k + "lossDbPerCm", r.lossDbPerCm());
            m.put(k + "effectiveAreaM2", r.effectiveArea());
            m.put(k + "confinement", r.confinement());
            m.put(k + "groupIndex", r.groupIndex());
        }
    }
}
