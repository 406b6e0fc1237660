package org.glassguide.validation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.glassguide.materials.Material;
import org.glassguide.materials.catalog.MaterialLibrary;
import org.glassguide.materials.units.Units;
import org.glassguide.materials.yaml.YamlNode;
import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.design.Shape;
import org.glassguide.solver.fd.CrossSection;
import org.glassguide.solver.fd.FdScalarModeSolver;
import org.glassguide.solver.fd.FdVectorModeSolver.Wall;
import org.glassguide.solver.fd.FdVectorModeSolver;
import org.glassguide.solver.fiber.GuidedMode;
import org.glassguide.solver.fiber.StepIndexFiber;
import org.glassguide.solver.fiber.StepIndexModeSolver;
import org.glassguide.solver.fiber.StepIndexModes;
import org.glassguide.solver.radial.LeakyModeSolver;
import org.glassguide.solver.radial.RadialIndexProfile;
import org.glassguide.solver.radial.RadialMode;
import org.glassguide.solver.radial.RadialModeSolver;
import org.glassguide.solver.radial.RadialModes;
import org.glassguide.solver.radial.RadialVectorModeSolver;
import org.glassguide.solver.special.RootFinder;

/**
 * Runs the reference cases kept as data files (resources under org/glassguide/validation/cases, each
 * with its source) against the solvers. Behind `glassguide validate` and run in `mvn verify`.
 */
public final class ValidationRunner {
    private static final String CASES = "/org/glassguide/validation/cases/";
    private final StepIndexModeSolver solver = new StepIndexModeSolver();
    private final MaterialLibrary library;

    /** One kind of reference case: its data file's node, id and source in, the rows it checks out. */
    @FunctionalInterface
    interface Check {
        List<ValidationRow> run(YamlNode c, String id, String source);
    }

    private final Map<String, Check> checks = new LinkedHashMap<>();

    public ValidationRunner(MaterialLibrary library) {
        this.library = library;
        // every case kind, by the name its data file gives
        check("lp-cutoffs", this::lpCutoffs);
        check("vector-neff", this::vectorNeff);
        check("lp-count", this::lpCount);
        check("catalog-na", this::catalogNa);
        check("radial-vs-exact", this::radialVsExact);
        check("radial-parabolic", this::radialParabolic);
        check("radial-convergence", this::radialConvergence);
        check("radial-vector-vs-exact", this::radialVector);
        check("radial-leaky", this::radialLeaky);
        check("fd-scalar-fiber", this::fdScalarFiber);
        check("hadley-rib", this::hadleyRib);
        check("hadley-corner", this::hadleyCorner);
        check("fd-vector-fiber", this::fdVectorFiber);
        check("fd-symmetry", this::fdSymmetry);
        check("fd-vector-slab-order", this::fdVectorSlabOrder);
        check("fd-vector-leaky-bend", this::fdVectorLeakyBend);
        check("bpm-gaussian-tilt", BpmValidation::gaussianTilt);
        check("bpm-mode", BpmValidation::modeStaysMode);
        check("bpm-wide-angle-mode", BpmValidation::wideAngleMode);
        check("bpm-absorption", BpmValidation::absorption);
        check("bpm-dz-order", BpmValidation::dzOrder);
        check("bpm-beating", BpmValidation::beating);
        check("bpm-bend", BpmValidation::bend);
        check("bpm-bend-user-path", BpmValidation::bendUserPath);
        check("bpm-diagonal-tilt", BpmValidation::diagonalTilt);
        check("bpm-dx-order", BpmValidation::dxOrder);
        check("bpm-acceptance", BpmValidation::acceptance);
        check("bpm-splice", BpmValidation::splice);
        check("bpm-index-function", BpmValidation::indexFunction);
        check("bpm-semivectorial", BpmValidation::semiVectorial);
        check("myega", CoDrawValidation::myega);
        check("viscosity-catalog", (c, id, source) -> CoDrawValidation.catalogCurves(c, id, source, library));
        check("draw-down", CoDrawValidation::drawDown);
        check("optimiser-analytic", OptimiserValidation::analytic);
        check("optimiser-single-mode", (c, id, source) -> OptimiserValidation.singleModeCutoff(c, id, source, library));
        check("loss-calibration", (c, id, source) -> LossValidation.calibration(c, id, source, library));
        check("loss-core-share", (c, id, source) -> LossValidation.coreShare(c, id, source, library));
        check("few-mode-shares", LossValidation::fewModeShares);
        check("loss-marcuse-bend", LossValidation::marcuseBend);
        check("loss-faces-coupling", LossValidation::facesAndCoupling);
        check("emission-ray-tracer", EmissionValidation::rayTracer);
        check("cie-1931", EmissionValidation::cie);
        check("mode-coupling", ModeCouplingValidation::sumOverModes);
        check("gain-published", (c, id, source) -> GainValidation.published(c, id, source, library));
        check("gain-saturable-absorption", (c, id, source) -> GainValidation.saturableAbsorption(c, id, source, library));
        check("gain-conservation", (c, id, source) -> GainValidation.conservation(c, id, source, library));
        check("gain-ase-spectrum", (c, id, source) -> GainValidation.aseSpectrum(c, id, source, library));
        check("stern-volmer", SensorValidation::sternVolmer);
        check("stern-volmer-two-site", SensorValidation::twoSite);
        check("oxygen-diffusion", SensorValidation::diffusion);
        check("sweep-vs-single", (c, id, source) -> SweepValidation.equalsSingleRuns(c, id, source, library));
    }

    private void check(String kind, Check check) {
        if (checks.putIfAbsent(kind, check) != null) {
            throw new IllegalStateException("case kind " + kind + " registered twice");
        }
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
        Check check = checks.get(kind);
        if (check == null) {
            throw new IllegalStateException(file + ": unknown case kind " + kind);
        }
        return check.run(c, id, source);
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

    private final RadialModeSolver radial = new RadialModeSolver();

    private static Map<String, Double> radialNEff(RadialModes m) {
        return m.modes().stream().collect(Collectors.toMap(RadialMode::name, RadialMode::nEff));
    }

    private List<ValidationRow> radialVsExact(YamlNode c, String id, String source) {
        YamlNode f = c.require("fiber");
        StepIndexFiber fiber = fiber(f, f.require("nCore").number());
        StepIndexModes exact = solver.solve(fiber, false, ProgressMonitor.NONE);
        RadialModes r = radial.solve(RadialIndexProfile.stepIndex(fiber.coreRadius(), fiber.nCore(), fiber.nClad()),
                fiber.wavelength(), new RadialModeSolver.Settings(c.require("pointsPerPeriod").number(), 0, 0), ProgressMonitor.NONE);
        Map<String, Double> got = radialNEff(r);
        Map<String, GuidedMode> ref = exact.lpModes().stream().collect(Collectors.toMap(GuidedMode::name, g -> g));
        double tol = c.require("tolerance").number();
        List<ValidationRow> rows = new ArrayList<>();
        for (YamlNode m : c.require("modes").list()) {
            String name = m.text();
            rows.add(new ValidationRow(id, name + " n_eff", ref.get(name).nEff(), got.getOrDefault(name, Double.NaN), tol, source));
        }
        rows.add(new ValidationRow(id, "guided LP groups", exact.lpGroupCount(), r.modes().size(),
                c.require("countTolerance").number(), source));
        return rows;
    }

    private List<ValidationRow> radialParabolic(YamlNode c, String id, String source) {
        YamlNode f = c.require("fiber");
        double a = f.require("radius").quantity(Units::length);
        double n1 = f.require("nCore").number();
        double delta = f.require("delta").number();
        double lambda = f.require("wavelength").quantity(Units::wavelength);
        RadialModes r = radial.solve(RadialIndexProfile.powerLaw(a, n1, n1 * Math.sqrt(1 - 2 * delta), 2), lambda,
                new RadialModeSolver.Settings(c.require("pointsPerPeriod").number(), 0, 0), ProgressMonitor.NONE);
        Map<String, Double> got = radialNEff(r);
        double k0 = 2 * Math.PI / lambda;
        double tol = c.require("tolerance").number();
        List<ValidationRow> rows = new ArrayList<>();
        for (YamlNode m : c.require("modes").list()) {
            String name = m.text();
            int l = Character.getNumericValue(name.charAt(2));
            int p = Character.getNumericValue(name.charAt(3)) - 1;
            double beta2 = k0 * k0 * n1 * n1 - 2 * k0 * n1 * Math.sqrt(2 * delta) * (2 * p + l + 1) / a;
            rows.add(new ValidationRow(id, name + " n_eff", Math.sqrt(beta2) / k0, got.getOrDefault(name, Double.NaN), tol, source));
        }
        return rows;
    }

    private List<ValidationRow> radialVector(YamlNode c, String id, String source) {
        YamlNode f = c.require("fiber");
        StepIndexFiber fiber = fiber(f, f.require("nCore").number());
        Map<String, Double> ref = solver.solve(fiber, true, ProgressMonitor.NONE).vectorModes().stream()
                .collect(Collectors.toMap(GuidedMode::name, GuidedMode::nEff));
        Map<String, Double> got = new RadialVectorModeSolver().solve(RadialIndexProfile.stepIndex(fiber.coreRadius(), fiber.nCore(),
                fiber.nClad()), fiber.wavelength(), new RadialModeSolver.Settings(c.require("pointsPerPeriod").number(), 0, 0),
                ProgressMonitor.NONE).stream().collect(Collectors.toMap(RadialVectorModeSolver.VectorMode::name,
                        RadialVectorModeSolver.VectorMode::nEff));
        double tol = c.require("tolerance").number();
        List<ValidationRow> rows = new ArrayList<>();
        for (YamlNode m : c.require("modes").list()) {
            String name = m.text();
            rows.add(new ValidationRow(id, name + " n_eff", ref.get(name), got.getOrDefault(name, Double.NaN), tol, source));
        }
        rows.add(new ValidationRow(id, "TE01 - TM01 splitting", ref.get("TE01") - ref.get("TM01"),
                got.getOrDefault("TE01", Double.NaN) - got.getOrDefault("TM01", Double.NaN), c.require("splittingTolerance").number(), source));
        return rows;
    }

    private double[] leakyLp01(double outerRadius, double pmlThickness) {
        double inf = Double.POSITIVE_INFINITY;
        double lambda = 1e-6;
        RadialIndexProfile p = new RadialIndexProfile(new double[] {5e-6, outerRadius}, new double[] {1.46, 1.45, 1.47},
                new double[] {1.46, 1.45, 1.47}, new double[] {inf, inf, inf}, new double[3]);
        RadialModes seed = radial.solve(p.withoutOuterLayer(), lambda, new RadialModeSolver.Settings(40, 0, 0), ProgressMonitor.NONE);
        RadialMode m = seed.modes().get(0);
        LeakyModeSolver ls = new LeakyModeSolver(p, lambda, seed.step(), 0, new LeakyModeSolver.Pml(2 * lambda, pmlThickness, 8));
        return ls.effectiveIndex(m.eigenvalue());
    }

    private List<ValidationRow> radialLeaky(YamlNode c, String id, String source) {
        List<YamlNode> radii = c.require("radii").list();
        double r1 = radii.get(0).quantity(Units::length);
        double r2 = radii.get(1).quantity(Units::length);
        double[] a = leakyLp01(r1, 10e-6);
        double[] b = leakyLp01(r2, 10e-6);
        double gamma2 = 2 * 2 * Math.PI / 1e-6 * Math.sqrt(a[0] * a[0] - 1.45 * 1.45);
        double slope = Math.log(a[1] / b[1]) / (r2 - r1);
        double thick = leakyLp01(r1, 20e-6)[1];
        return List.of(new ValidationRow(id, "d ln(loss)/dR (1/um)", gamma2 * 1e-6, slope * 1e-6,
                        c.require("slopeTolerance").number() * gamma2 * 1e-6, source),
                new ValidationRow(id, "loss(PML 10 um)/loss(20 um)", 1.0, a[1] / thick, c.require("pmlTolerance").number(), source));
    }

    private List<ValidationRow> fdScalarFiber(YamlNode c, String id, String source) {
        double a = 2e-6;
        double lambda = 0.8e-6;
        YamlNode e = c.require("expect");
        double exact = solver.solve(new StepIndexFiber(a, 1.46, 1.45, lambda), false, ProgressMonitor.NONE).fundamental().nEff();
        CrossSection guided = new CrossSection(1.45, 0).paint(new Shape.Circle(0, 0, a), 1.46, 0);
        double fdGuided = new FdScalarModeSolver().solve(guided, lambda, FdScalarModeSolver.Grid.centred(12e-6, 12e-6, 0.2e-6),
                new FdScalarModeSolver.Pml(0, 8), 1, 1.46, ProgressMonitor.NONE).get(0).nEff();
        double[] ref = leakyLp01(a, LEAKY_CLADDING, lambda);
        CrossSection leaky = leakyCrossSection(a, LEAKY_CLADDING);
        double fdLeaky = new FdScalarModeSolver().solve(leaky, lambda, FdScalarModeSolver.Grid.centred(14e-6, 14e-6, 0.15e-6),
                new FdScalarModeSolver.Pml(13, 8), 2, 1.46, ProgressMonitor.NONE).stream()
                .min(java.util.Comparator.comparingDouble(m -> Math.abs(m.nEff() - ref[0]))).orElseThrow().nEffImag();
        return List.of(new ValidationRow(id, "LP01 n_eff (guided)", exact, fdGuided, e.require("lp01Tolerance").number(), source),
                new ValidationRow(id, "LP01 Im n_eff (leaky)", ref[1], fdLeaky, e.require("leakyRelativeTolerance").number() * ref[1], source));
    }

    /** Outer radius of the cladding of the leaky test fiber (core 1.46, cladding 1.45, surround 1.47). */
    private static final double LEAKY_CLADDING = 4e-6;

    /** The leaky LP01 of the radial PML solver for a core of radius a in a cladding to r inside a 1.47 surround: {n_eff, Im}. */
    private double[] leakyLp01(double a, double r, double lambda) {
        double inf = Double.POSITIVE_INFINITY;
        RadialIndexProfile p = new RadialIndexProfile(new double[] {a, r}, new double[] {1.46, 1.45, 1.47},
                new double[] {1.46, 1.45, 1.47}, new double[] {inf, inf, inf}, new double[3]);
        RadialModes seed = radial.solve(p.withoutOuterLayer(), lambda, new RadialModeSolver.Settings(60, 0, 0), ProgressMonitor.NONE);
        return new LeakyModeSolver(p, lambda, seed.step(), 0, LeakyModeSolver.Pml.defaults(lambda)).effectiveIndex(seed.modes().get(0).eigenvalue());
    }

    private static CrossSection leakyCrossSection(double a, double r) {
        return new CrossSection(1.47, 0).paint(new Shape.Circle(0, 0, r), 1.45, 0).paint(new Shape.Circle(0, 0, a), 1.46, 0);
    }

    /** Quasi-TE n_eff of Hadley's rib (half window, mirror at x = 0) on a grid of the given step. */
    static double hadleyRib(double t, double step) {
        return hadleyRib(t, step, 4.5e-6);
    }

    /** The same with the half-window reaching x1 from the mirror plane. */
    static double hadleyRib(double t, double step, double x1) {
        double y0 = -4e-6;
        double y1 = 1.8e-6;
        int nx = (int) Math.round(x1 / step);
        int ny = (int) Math.round((y1 - y0) / step);
        CrossSection cs = new CrossSection(1.0, 0).paint(new Shape.Rectangle(0, -50e-6, 1, 100e-6), 3.40, 0);
        if (t > 0) {
            cs.paint(new Shape.Rectangle(0, t / 2, 1, t), 3.44, 0);
        }
        cs.paint(new Shape.Rectangle(0, 0.5e-6, 3e-6, 1e-6), 3.44, 0);
        return new FdScalarModeSolver().withPolarization(FdScalarModeSolver.Polarization.QUASI_TE).withEvenMirrorAtLeftEdge()
                .solve(cs, 1.15e-6, new FdScalarModeSolver.Grid(0, y0, step, step, nx, ny), new FdScalarModeSolver.Pml(0, 8), 1, 3.44,
                        ProgressMonitor.NONE).get(0).nEff();
    }

    private List<ValidationRow> hadleyRib(YamlNode c, String id, String source) {
        double tol = c.require("tolerance").number();
        double halfWidth = c.require("halfWidth").quantity(Units::length);
        List<ValidationRow> rows = new ArrayList<>();
        double orderSum = 0;
        int count = 0;
        for (YamlNode e : c.require("expect").list()) {
            double t = e.require("t").quantity(Units::length);
            double ref = e.require("nEff").number();
            double coarse = hadleyRib(t, 0.05e-6, halfWidth);
            double fine = hadleyRib(t, 0.025e-6, halfWidth);
            double extrapolated = (4 * fine - coarse) / 3;
            rows.add(new ValidationRow(id, String.format(java.util.Locale.ROOT, "n_eff, t = %.1f um", t * 1e6), ref, extrapolated, tol, source));
            // against the published value, not the extrapolation (which assumes the order it would measure)
            orderSum += Math.log(Math.abs(coarse - ref) / Math.abs(fine - ref)) / Math.log(2);
            count++;
        }
        rows.add(new ValidationRow(id, "observed order vs published (mean)", 2, orderSum / count, 0.25, source));
        return rows;
    }

    /** Fundamental n_eff of Hadley's corner structure (1 x 1 domain, core in the corner) on an n x n grid. */
    static double hadleyCorner(double epsCore, int n) {
        double unit = 1e-6;
        CrossSection cs = new CrossSection(1, 0).paint(new Shape.Rectangle(0.25 * unit, 0.25 * unit, 0.5 * unit, 0.5 * unit),
                Math.sqrt(epsCore), 0);
        double h = unit / n;
        FdVectorModeSolver.Walls walls = new FdVectorModeSolver.Walls(Wall.PEC, Wall.PEC, Wall.PMC, Wall.PMC, false, false, false, false);
        return new FdVectorModeSolver().solve(cs, 1.5 * unit, new FdScalarModeSolver.Grid(0, 0, h, h, n, n), walls, 0, 1,
                Math.sqrt(epsCore), Double.NEGATIVE_INFINITY, 1, ProgressMonitor.NONE).get(0).nEff();
    }

    private List<ValidationRow> hadleyCorner(YamlNode c, String id, String source) {
        List<YamlNode> grids = c.require("grids").list();
        if (grids.size() != 3) {
            throw new IllegalStateException(id + ": three grids, each twice the last");
        }
        List<ValidationRow> rows = new ArrayList<>();
        for (YamlNode e : c.require("expect").list()) {
            double epsCore = e.require("epsCore").number();
            double[] v = new double[3];
            for (int i = 0; i < 3; i++) {
                v[i] = hadleyCorner(epsCore, (int) grids.get(i).number());
            }
            // the corner's field singularity makes the error a h + b h^2: eliminate both terms
            double w1 = 2 * v[1] - v[0];
            double w2 = 2 * v[2] - v[1];
            double extrapolated = (4 * w2 - w1) / 3;
            String label = String.format(java.util.Locale.ROOT, "n_eff, eps %.2f/1", epsCore);
            rows.add(new ValidationRow(id, label, e.require("nEff").number(), extrapolated, c.require("tolerance").number(), source));
            rows.add(new ValidationRow(id, label + ": leading order (corner-limited)", 1,
                    Math.log((v[1] - v[0]) / (v[2] - v[1])) / Math.log(2), c.require("orderTolerance").number(), source));
        }
        return rows;
    }

    private List<ValidationRow> fdVectorFiber(YamlNode c, String id, String source) {
        YamlNode f = c.require("fiber");
        StepIndexFiber fiber = fiber(f, f.require("nCore").number());
        StepIndexModes exact = solver.solve(fiber, true, ProgressMonitor.NONE);
        Map<String, Double> ref = exact.vectorModes().stream().collect(Collectors.toMap(GuidedMode::name, GuidedMode::nEff, (x, y) -> x));
        double step = c.require("step").quantity(Units::length);
        double half = c.require("halfWindow").quantity(Units::length);
        int n = (int) Math.round(half / step);
        CrossSection cs = new CrossSection(fiber.nClad(), 0).paint(new Shape.Circle(0, 0, fiber.coreRadius()), fiber.nCore(), 0);
        FdScalarModeSolver.Grid g = new FdScalarModeSolver.Grid(0, 0, step, step, n, n);
        // the quarter next to the mirror planes x = 0 and y = 0, one symmetry class per pair of walls
        Map<String, List<FdVectorModeSolver.Mode>> classes = new java.util.HashMap<>();
        for (Wall x : Wall.values()) {
            for (Wall y : Wall.values()) {
                FdVectorModeSolver.Walls w = new FdVectorModeSolver.Walls(x, Wall.PEC, y, Wall.PEC, false, false, false, false);
                classes.put(x + "/" + y, new FdVectorModeSolver().solve(cs, fiber.wavelength(), g, w, 0, 2, fiber.nCore(), fiber.nClad(), 4,
                        ProgressMonitor.NONE));
            }
        }
        Map<String, Double> got = new java.util.HashMap<>();
        got.put("HE11", classes.get("PEC/PMC").get(0).nEff());
        // TE01 and one HE21 are odd about both planes; TM01 (no H_z) and the other HE21 even
        List<FdVectorModeSolver.Mode> odd = classes.get("PEC/PEC");
        FdVectorModeSolver.Mode te = hzFraction(odd.get(0)) > hzFraction(odd.get(1)) ? odd.get(0) : odd.get(1);
        got.put("TE01", te.nEff());
        got.put("HE21", (te == odd.get(0) ? odd.get(1) : odd.get(0)).nEff());
        List<FdVectorModeSolver.Mode> even = classes.get("PMC/PMC");
        got.put("TM01", (hzFraction(even.get(0)) < hzFraction(even.get(1)) ? even.get(0) : even.get(1)).nEff());
        double tol = c.require("tolerance").number();
        List<ValidationRow> rows = new ArrayList<>();
        for (String name : List.of("HE11", "TE01", "TM01", "HE21")) {
            rows.add(new ValidationRow(id, name + " n_eff", ref.get(name), got.get(name), tol, source));
        }
        double split = c.require("splittingTolerance").number();
        rows.add(new ValidationRow(id, "TE01 - TM01 splitting", ref.get("TE01") - ref.get("TM01"), got.get("TE01") - got.get("TM01"),
                split * (ref.get("TE01") - ref.get("TM01")), source));
        rows.add(new ValidationRow(id, "TE01 - HE21 splitting", ref.get("TE01") - ref.get("HE21"), got.get("TE01") - got.get("HE21"),
                split * (ref.get("TE01") - ref.get("HE21")), source));
        return rows;
    }

    /** A square core through the design path: the symmetric solve against an independent whole-window reference and itself. */
    private List<ValidationRow> fdSymmetry(YamlNode c, String id, String source) {
        List<ValidationRow> rows = new ArrayList<>();
        double tol = c.require("tolerance").number();
        double pairTol = c.require("pairTolerance").number();
        List<YamlNode> ref = c.require("reference").list();
        org.glassguide.solver.fd.FdAnalysisResult scalar = squareModes("fd-scalar", "[6 um, 6 um]", "0.04 um", "0 um", 633, ref.size(), "auto");
        for (int q = 0; q < ref.size(); q++) {
            rows.add(new ValidationRow(id, String.format(java.util.Locale.ROOT, "fd-scalar, symmetry auto: n_eff of mode %d (%s)", q + 1,
                    scalar.symmetryClasses().get(q)), ref.get(q).number(), scalar.listed().get(q).nEff(), tol, source));
        }
        rows.add(new ValidationRow(id, "fd-scalar: first pair's partners (odd-x even-y minus even-x odd-y)", 0,
                scalar.listed().get(1).nEff() - scalar.listed().get(2).nEff(), pairTol, source));
        org.glassguide.solver.fd.FdAnalysisResult auto = squareModes("fd-vector", "[5 um, 5 um]", "0.05 um", "1 um", 1000, 6, "auto");
        org.glassguide.solver.fd.FdAnalysisResult whole = squareModes("fd-vector", "[5 um, 5 um]", "0.05 um", "1 um", 1000, 6, "none");
        for (int q = 0; q < whole.listed().size(); q++) {
            rows.add(new ValidationRow(id, String.format(java.util.Locale.ROOT, "fd-vector with PML: n_eff of mode %d, auto (%s) vs whole window", q + 1,
                    auto.symmetryClasses().get(q)), whole.listed().get(q).nEff(), auto.listed().get(q).nEff(), tol, source));
        }
        rows.add(new ValidationRow(id, "fd-vector: HE11 partners (x-pec y-pmc minus x-pmc y-pec)", 0,
                auto.listed().get(0).nEff() - auto.listed().get(1).nEff(), pairTol, source));
        double pw = whole.vectorModes().get(0).pmlFraction();
        rows.add(new ValidationRow(id, "fd-vector: HE11's share in the PML, auto vs whole window", pw, auto.vectorModes().get(0).pmlFraction(),
                1e-6 * pw, source));
        return rows;
    }

    private static org.glassguide.solver.fd.FdAnalysisResult squareModes(String kind, String window, String step, String pml, double nm, int modes,
            String symmetry) {
        String yaml = String.format(java.util.Locale.ROOT, "format: glassguide/1%nname: square%nstructure:%n  waveguide:%n    background: { index: 1.44 }%n"
                + "    shapes:%n      - rectangle: { width: 2 um, height: 2 um, center: [0 um, 0 um], material: { index: 1.56 } }%n"
                + "wavelengths: [%s nm]%nsolver: { kind: %s, window: %s, step: %s, pml: %s, modes: %d, target: 1.56, symmetry: %s }%n"
                + "analyses: [modes]%n", nm, kind, window, step, pml, modes, symmetry);
        org.glassguide.solver.design.Design d = new org.glassguide.solver.designfile.DesignReader(MaterialLibrary.builtIn()).read("square.yaml",
                new java.io.StringReader(yaml), java.nio.file.Path.of("."));
        return new org.glassguide.solver.fd.FdAnalysis().analyse(d, d.wavelengths().get(0), d.solver(), false, w -> { }, ProgressMonitor.NONE);
    }

    /**
     * Leaky HE11 of a finite cladding in a high-index surround against the radial PML solver (weak
     * guidance: vector and scalar loss agree to well under a percent), its convergence with the PML's
     * thickness, and the bend loss of a high-contrast channel rising monotonically as the radius falls.
     */
    private List<ValidationRow> fdVectorLeakyBend(YamlNode c, String id, String source) {
        List<ValidationRow> rows = new ArrayList<>();
        double a = 2e-6;
        double lambda = 0.8e-6;
        double[] ref = leakyLp01(a, LEAKY_CLADDING, lambda);
        CrossSection leaky = leakyCrossSection(a, LEAKY_CLADDING);
        double step = 0.15e-6;
        double[] loss = new double[2];
        int q = 0;
        for (double pml : new double[] {1.5e-6, 3e-6}) {
            int cells = (int) Math.round((5.5e-6 + pml) / step);
            FdScalarModeSolver.Grid g = new FdScalarModeSolver.Grid(0, 0, step, step, cells, cells);
            FdVectorModeSolver.Walls w = FdVectorModeSolver.Walls.pmlAllRound().withLeftMirror(Wall.PEC).withBottomMirror(Wall.PMC);
            loss[q++] = new FdVectorModeSolver().solve(leaky, lambda, g, w, (int) Math.round(pml / step), 2, 1.46, Double.NEGATIVE_INFINITY, 4,
                    ProgressMonitor.NONE).stream().min(java.util.Comparator.comparingDouble(m -> Math.abs(m.nEff() - ref[0])))
                    .orElseThrow().nEffImag();
        }
        rows.add(new ValidationRow(id, "leaky HE11 Im n_eff vs radial PML solver (LP01)", ref[1], loss[1],
                c.require("leakyRelativeTolerance").number() * ref[1], source));
        rows.add(new ValidationRow(id, "leaky loss, PML 1.5 um / PML 3 um", 1, loss[0] / loss[1], c.require("pmlTolerance").number(), source));
        // bend: 1.5 x 1.5 um channel, 1.56 in 1.44, 1.55 um; the y = 0 plane stays a mirror (magnetic wall: x-polarised family)
        CrossSection channel = new CrossSection(1.44, 0).paint(new Shape.Rectangle(0, 0, 1.5e-6, 1.5e-6), 1.56, 0);
        double h = 0.08e-6;
        FdScalarModeSolver.Grid g = new FdScalarModeSolver.Grid(-5e-6, 0, h, h, 125, 50);
        FdVectorModeSolver.Walls w = FdVectorModeSolver.Walls.pmlAllRound().withBottomMirror(Wall.PMC);
        int pmlCells = 20;
        double straight = new FdVectorModeSolver().solve(channel, 1.55e-6, g, w, pmlCells, 1, 1.56, 1.44, 2, ProgressMonitor.NONE).get(0).nEff();
        double previous = Double.NaN;
        double previousRadius = Double.NaN;
        for (YamlNode rn : c.require("bendRadii").list()) {
            double radius = rn.quantity(Units::length);
            CrossSection bent = new CrossSection(1.44, 0).paint(new Shape.Rectangle(0, 0, 1.5e-6, 1.5e-6), 1.56, 0).bend(radius, 1);
            double im = new FdVectorModeSolver().solve(bent, 1.55e-6, g, w, pmlCells, 3, straight, Double.NEGATIVE_INFINITY, 2,
                    ProgressMonitor.NONE).stream().min(java.util.Comparator.comparingDouble(FdVectorModeSolver.Mode::pmlFraction))
                    .orElseThrow().nEffImag();
            if (!Double.isNaN(previous)) {
                rows.add(new ValidationRow(id, String.format(java.util.Locale.ROOT, "bend loss rises: sign of loss(R = %.0f um) - loss(%.0f um)",
                        radius * 1e6, previousRadius * 1e6), 1, Math.signum(im - previous), 0, source));
            }
            previous = im;
            previousRadius = radius;
        }
        return rows;
    }

    /** int |H_z|^2 / int |H|^2: zero for TM modes. */
    private static double hzFraction(FdVectorModeSolver.Mode m) {
        double z = 0;
        double all = 0;
        for (FdVectorModeSolver.Component k : List.of(FdVectorModeSolver.Component.HX, FdVectorModeSolver.Component.HY,
                FdVectorModeSolver.Component.HZ)) {
            double[] f = m.field(k);
            double s = 0;
            for (double v : f) {
                s += v * v;
            }
            all += s;
            if (k == FdVectorModeSolver.Component.HZ) {
                z = s;
            }
        }
        return z / all;
    }

    /**
     * The TM mode of a slab (E normal to its faces) between electric walls, solved on the 2D grid as a
     * structure uniform in y (magnetic walls top and bottom), against the exact dispersion relation
     * (k_x / eps1) tan(k_x a) = (gamma / eps2) tanh(gamma (L - a)) for the half-width a in a half-window L.
     */
    private List<ValidationRow> fdVectorSlabOrder(YamlNode c, String id, String source) {
        double unit = 1e-6;
        double lambda = 1.5 * unit;
        double a = 0.5 * unit;
        double l = 1.0 * unit;
        double k0 = 2 * Math.PI / lambda;
        List<ValidationRow> rows = new ArrayList<>();
        for (YamlNode e : c.require("expect").list()) {
            double e1 = e.require("epsCore").number();
            double e2 = 1;
            java.util.function.DoubleUnaryOperator f = b -> {
                double kx = Math.sqrt(k0 * k0 * e1 - b * b);
                double g = Math.sqrt(b * b - k0 * k0 * e2);
                return kx * Math.tan(kx * a) / e1 - g * Math.tanh(g * (l - a)) / e2;
            };
            // the fundamental: the first sign change below k0 n1, before tan's first pole
            double hi = k0 * Math.sqrt(e1) * (1 - 1e-12);
            double lo = Math.max(k0 * Math.sqrt(e2) * (1 + 1e-12), Math.sqrt(k0 * k0 * e1 - Math.pow(Math.PI / (2 * a), 2)) + 1e-6 / unit);
            double exact = RootFinder.brent(f, lo, hi, f.applyAsDouble(lo), f.applyAsDouble(hi), 1e-15 * hi) / k0;
            CrossSection cs = new CrossSection(1, 0).paint(new Shape.Rectangle(0, 0, 2 * a, 100 * unit), Math.sqrt(e1), 0);
            FdVectorModeSolver.Walls w = new FdVectorModeSolver.Walls(Wall.PEC, Wall.PEC, Wall.PMC, Wall.PMC, false, false, false, false);
            double prev = Double.NaN;
            double last = Double.NaN;
            for (YamlNode gn : c.require("grids").list()) {
                int n = (int) gn.number();
                double h = l / n;
                last = new FdVectorModeSolver().solve(cs, lambda, new FdScalarModeSolver.Grid(0, 0, h, h, n, 3), w, 0, 1, Math.sqrt(e1),
                        Double.NEGATIVE_INFINITY, 1, ProgressMonitor.NONE).get(0).nEff();
                double err = Math.abs(last - exact);
                if (!Double.isNaN(prev)) {
                    rows.add(new ValidationRow(id, String.format(java.util.Locale.ROOT, "TM slab eps %.2f/1: order %d->%d cells", e1, n / 2, n),
                            2, Math.log(prev / err) / Math.log(2), c.require("orderTolerance").number(), source));
                }
                prev = err;
            }
            rows.add(new ValidationRow(id, String.format(java.util.Locale.ROOT, "TM slab eps %.2f/1: n_eff, finest grid", e1), exact, last,
                    c.require("tolerance").number(), source));
        }
        return rows;
    }

    private List<ValidationRow> radialConvergence(YamlNode c, String id, String source) {
        YamlNode f = c.require("fiber");
        StepIndexFiber fiber = fiber(f, f.require("nCore").number());
        double ref = solver.solve(fiber, false, ProgressMonitor.NONE).fundamental().nEff();
        YamlNode e = c.require("expect");
        List<ValidationRow> rows = new ArrayList<>();
        double prev = Double.NaN;
        for (double ppp : new double[] {10, 20, 40, 80}) {
            RadialModes r = radial.solve(RadialIndexProfile.stepIndex(fiber.coreRadius(), fiber.nCore(), fiber.nClad()),
                    fiber.wavelength(), new RadialModeSolver.Settings(ppp, 0, 0), ProgressMonitor.NONE);
            double err = Math.abs(r.modes().get(0).nEff() - ref);
            if (!Double.isNaN(prev)) {
                rows.add(new ValidationRow(id, String.format(java.util.Locale.ROOT, "LP01 order %.0f->%.0f ppp", ppp / 2, ppp),
                        e.require("order").number(), Math.log(prev / err) / Math.log(2), e.require("tolerance").number(), source));
            }
            prev = err;
        }
        return rows;
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
