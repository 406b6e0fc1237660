package org.glassguide.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

import org.glassguide.materials.Material;
import org.glassguide.materials.catalog.MaterialLibrary;
import org.glassguide.materials.units.Units;
import org.glassguide.materials.yaml.YamlNode;
import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.design.Design;
import org.glassguide.solver.design.DesignOptions;
import org.glassguide.solver.design.FiberStructure;
import org.glassguide.solver.design.Layer;
import org.glassguide.solver.design.SolverSettings;
import org.glassguide.solver.fiber.FiberAnalysis;
import org.glassguide.solver.fiber.GuidedMode;
import org.glassguide.solver.fiber.ModePowerShares;
import org.glassguide.solver.loss.Calibration;
import org.glassguide.solver.loss.LossBudget;
import org.glassguide.solver.loss.LossChecks;
import org.glassguide.solver.loss.LossResult;
import org.glassguide.solver.loss.LossSettings;
import org.glassguide.solver.loss.Mechanism;
import org.glassguide.solver.special.Bessel;

/** Loss budget: calibration against its points, the LP01 core share against the integrated field, Fresnel and Gaussian coupling. */
final class LossValidation {
    private LossValidation() {
    }

    /** Each calibration reproduces its measured points; synthetic data with stated uncertainties give back their amplitudes. */
    static List<ValidationRow> calibration(YamlNode c, String id, String source, MaterialLibrary library) {
        List<ValidationRow> rows = new ArrayList<>();
        for (YamlNode set : c.require("sets").list()) {
            String label = set.require("label").text();
            List<Calibration.Point> pts = new ArrayList<>();
            for (YamlNode p : set.require("points").list()) {
                pts.add(new Calibration.Point(p.list().get(0).quantity(Units::wavelength), p.list().get(1).quantity(Units::attenuation), Double.NaN));
            }
            List<Mechanism> mechs = new ArrayList<>();
            for (YamlNode m : set.require("mechanisms").list()) {
                mechs.add(m.isScalar() ? (m.text().equals("rayleigh") ? Mechanism.rayleigh() : Mechanism.floor())
                        : Mechanism.band(m.require("band").require("centre").quantity(Units::wavelength), m.require("band").require("fwhm")
                                .quantity(Units::length)));
            }
            Calibration.Result r = new Calibration().fit(mechs, pts);
            double worst = 0;
            for (Calibration.Point p : pts) {
                worst = Math.max(worst, Math.abs(r.alpha(p.wavelength()) / p.alpha() - 1));
            }
            rows.add(new ValidationRow(id, label + ": largest relative misfit at the measured points", 0, worst, 1e-6, source));
            if (set.has("fiber")) {
                // the budget of the guide the points were measured on gives them back: guide loss, not material loss times a share
                YamlNode f = set.require("fiber");
                Material core = library.get(f.require("core").text());
                Material clad = library.get(f.require("cladding").text());
                FiberStructure fs = new FiberStructure(List.of(new Layer(core, f.require("core-diameter").quantity(Units::length) / 2),
                        new Layer(clad, f.require("cladding-diameter").quantity(Units::length) / 2)), library.get("air"));
                List<Double> wls = pts.stream().map(Calibration.Point::wavelength).toList();
                LossSettings ls = new LossSettings(0.01, null, 0, new LossSettings.CalibrationSpec(core.name(), pts, mechs), null, null, false);
                Design d = new Design(id, "", fs, null, wls, List.of("loss"), DesignOptions.defaults(), SolverSettings.defaults(),
                        Map.of(LossSettings.SECTION, ls), id);
                LossResult budget = new LossBudget().analyse(d, ls, w -> { }, ProgressMonitor.NONE);
                for (int i = 0; i < pts.size(); i++) {
                    double measured = pts.get(i).alpha() * Units.DB_PER_NEPER_POWER;
                    rows.add(new ValidationRow(id, String.format(Locale.ROOT, "%s: budget's propagation loss at %s nm (dB/m)", label,
                            Units.nm(pts.get(i).wavelength())), measured, budget.rows().get(i).propagationTotalDbPerM(), 1e-6 * measured, source));
                }
            }
        }
        // synthetic: 5 wavelengths from known amplitudes, stated 1 % uncertainties, exact data
        List<Mechanism> mechs = List.of(Mechanism.rayleigh(), Mechanism.floor(), Mechanism.band(1.38e-6, 40e-9));
        double[] truth = {0.3, 0.05, 2.0};
        List<Calibration.Point> pts = new ArrayList<>();
        for (double wl : new double[] {0.6e-6, 0.85e-6, 1.1e-6, 1.31e-6, 1.38e-6}) {
            double a = 0;
            for (int k = 0; k < 3; k++) {
                a += truth[k] * mechs.get(k).shape(wl);
            }
            pts.add(new Calibration.Point(wl, a, 0.01 * a));
        }
        Calibration.Result r = new Calibration().fit(mechs, pts);
        String[] names = {"Rayleigh", "floor", "band"};
        for (int k = 0; k < 3; k++) {
            rows.add(new ValidationRow(id, "synthetic 5 points: " + names[k] + " amplitude (1/m)", truth[k], r.best().amplitudes()[k], 1e-9 * truth[k]
                    + 1e-15, source));
        }
        return rows;
    }

    /** LP01's core share from the closed form against the integral of the exact field (J0 inside, K0 outside). */
    static List<ValidationRow> coreShare(YamlNode c, String id, String source, org.glassguide.materials.catalog.MaterialLibrary library) {
        List<ValidationRow> rows = new ArrayList<>();
        double n1 = c.require("n-core").number();
        double n2 = c.require("n-clad").number();
        double wl = c.require("wavelength").quantity(Units::wavelength);
        for (YamlNode vn : c.require("v-numbers").list()) {
            double v = vn.number();
            double a = v * wl / (2 * Math.PI * Math.sqrt(n1 * n1 - n2 * n2));
            FiberAnalysis an = Numerics.stepIndex(n1, n2, a, wl);
            GuidedMode lp01 = an.modes().lpModes().get(0);
            double u = lp01.u();
            double w = lp01.w();
            // |E|^2 on r = a t: J0(u t)^2 inside, (J0(u) / K0(w))^2 K0(w t)^2 outside; Simpson in t
            double inside = Numerics.simpson(t -> sq(Bessel.j(0, u * t)) * t, 0, 1, 4000);
            double j0 = Bessel.j(0, u);
            double k0 = Bessel.kScaled(0, w);
            double outside = Numerics.simpson(t -> sq(j0 * Bessel.kScaled(0, w * t) * Math.exp(-w * (t - 1)) / k0) * t, 1, 1 + 60 / w, 40000);
            double integrated = inside / (inside + outside);
            rows.add(new ValidationRow(id, String.format(Locale.ROOT, "LP01 core share at V = %.2f", v), integrated, LossChecks.coreShare(an, ModePowerShares.Launch.FUNDAMENTAL), 1e-7,
                    source));
        }
        return rows;
    }

    /**
     * A few-mode core's shares: each LP mode's power within the core and within half its radius, and the launches' means
     * over the guided modes, against the exact fields integrated by Simpson's rule (J_l inside, matched K_l outside).
     */
    static List<ValidationRow> fewModeShares(YamlNode c, String id, String source) {
        List<ValidationRow> rows = new ArrayList<>();
        double n2 = c.require("n-clad").number();
        double na = c.require("na").number();
        double wl = c.require("wavelength").quantity(Units::wavelength);
        double a = c.require("core-diameter").quantity(Units::length) / 2;
        double tol = c.require("tolerance").number();
        FiberAnalysis an = Numerics.stepIndex(Math.sqrt(n2 * n2 + na * na), n2, a, wl);
        List<GuidedMode> modes = an.modes().lpModes();
        double equalNum = 0;
        double equalDen = 0;
        for (GuidedMode m : modes) {
            int l = m.order();
            double u = m.u();
            double w = m.w();
            double jl = Bessel.j(l, u);
            double kl = Bessel.kScaled(l, w);
            DoubleUnaryOperator field = t -> t <= 1 ? sq(Bessel.j(l, u * t)) * t : sq(jl * Bessel.kScaled(l, w * t) * Math.exp(-w * (t - 1)) / kl) * t;
            double core = Numerics.simpson(field, 0, 1, 4000);
            double total = core + Numerics.simpson(field, 1, 1 + 80 / w, 200000);
            double half = Numerics.simpson(field, 0, 0.5, 4000);
            rows.add(new ValidationRow(id, m.name() + " power in the core", core / total, ModePowerShares.share(m, 1), tol, source));
            rows.add(new ValidationRow(id, m.name() + " power within half the core radius", half / total, ModePowerShares.share(m, 0.5), tol, source));
            double g = l == 0 ? 2 : 4;
            equalNum += g * core / total;
            equalDen += g;
        }
        rows.add(new ValidationRow(id, "every guided mode equally excited: mean core share", equalNum / equalDen,
                ModePowerShares.mean(modes, 1, ModePowerShares.Launch.EQUAL), tol, source));
        rows.add(new ValidationRow(id, "loss budget's core share, single-mode launch", ModePowerShares.share(modes.get(0), 1),
                LossChecks.coreShare(an, ModePowerShares.Launch.FUNDAMENTAL), 1e-15, source));
        return rows;
    }

    static List<ValidationRow> facesAndCoupling(YamlNode c, String id, String source) {
        List<ValidationRow> rows = new ArrayList<>();
        // R = ((1.5 - 1) / 2.5)^2 = 0.04 exactly
        rows.add(new ValidationRow(id, "Fresnel loss per face, n 1.5 into air (dB)", -10 * Math.log10(0.96), LossChecks.fresnelDb(1.5, 1.0), 1e-12,
                source));
        // waists w and 2w: eta = (2 * 2 / (1 + 4))^2 = 0.64
        rows.add(new ValidationRow(id, "Gaussian into LP01, waist ratio 2 (dB)", -10 * Math.log10(0.64), LossChecks.gaussianIntoLp01Db(2e-6, 4e-6),
                1e-12, source));
        rows.add(new ValidationRow(id, "Gaussian into LP01, matched (dB)", 0, LossChecks.gaussianIntoLp01Db(3e-6, 3e-6), 1e-12, source));
        // the averaged Fresnel loss: its narrow-cone limit is the normal-incidence value; over the whole Lambertian hemisphere
        // the mean reflectance of n = 1.5 from air is 0.0917780 (independent quadrature, see the case's source)
        rows.add(new ValidationRow(id, "Fresnel averaged over a narrow cone (sin 1e-4), n 1.5 (dB)", -10 * Math.log10(0.96),
                LossChecks.fresnelAveragedDb(1.5, 1.0, 1e-4), 1e-9, source));
        rows.add(new ValidationRow(id, "Fresnel averaged over the Lambertian hemisphere, n 1.5 from air (dB)", -10 * Math.log10(1 - 0.0917780),
                LossChecks.fresnelAveragedDb(1.5, 1.0, 1.0), 1e-5, source));
        return rows;
    }

    private static double sq(double x) {
        return x * x;
    }

    /**
     * LP01 bend loss of a weakly guiding fiber: Marcuse's closed form against the scalar FD mode solver's bent mode
     * (conformal map n (1 + x/R), PML outside). The exponential fall with radius — the physics a designer reads — must
     * agree closely; the closed form's level is an asymptotic estimate and is held to a looser band.
     */
    static List<ValidationRow> marcuseBend(YamlNode c, String id, String source) {
        double a = c.require("core-radius").quantity(org.glassguide.materials.units.Units::length);
        double n1 = c.require("n-core").number();
        double n2 = c.require("n-clad").number();
        double wl = c.require("wavelength").quantity(org.glassguide.materials.units.Units::wavelength);
        double h = c.require("step").quantity(org.glassguide.materials.units.Units::length);
        double width = c.require("window").quantity(org.glassguide.materials.units.Units::length);
        org.glassguide.solver.fiber.StepIndexFiber f = new org.glassguide.solver.fiber.StepIndexFiber(a, n1, n2, wl);
        org.glassguide.solver.fiber.GuidedMode lp01 = new org.glassguide.solver.fiber.StepIndexModeSolver().solve(f, false,
                org.glassguide.solver.ProgressMonitor.NONE).lpModes().get(0);
        double beta = 2 * Math.PI / wl * lp01.nEff();
        org.glassguide.solver.fd.FdScalarModeSolver.Grid g = org.glassguide.solver.fd.FdScalarModeSolver.Grid.centred(width, width / 2, h);
        org.glassguide.solver.fd.FdScalarModeSolver.Pml pml = new org.glassguide.solver.fd.FdScalarModeSolver.Pml(20, 8);
        List<YamlNode> radii = c.require("radii").list();
        double[] r = new double[radii.size()];
        double[] fd = new double[r.length];
        double[] cf = new double[r.length];
        List<ValidationRow> rows = new ArrayList<>();
        for (int q = 0; q < r.length; q++) {
            r[q] = radii.get(q).quantity(org.glassguide.materials.units.Units::length);
            org.glassguide.solver.fd.CrossSection bent = new org.glassguide.solver.fd.CrossSection(n2, 0)
                    .paint(new org.glassguide.solver.design.Shape.Circle(0, 0, a), n1, 0).bend(r[q], 1);
            org.glassguide.solver.fd.FdScalarModeSolver.Mode m = new org.glassguide.solver.fd.FdScalarModeSolver().solve(bent, wl, g, pml, 3, lp01.nEff(),
                    org.glassguide.solver.ProgressMonitor.NONE).stream()
                    .min(java.util.Comparator.comparingDouble(org.glassguide.solver.fd.FdScalarModeSolver.Mode::pmlFraction)).orElseThrow();
            fd[q] = m.lossDbPerMetre(wl);
            cf[q] = org.glassguide.solver.loss.BendAndLeakage.marcuseAlpha(a, lp01.u(), lp01.w(), f.vNumber(), beta, r[q]) * 10 / Math.log(10);
            rows.add(new ValidationRow(id, String.format(java.util.Locale.ROOT, "LP01 bend loss at R = %.0f mm, FD solver / Marcuse", r[q] * 1e3), 1,
                    fd[q] / cf[q], c.require("level-tolerance").number(), source));
        }
        int last = r.length - 1;
        double slopeFd = Math.log(fd[0] / fd[last]) / (r[last] - r[0]);
        double slopeCf = Math.log(cf[0] / cf[last]) / (r[last] - r[0]);
        rows.add(new ValidationRow(id, String.format(java.util.Locale.ROOT, "decay rate of the bend loss with radius, %.0f-%.0f mm (1/mm)", r[0] * 1e3,
                r[last] * 1e3), slopeCf / 1e3, slopeFd / 1e3, c.require("slope-tolerance").number() * slopeCf / 1e3, source));
        return rows;
    }
}
