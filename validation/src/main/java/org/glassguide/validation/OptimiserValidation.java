package org.glassguide.validation;

import java.io.IOException;
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
import org.glassguide.solver.optimise.DesignOptimisation;
import org.glassguide.solver.optimise.OptimisationReader;
import org.glassguide.solver.optimise.Optimiser;

/** The optimiser on analytic test functions with known optima, and on the single-mode cutoff of a step-index fiber. */
final class OptimiserValidation {
    private OptimiserValidation() {
    }

    static List<ValidationRow> analytic(YamlNode c, String id, String source) {
        List<ValidationRow> rows = new ArrayList<>();
        List<Optimiser.Variable> xy = List.of(new Optimiser.Variable("x", -2, 2, -1.2), new Optimiser.Variable("y", -2, 2, 1));
        for (String method : List.of("bobyqa", "cma-es")) {
            // Rosenbrock: minimum 0 at (1, 1) in a curved valley
            Optimiser.Result r = new Optimiser().optimise(xy, x -> Map.of("f", 100 * Math.pow(x[1] - x[0] * x[0], 2) + Math.pow(1 - x[0], 2)), "f",
                    false, List.of(), method, 5000, 7, ProgressMonitor.NONE);
            rows.add(new ValidationRow(id, "Rosenbrock, " + method + ": x at the minimum", 1, r.x()[0], 1e-4, source));
            rows.add(new ValidationRow(id, "Rosenbrock, " + method + ": y at the minimum", 1, r.x()[1], 1e-4, source));
        }
        // constrained: min x^2 + y^2 with x + y >= 1: (0.5, 0.5), f = 0.5, the constraint active
        List<Optimiser.Variable> box = List.of(new Optimiser.Variable("x", -2, 2, 1.5), new Optimiser.Variable("y", -2, 2, 1.5));
        Optimiser.Result r = new Optimiser().optimise(box, x -> Map.of("f", x[0] * x[0] + x[1] * x[1], "s", x[0] + x[1]), "f", false,
                List.of(new Optimiser.Constraint("s", 1, Double.NaN)), "cma-es", 5000, 7, ProgressMonitor.NONE);
        rows.add(new ValidationRow(id, "x^2 + y^2 with x + y >= 1, cma-es: minimum", 0.5, r.objective(), 1e-6, source));
        rows.add(new ValidationRow(id, "x^2 + y^2 with x + y >= 1, cma-es: x", 0.5, r.x()[0], 1e-3, source));
        return rows;
    }

    static List<ValidationRow> singleModeCutoff(YamlNode c, String id, String source, MaterialLibrary library) {
        double n1 = c.require("n-core").number();
        double n2 = c.require("n-clad").number();
        double lambdaUm = c.require("wavelength-um").number();
        try (TempFolder tmp = new TempFolder("glassguide-optimise-check")) {
            Path dir = tmp.path();
            Files.writeString(dir.resolve("fiber.yaml"), "format: glassguide/1\nname: smf\nstructure:\n  fiber:\n    layers:\n      - { material: { index: " + n1
                    + " }, diameter: 8 um }\n      - { material: { index: " + n2 + " }, diameter: 125 um }\nwavelengths: [" + lambdaUm
                    + " um]\nanalyses: [fiber]\n", StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("opt.yaml"), "format: glassguide-optimisation/1\nname: check\ndesign: fiber.yaml\nanalysis: fiber\n"
                    + "variables:\n  - name: core diameter\n    path: structure.fiber.layers[0].diameter\n    bounds: [2 um, 30 um]\n    start: 5 um\n"
                    + "objective: { maximise: vNumber }\nconstraints:\n  - { output: guidedLpModeCount, max: 1 }\nmethod: cma-es\nmax-evaluations: 800\n",
                    StandardCharsets.UTF_8);
            Optimiser.Result r = new DesignOptimisation(OptimisationReader.read(dir.resolve("opt.yaml")), library).run(w -> { },
                    ProgressMonitor.NONE);
            double j01 = 2.404825557695773;
            double na = Math.sqrt(n1 * n1 - n2 * n2);
            List<ValidationRow> rows = new ArrayList<>();
            rows.add(new ValidationRow(id, "V at the largest single-mode core", j01, r.objective(), 1e-6 * j01, source));
            double d = j01 * lambdaUm / (Math.PI * na);
            rows.add(new ValidationRow(id, "largest single-mode core diameter (um)", d, r.x()[0], 1e-6 * d, source));
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
