package org.glassguide.validation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.glassguide.materials.Material;
import org.glassguide.materials.MaterialLibrary;
import org.glassguide.materials.io.YamlNode;
import org.glassguide.materials.units.Units;
import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.fiber.GuidedMode;
import org.glassguide.solver.fiber.StepIndexFiber;
import org.glassguide.solver.fiber.StepIndexModeSolver;
import org.glassguide.solver.fiber.StepIndexModes;

/**
 * Runs the reference cases kept as data files (resources under org/glassguide/validation/cases, each
 * with its source) against the solvers. Behind `glassguide validate` and run in `mvn verify`.
 */
public final class ValidationRunner {
    private static final String CASES = "/org/glassguide/validation/cases/";
    private final StepIndexModeSolver solver = new StepIndexModeSolver();
    private final MaterialLibrary library;

    public ValidationRunner(MaterialLibrary library) {
        this.library = library;
    }

    /** The case files, in order. */
    public static List<String> caseFiles() {
        try (InputStream in = ValidationRunner.class.getResourceAsStream(CASES + "index.txt")) {
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::trim)
                    .filter(s -> !s.isEmpty() && !s.startsWith("#")).collect(Collectors.toList());
        } catch (IOException e) {
            throw new IllegalStateException("validation case index unreadable", e);
        }
    }

    public List<ValidationRow> runAll(Consumer<String> progress) {
        List<ValidationRow> rows = new ArrayList<>();
        for (String f : caseFiles()) {
            progress.accept(f);
            rows.addAll(runCase(f));
        }
        return rows;
    }

    public List<ValidationRow> runCase(String file) {
        YamlNode c;
        try (InputStream in = ValidationRunner.class.getResourceAsStream(CASES + file)) {
            if (in == null) {
                throw new IllegalStateException("validation case missing: " + file);
            }
            c = YamlNode.parse("cases/" + file, new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String id = c.require("id").text();
        String source = c.require("source").text().replaceAll("\\s+", " ").trim();
        String kind = c.require("kind").text();
        switch (kind) {
            case "lp-cutoffs":
                return lpCutoffs(c, id, source);
            case "vector-neff":
                return vectorNeff(c, id, source);
            case "lp-count":
                return lpCount(c, id, source);
            case "catalog-na":
                return catalogNa(c, id, source);
            default:
                throw new IllegalStateException(file + ": unknown case kind " + kind);
        }
    }

    private static StepIndexFiber fiber(YamlNode f, double nCore) {
        return new StepIndexFiber(f.require("radius").quantity(Units::length),
                nCore, f.require("nClad").number(), f.require("wavelength").quantity(Units::wavelength));
    }

    private List<ValidationRow> lpCutoffs(YamlNode c, String id, String source) {
        YamlNode f = c.require("fiber");
        double a = f.require("radius").quantity(Units::length);
        double n2 = f.require("nClad").number();
        double lambda = f.require("wavelength").quantity(Units::wavelength);
        double tol = c.require("tolerance").number();
        List<ValidationRow> rows = new ArrayList<>();
        for (YamlNode e : c.require("expect").list()) {
            String mode = e.require("mode").text();
            double ref = e.require("v").number();
            // bisect on V: below the cutoff the solver must not find the mode, above it must
            double lo = ref - 0.5;
            double hi = ref + 0.5;
            if (guides(a, n2, lambda, lo, mode) || !guides(a, n2, lambda, hi, mode)) {
                rows.add(new ValidationRow(id, mode + " cutoff V", ref, Double.NaN, tol, source));
                continue;
            }
            while (hi - lo > 1e-9) {
                double mid = 0.5 * (lo + hi);
                if (guides(a, n2, lambda, mid, mode)) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            rows.add(new ValidationRow(id, mode + " cutoff V", ref, 0.5 * (lo + hi), tol, source));
        }
        return rows;
    }

    private boolean guides(double a, double n2, double lambda, double v, String mode) {
        double na = v * lambda / (2 * Math.PI * a);
        double n1 = Math.sqrt(n2 * n2 + na * na);
        StepIndexModes m = solver.solve(new StepIndexFiber(a, n1, n2, lambda), false, ProgressMonitor.NONE);
        return m.lpModes().stream().anyMatch(g -> g.name().equals(mode));
    }

    private List<ValidationRow> vectorNeff(YamlNode c, String id, String source) {
        YamlNode f = c.require("fiber");
        StepIndexModes m = solver.solve(fiber(f, f.require("nCore").number()), true, ProgressMonitor.NONE);
        Map<String, GuidedMode> byName = m.vectorModes().stream().collect(Collectors.toMap(GuidedMode::name, g -> g));
        List<ValidationRow> rows = new ArrayList<>();
        for (YamlNode e : c.require("expect").list()) {
            String mode = e.require("mode").text();
            GuidedMode g = byName.get(mode);
            rows.add(new ValidationRow(id, mode + " n_eff", e.require("nEff").number(), g == null ? Double.NaN : g.nEff(),
                    e.require("tolerance").number(), source));
        }
        return rows;
    }

    private List<ValidationRow> lpCount(YamlNode c, String id, String source) {
        YamlNode f = c.require("fiber");
        StepIndexModes m = solver.solve(fiber(f, f.require("nCore").number()), false, ProgressMonitor.NONE);
        YamlNode e = c.require("expect");
        return List.of(new ValidationRow(id, "guided LP mode groups", e.require("count").number(), m.lpGroupCount(), 0, source),
                new ValidationRow(id, "LP01 u", e.require("lp01U").number(), m.fundamental().u(),
                        e.require("lp01UTolerance").number(), source));
    }

    private List<ValidationRow> catalogNa(YamlNode c, String id, String source) {
        Material core = library.get(c.require("core").text());
        Material clad = library.get(c.require("clad").text());
        double lambda = c.require("wavelength").quantity(Units::wavelength);
        double n1 = core.n(lambda, false, w -> { });
        double n2 = clad.n(lambda, false, w -> { });
        YamlNode e = c.require("expect");
        return List.of(new ValidationRow(id, "NA at " + Units.nm(lambda) + " nm", e.require("na").number(),
                new StepIndexFiber(1e-6, n1, n2, lambda).numericalAperture(), e.require("tolerance").number(), source));
    }
}
