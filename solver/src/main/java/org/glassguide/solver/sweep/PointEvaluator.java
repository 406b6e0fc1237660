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
import org.glassguide.materials.yaml.YamlNode;
import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.analysis.Analyses;
import org.glassguide.solver.analysis.Analysis;
import org.glassguide.solver.analysis.AnalysisContext;
import org.glassguide.solver.compute.CpuBackend;
import org.glassguide.solver.design.Design;
import org.glassguide.solver.designfile.DesignReader;

/**
 * Turns one sweep point into a design (the base design's document with the point's values set at their paths, read
 * by the same reader as any design file) and runs the sweep's analysis on it, giving named scalar outputs: one row
 * per design wavelength (codraw's window outputs repeat on each). The same code runs on local threads and on
 * Spark executors. Stateless apart from its inputs: safe to share between threads.
 */
public final class PointEvaluator {
    private final SweepSpec spec;
    private final MaterialLibrary library;
    private final org.glassguide.solver.compute.ComputeBackend backend;
    private final YamlNode base;
    private final Path baseDir;
    private final DesignReader reader;
    private final Analysis<?> analysis;

    public PointEvaluator(SweepSpec spec, MaterialLibrary library) {
        this(spec, library, new CpuBackend());
    }

    /** backend: where bpm points propagate (--device). */
    public PointEvaluator(SweepSpec spec, MaterialLibrary library, org.glassguide.solver.compute.ComputeBackend backend) {
        this.spec = spec;
        this.library = library;
        this.backend = backend;
        // parsed once; every point's document shares all but the values it changes
        this.base = YamlNode.parse(spec.designFile().toString(), new StringReader(spec.designText()));
        this.baseDir = spec.designFile().toAbsolutePath().getParent();
        // the registry as this thread sees it: points are read and run on worker threads
        this.reader = new DesignReader(library);
        this.analysis = Analyses.named(spec.analysis());
        if (analysis == null) {
            throw new IllegalStateException("unknown analysis " + spec.analysis());
        }
    }

    /** "core diameter = 10 um, wavelength = 633 nm", for messages. */
    public static String describe(Map<Parameter, Object> point) {
        List<String> parts = new ArrayList<>();
        point.forEach((p, v) -> parts.add(p.name() + " = " + v));
        return String.join(", ", parts);
    }

    /**
     * The design of a point: the base design's document with the point's values set at their paths, read by the same
     * reader as any design file (no text is written or parsed again); bad values become a message naming the point.
     */
    public Design design(int index, Map<Parameter, Object> point) {
        YamlNode document = base;
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
                document = document.with(path.steps(), value);
            } catch (IllegalArgumentException ex) {
                throw new GlassGuideException(spec.source(), org.glassguide.materials.errors.Messages.OUT_OF_RANGE, "parameter path",
                        p.path().text(), "a path that exists in " + spec.designFile().getFileName() + " (" + ex.getMessage() + ")");
            }
        }
        try {
            return reader.read(document, baseDir);
        } catch (GlassGuideException ex) {
            // the value came from the sweep, not the file: name the point
            throw new GlassGuideException(where, ex.key(), ex.args());
        }
    }

    /** Runs the analysis on a point's design: rows of named outputs (one per wavelength, or per length). */
    public List<Map<String, Double>> evaluate(Design d, Consumer<String> warnings, ProgressMonitor monitor) {
        if (analysis.lacksSection(d)) {
            throw new GlassGuideException(spec.source(), org.glassguide.materials.errors.Messages.MISSING_KEY, analysis.section(),
                    spec.designFile().getFileName() + " (analysis: " + analysis.name() + " " + analysis.needsSectionWords() + ")");
        }
        // one thread a point: the sweep runs its points in parallel
        AnalysisContext context = new AnalysisContext(warnings, monitor, backend, 1, true);
        List<Map<String, Double>> rows = rows(analysis, d.withAnalyses(List.of(analysis.name())), context);
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

    private static <R> List<Map<String, Double>> rows(Analysis<R> analysis, Design d, AnalysisContext context) {
        return analysis.outputs(analysis.run(d, context));
    }
}
