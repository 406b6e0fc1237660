package org.glassguide.validation;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.glassguide.materials.catalog.MaterialLibrary;
import org.glassguide.materials.yaml.YamlNode;
import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.design.Design;
import org.glassguide.solver.designfile.DesignReader;
import org.glassguide.solver.fiber.FiberAnalysis;
import org.glassguide.solver.run.DesignRunner;
import org.glassguide.solver.sweep.PointResult;
import org.glassguide.solver.sweep.SweepReader;
import org.glassguide.solver.sweep.SweepRunner;
import org.glassguide.solver.sweep.SweepSpec;

/** A sweep's rows against single runs of the same points, the designs written out by hand. */
final class SweepValidation {
    private SweepValidation() {
    }

    static List<ValidationRow> equalsSingleRuns(YamlNode c, String id, String source, MaterialLibrary library) {
        String template = c.require("design").text();
        List<String> diameters = c.require("diameters").list().stream().map(YamlNode::text).toList();
        List<String> wavelengths = c.require("wavelengths").list().stream().map(YamlNode::text).toList();
        List<String> outputs = List.of("vNumber", "guidedLpModeCount", "cutoffWavelengthLP11M", "modeFieldDiameterM");
        try (TempFolder tmp = new TempFolder("glassguide-sweep-check")) {
            Path dir = tmp.path();
            Files.writeString(dir.resolve("design.yaml"), template.replace("DIAMETER", diameters.get(0)).replace("WAVELENGTH",
                    wavelengths.get(0)), StandardCharsets.UTF_8);
            StringBuilder s = new StringBuilder("format: glassguide-sweep/1\nname: check\ndesign: design.yaml\nanalysis: fiber\nparameters:\n"
                    + "  - path: structure.fiber.layers[0].diameter\n    values: [" + String.join(", ", diameters) + "]\n"
                    + "  - path: wavelength\n    values: [" + String.join(", ", wavelengths) + "]\n");
            Files.writeString(dir.resolve("sweep.yaml"), s, StandardCharsets.UTF_8);
            SweepSpec spec = SweepReader.read(dir.resolve("sweep.yaml"));
            SweepRunner.Outcome o = new SweepRunner(spec, library).run(dir.resolve("out"), 2, w -> { }, ProgressMonitor.NONE);
            double[] worst = new double[outputs.size()];
            int n = 0;
            for (PointResult r : o.results()) {
                int di = r.point() / wavelengths.size();
                int wi = r.point() % wavelengths.size();
                String text = template.replace("DIAMETER", diameters.get(di)).replace("WAVELENGTH", wavelengths.get(wi));
                Design d = new DesignReader(library).read("single", new StringReader(text), dir);
                FiberAnalysis a = new DesignRunner().run(d, w -> { }, ProgressMonitor.NONE).fiberAnalyses().get(0);
                double[] single = {a.vNumber(), a.modes().lpGroupCount(), a.cutoffWavelengthLP11(), a.modeFieldDiameter()};
                Map<String, Double> row = r.rows().get(0);
                for (int k = 0; k < outputs.size(); k++) {
                    Double v = row.get(outputs.get(k));
                    worst[k] = Math.max(worst[k], v == null ? Double.POSITIVE_INFINITY : Math.abs(v - single[k]));
                }
                n++;
            }
            List<ValidationRow> rows = new ArrayList<>();
            rows.add(new ValidationRow(id, "points computed by the sweep", diameters.size() * wavelengths.size(), n, 0, source));
            for (int k = 0; k < outputs.size(); k++) {
                rows.add(new ValidationRow(id, "largest difference sweep vs single run, " + outputs.get(k), 0, worst[k], 0, source));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
